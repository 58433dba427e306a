using System.Globalization;
using System.Text.RegularExpressions;
using Timeline.Domain.Text;

namespace Timeline.Domain.Dates;

/// <summary>The result of reading a typed date: a start, and an end when the text was a range.</summary>
public sealed record DateRangeInput(HistoricalDate Start, HistoricalDate? End);

/// <summary>
/// Reads dates as people type them: EDTF ("1929-10-15", "1929~", "../1930", "1936-08-19/1936-08-24")
/// and the forms historians write ("c. 1929", "before 1930", "15 Oct 1929", "25 Oct 1917 OS").
/// </summary>
public static partial class DateInput
{
    private static readonly string[] Months =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static DateRangeInput Parse(string text, CalendarSystem calendar = CalendarSystem.Gregorian) =>
        TryParse(text, calendar, out var result, out var error) ? result! : throw new FormatException(error);

    public static bool TryParse(string? text, CalendarSystem calendar, out DateRangeInput? result, out string? error)
    {
        result = null;
        var s = Normalise(text);
        if (s.Length == 0) { error = "Enter a date, for example 1929-10-15, Oct 1929, c. 1929 or before 1930."; return false; }

        if (JulianMarker().Match(s) is { Success: true } os)
        {
            calendar = CalendarSystem.Julian;
            s = s.Remove(os.Index, os.Length).Trim();
        }

        // EDTF open ends are single dates, not ranges.
        if (s.StartsWith("../", StringComparison.Ordinal) || s.EndsWith("/..", StringComparison.Ordinal))
            return Single(s, calendar, out result, out error);

        var range = RangeSeparator().Split(s);
        if (range.Length == 2)
        {
            if (!TryParseOne(range[0], calendar, out var start, out error)) return false;
            if (!TryParseOne(range[1], calendar, out var end, out error)) return false;
            if (end!.Latest < start!.Earliest) { error = "The end of the range comes before its start."; return false; }
            result = new DateRangeInput(start, end);
            return true;
        }
        return Single(s, calendar, out result, out error);
    }

    private static bool Single(string s, CalendarSystem calendar, out DateRangeInput? result, out string? error)
    {
        result = null;
        if (!TryParseOne(s, calendar, out var date, out error)) return false;
        result = new DateRangeInput(date!, null);
        return true;
    }

    /// <summary>Reads one date in any accepted form.</summary>
    public static bool TryParseOne(string? text, CalendarSystem calendar, out HistoricalDate? date, out string? error)
    {
        var s = Normalise(text);
        if (HistoricalDate.TryParseEdtf(s, calendar, out date, out error)) return true;
        // Text shaped like an ISO date but invalid (1929-02-30) gets the precise reason, not a generic one.
        if (IsoShaped().IsMatch(s)) return false;
        var qualifier = DateQualifier.Exact;
        if (Prefix(ref s, "circa", "ca.", "ca", "c.", "c", "about", "approx.", "approx", "~")) qualifier = DateQualifier.Circa;
        else if (Prefix(ref s, "before", "by", "until", "..")) qualifier = DateQualifier.Before;
        else if (Prefix(ref s, "after", "since", "from")) qualifier = DateQualifier.After;
        else if (s.EndsWith("..", StringComparison.Ordinal) && !s.EndsWith("/..", StringComparison.Ordinal)) { qualifier = DateQualifier.After; s = s[..^2].Trim(); }

        if (qualifier != DateQualifier.Exact)
        {
            var inner = s.TrimEnd('?', '~', '%');
            var unsure = s.EndsWith('?');
            if (!TryParseOne(inner, calendar, out var core, out error)) { date = null; return false; }
            if (core!.Qualifier != DateQualifier.Exact) { date = null; error = "Use one qualifier at a time."; return false; }
            var q = qualifier == DateQualifier.Circa && unsure ? DateQualifier.CircaUncertain : qualifier;
            return HistoricalDate.TryCreate(core.Year, core.Month, core.Day, q, calendar, out date, out error);
        }

        // Written forms: "15 Oct 1929", "October 1929", "Oct 15, 1929", "1929?" with a trailing mark.
        var mark = s.Length > 0 && s[^1] is '?' or '~' or '%' ? s[^1] : (char?)null;
        var body = mark is null ? s : s[..^1].Trim();
        var m = WrittenDate().Match(body);
        if (m.Success)
        {
            var day = m.Groups["d1"].Success ? m.Groups["d1"].Value : m.Groups["d2"].Value;
            var month = MonthNumber(m.Groups["mon"].Value);
            if (month is not null)
            {
                var q = mark switch { '?' => DateQualifier.Uncertain, '~' => DateQualifier.Circa, '%' => DateQualifier.CircaUncertain, _ => DateQualifier.Exact };
                return HistoricalDate.TryCreate(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), month,
                    day.Length > 0 ? int.Parse(day, CultureInfo.InvariantCulture) : null, q, calendar, out date, out error);
            }
        }
        date = null;
        error = $"{Excerpt.Quote(text?.Trim())} is not a date we can read. Try 1929-10-15, Oct 1929, c. 1929, before 1930 or 1936-08-19/1936-08-24.";
        return false;
    }

    private static bool Prefix(ref string s, params string[] words)
    {
        foreach (var w in words)
        {
            if (!s.StartsWith(w, StringComparison.OrdinalIgnoreCase)) continue;
            var rest = s[w.Length..];
            // A word prefix must be followed by a space or a digit ("c.1929", "c 1929"); ".." and "~" need nothing.
            if (char.IsLetter(w[^1]) && rest.Length > 0 && char.IsLetter(rest[0])) continue;
            s = rest.Trim();
            return s.Length > 0;
        }
        return false;
    }

    private static int? MonthNumber(string name)
    {
        if (name.Length < 3) return null;
        var i = Array.IndexOf(Months, name[..3].ToLowerInvariant());
        return i < 0 ? null : i + 1;
    }

    private static string Normalise(string? text) =>
        (text ?? "").Trim().Replace('\u2013', '-').Replace('\u2014', '-').Replace('\u00a0', ' ');

    [GeneratedRegex(@"\s*\(?\b(O\.?\s?S\.?|old style|julian)\)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex JulianMarker();

    // "/" between two dates, or " - " / " to " with spaces (a bare "-" belongs to ISO dates).
    [GeneratedRegex(@"\s*/\s*|\s+-\s+|\s+to\s+", RegexOptions.IgnoreCase)]
    private static partial Regex RangeSeparator();

    [GeneratedRegex(@"^(\.\./)?\d{4}(-\d{2}){0,2}[~?%]?(/\.\.)?$")]
    private static partial Regex IsoShaped();

    [GeneratedRegex(@"^(?:(?<d1>\d{1,2})\s+)?(?<mon>[A-Za-z]{3,9})\.?(?:\s+(?<d2>\d{1,2}),?)?\s+(?<y>\d{4})$")]
    private static partial Regex WrittenDate();
}
