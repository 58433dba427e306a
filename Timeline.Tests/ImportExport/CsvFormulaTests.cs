using CsvHelper;
using Timeline.Domain.ImportExport;
using Timeline.Tests.Support;

namespace Timeline.Tests.ImportExport;

/// <summary>
/// A spreadsheet runs a cell that begins with =, +, -, @, tab or carriage return as a formula. Exported cells that
/// begin so get a leading apostrophe (which spreadsheets show as text), and the importer takes exactly that off.
/// </summary>
public sealed class CsvFormulaTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "timeline-tests", "formula-" + Guid.NewGuid().ToString("N"));

    public CsvFormulaTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, true);

    [Theory]
    [InlineData("=cmd|'/C calc'!A0", "'=cmd|'/C calc'!A0")]
    [InlineData("-5 killed", "'-5 killed")]
    [InlineData("+7 more", "'+7 more")]
    [InlineData("@home", "'@home")]
    [InlineData("\tindented", "'\tindented")]
    [InlineData("\rreturn", "'\rreturn")]
    [InlineData("'quoted", "'quoted")]
    [InlineData("'=already quoted", "''=already quoted")]
    [InlineData("''", "'''")]
    [InlineData("'", "'")]
    [InlineData("plain", "plain")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void A_cell_is_neutralised_on_writing_and_restored_exactly_on_reading(string value, string written)
    {
        Assert.Equal(written, CsvCells.Neutralise(value));
        Assert.Equal(value, CsvCells.Restore(CsvCells.Neutralise(value)));
    }

    private const string Dataset = """
        {
          "sources": [
            { "id": "doc-a", "title": "=SUM(A1:A9)", "author": "-anonymous", "kind": "archival-document", "description": "@mention",
              "archive": { "archive": "+RGASPI", "fond": "17", "opis": "171", "delo": "136", "pages": "-12" } },
            { "id": "doc-b", "title": "'quoted", "kind": "book" }
          ],
          "persons": [
            { "id": "p-one", "name": "@Someone", "variants": ["+variant", "=HYPERLINK(\"http://evil.example\")"], "description": "'=already quoted" },
            { "id": "p-two", "name": "Plain Name", "description": "''two apostrophes" }
          ],
          "events": [
            { "id": "e-one", "kind": "arrest", "title": "=cmd|'/C calc'!A0", "summary": "-5 killed", "place": "@home", "start": "1929-10-15",
              "claimStatus": "stated",
              "participants": [ { "person": "p-one", "role": "arrested", "outcome": "-released" } ],
              "evidence": [ { "source": "doc-a", "locator": "-l. 94", "note": "=note" }, { "source": "doc-b", "locator": "@p. 3" } ],
              "dateClaims": [ { "start": "1929-10-15", "source": "doc-a", "locator": "-l. 94", "preferred": true, "note": "+claim" } ],
              "arrest": { "agency": "=OGPU", "place": "-Moscow", "charge": "@treason" } },
            { "id": "e-two", "kind": "trial", "title": "'quoted", "summary": "+plus", "start": "../1930", "end": "1930", "claimStatus": "disputed",
              "participants": [ { "person": "p-two", "role": "defendant", "sentence": "-death" } ],
              "evidence": [ { "source": "doc-b", "locator": "p. 1" } ], "trial": { "court": "@court" } }
          ]
        }
        """;

    [Fact]
    public async Task Titles_that_look_like_formulas_export_as_text_and_re_import_unchanged()
    {
        var json = Path.Combine(_folder, "dataset.json");
        await File.WriteAllTextAsync(json, Dataset);
        using var original = new TestDatabase();
        await original.Get<DatasetImporter>().ImportAsync(json);

        var csv = Path.Combine(_folder, "csv");
        Directory.CreateDirectory(csv);
        var paths = new[] { CsvDataset.EventsFile, CsvDataset.PersonsFile, CsvDataset.SourcesFile }.Select(f => Path.Combine(csv, f)).ToArray();
        await using (var events = File.Create(paths[0]))
        await using (var persons = File.Create(paths[1]))
        await using (var sources = File.Create(paths[2]))
            await original.Get<DatasetExporter>().WriteCsvAsync(events, persons, sources, new());

        foreach (var path in paths)
            foreach (var cell in Cells(path))
                Assert.False(cell.Length > 0 && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal), $"{Path.GetFileName(path)}: the cell '{cell}' would run as a formula");
        Assert.Contains("'=cmd|'/C calc'!A0", Cells(paths[0]));

        using var copy = new TestDatabase();
        await copy.Get<DatasetImporter>().ImportAsync(paths[0]);
        CanonicalRows.AssertEqual(original, copy);
    }

    private static List<string> Cells(string path)
    {
        using var reader = new StreamReader(path);
        using var parser = new CsvParser(reader, System.Globalization.CultureInfo.InvariantCulture);
        var cells = new List<string>();
        while (parser.Read()) cells.AddRange(parser.Record!);
        return cells;
    }
}
