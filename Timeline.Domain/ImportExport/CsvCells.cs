namespace Timeline.Domain.ImportExport;

/// <summary>
/// Spreadsheet programs run a cell that begins with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return
/// as a formula (<c>=cmd|'/C calc'!A0</c> in a title would start a program on the reader's machine). The CSV writer
/// puts an apostrophe before such a cell, which spreadsheets show as text and hide, and the reader takes exactly
/// that apostrophe off again, so export and import stay a lossless round trip.
/// </summary>
/// <remarks>
/// A value that itself begins with an apostrophe followed by one of those characters or by another apostrophe
/// (<c>'=x</c>, <c>''</c>) gets one more apostrophe too, so reading never takes off one that was in the data. Any
/// other leading apostrophe (<c>'quoted</c>) is written and read as it is.
/// </remarks>
public static class CsvCells
{
    public const char Escape = '\'';

    /// <summary>The characters that make a spreadsheet treat a cell as a formula (OWASP's list for CSV injection).</summary>
    public const string FormulaStarts = "=+-@\t\r";

    public static string Neutralise(string value) => NeedsEscape(value) ? Escape + value : value;

    public static string Restore(string cell) => cell.Length > 1 && cell[0] == Escape && IsEscapable(cell[1]) ? cell[1..] : cell;

    private static bool NeedsEscape(string value) =>
        value.Length > 0 && (FormulaStarts.Contains(value[0], StringComparison.Ordinal) || (value.Length > 1 && value[0] == Escape && IsEscapable(value[1])));

    private static bool IsEscapable(char c) => c == Escape || FormulaStarts.Contains(c, StringComparison.Ordinal);
}
