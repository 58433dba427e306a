using System.Globalization;
using Timeline.Domain.Text;

namespace Timeline.Domain.Dates;

/// <summary>
/// A date as a historian writes it: known to a year, month or day, qualified (c., ?, before, after) and
/// in the calendar of its source. It is stored as written; its Gregorian bounds are computed so that
/// uncertain dates still sort and filter. See docs/historical-dates.md for the rules.
/// </summary>
public sealed record HistoricalDate
{
    private static readonly JulianCalendar JulianCal = new();
    private static readonly string[] MonthNames =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private HistoricalDate(int year, int? month, int? day, DateQualifier qualifier, CalendarSystem calendar)
    {
        Year = year;
        Month = month;
        Day = day;
        Qualifier = qualifier;
        Calendar = calendar;
        (Earliest, Latest, SortKey) = ComputeBounds();
    }

    public int Year { get; }
    public int? Month { get; }
    public int? Day { get; }
    public DateQualifier Qualifier { get; }
    public CalendarSystem Calendar { get; }

    public DatePrecision Precision => Day is not null ? DatePrecision.Day
        : Month is not null ? DatePrecision.Month : DatePrecision.Year;

    /// <summary>The earliest Gregorian day the date can mean.</summary>
    public DateOnly Earliest { get; }

    /// <summary>The latest Gregorian day the date can mean.</summary>
    public DateOnly Latest { get; }

    /// <summary>Where the date sorts: its first Gregorian day, or its bound for before/after dates.</summary>
    public DateOnly SortKey { get; }

    /// <summary>True when the date is anything but an exact day, month or year.</summary>
    public bool IsUncertain => Qualifier != DateQualifier.Exact;

    public static HistoricalDate Create(int year, int? month = null, int? day = null,
        DateQualifier qualifier = DateQualifier.Exact, CalendarSystem calendar = CalendarSystem.Gregorian)
    {
        var error = Check(year, month, day, qualifier, calendar);
        return error is null ? new HistoricalDate(year, month, day, qualifier, calendar) : throw new FormatException(error);
    }

    public static bool TryCreate(int year, int? month, int? day, DateQualifier qualifier, CalendarSystem calendar,
        out HistoricalDate? date, out string? error)
    {
        error = Check(year, month, day, qualifier, calendar);
        date = error is null ? new HistoricalDate(year, month, day, qualifier, calendar) : null;
        return date is not null;
    }

    public HistoricalDate WithCalendar(CalendarSystem calendar) => Create(Year, Month, Day, Qualifier, calendar);

    public HistoricalDate WithQualifier(DateQualifier qualifier) => Create(Year, Month, Day, qualifier, Calendar);

    private static string? Check(int year, int? month, int? day, DateQualifier qualifier, CalendarSystem calendar)
    {
        if (year is < 1 or > 9999) return $"Year {year} is outside 1–9999.";
        if (day is not null && month is null) return "A day needs a month.";
        if (month is < 1 or > 12) return $"Month {month} does not exist.";
        if (!Enum.IsDefined(qualifier)) return "Unknown qualifier.";
        if (!Enum.IsDefined(calendar)) return "Unknown calendar.";
        if (day is not null)
        {
            var days = calendar == CalendarSystem.Julian
                ? JulianCal.GetDaysInMonth(year, month!.Value)
                : DateTime.DaysInMonth(year, month!.Value);
            if (day < 1 || day > days)
                return $"{MonthNames[month.Value - 1]} {year} has no day {day}{(calendar == CalendarSystem.Julian ? " in the Julian calendar" : "")}.";
        }
        return null;
    }

    // ---- bounds ----

    // Widening counts whole months in the date's own calendar, from the first day of its first month or to the
    // last day of its last month: shifting a month's last day instead ended `1917-11~` on 30 Dec and `1935-02~`
    // on 28 Mar (issue 11), since a 30-day or 28-day month end stays on that day number in the next month.
    private (DateOnly Earliest, DateOnly Latest, DateOnly Sort) ComputeBounds()
    {
        var firstMonth = Month ?? 1;
        var lastMonth = Month ?? 12;
        var first = ToGregorian(Year, firstMonth, Day ?? 1);
        var last = ToGregorian(Year, lastMonth, Day ?? DaysIn(Year, lastMonth));
        // "c." and "?" reach one step either side (two years, one month or a week); "%" two steps.
        var steps = Qualifier switch
        {
            DateQualifier.Circa or DateQualifier.Uncertain => 1,
            DateQualifier.CircaUncertain => 2,
            _ => 0,
        };
        switch (Qualifier)
        {
            case DateQualifier.Exact:
                return (first, last, first);
            case DateQualifier.Circa:
            case DateQualifier.Uncertain:
            case DateQualifier.CircaUncertain:
                return Precision == DatePrecision.Day
                    ? (Clamp(() => first.AddDays(-7 * steps), -1), Clamp(() => last.AddDays(7 * steps), 1), first)
                    : (MonthStart(Year, firstMonth, -steps * StepMonths), MonthEnd(Year, lastMonth, steps * StepMonths), first);
            case DateQualifier.Before:
                // An open end reaches ten years, one year or three months.
                return (Precision == DatePrecision.Day ? Clamp(() => first.AddMonths(-3), -1) : MonthStart(Year, firstMonth, -HorizonMonths), last, last);
            default: // After
                return (first, Precision == DatePrecision.Day ? Clamp(() => last.AddMonths(3), 1) : MonthEnd(Year, lastMonth, HorizonMonths), first);
        }
    }

    private int StepMonths => Precision == DatePrecision.Year ? 24 : 1;
    private int HorizonMonths => Precision == DatePrecision.Year ? 120 : 12;

    /// <summary>The first day of the month <paramref name="months"/> after (year, month), in this date's calendar.</summary>
    private DateOnly MonthStart(int year, int month, int months)
    {
        var (y, m) = AddMonths(year, month, months);
        return y < 1 ? DateOnly.MinValue : y > 9999 ? DateOnly.MaxValue : ToGregorian(y, m, 1);
    }

    /// <summary>The last day of the month <paramref name="months"/> after (year, month), in this date's calendar.</summary>
    private DateOnly MonthEnd(int year, int month, int months)
    {
        var (y, m) = AddMonths(year, month, months);
        return y < 1 ? DateOnly.MinValue : y > 9999 ? DateOnly.MaxValue : ToGregorian(y, m, DaysIn(y, m));
    }

    private static (int Year, int Month) AddMonths(int year, int month, int months)
    {
        var index = year * 12 + month - 1 + months;
        var y = index >= 0 ? index / 12 : (index - 11) / 12; // floor, so years before 1 come out below 1
        return (y, index - y * 12 + 1);
    }

    private int DaysIn(int year, int month) => Calendar == CalendarSystem.Julian
        ? JulianCal.GetDaysInMonth(year, month)
        : DateTime.DaysInMonth(year, month);

    private DateOnly ToGregorian(int year, int month, int day)
    {
        if (Calendar == CalendarSystem.Gregorian) return new DateOnly(year, month, day);
        try
        {
            return DateOnly.FromDateTime(JulianCal.ToDateTime(year, month, day, 0, 0, 0, 0));
        }
        catch (ArgumentOutOfRangeException)
        {
            return year < 5000 ? DateOnly.MinValue : DateOnly.MaxValue;
        }
    }

    private static DateOnly Clamp(Func<DateOnly> f, int direction)
    {
        try { return f(); }
        catch (ArgumentOutOfRangeException) { return direction < 0 ? DateOnly.MinValue : DateOnly.MaxValue; }
    }

    // ---- EDTF ----

    /// <summary>The EDTF form: <c>1929-10</c>, <c>1929~</c>, <c>../1930</c>, <c>1930/..</c>.</summary>
    public string ToEdtf()
    {
        var core = Year.ToString("0000", CultureInfo.InvariantCulture)
            + (Month is { } m ? "-" + m.ToString("00", CultureInfo.InvariantCulture) : "")
            + (Day is { } d ? "-" + d.ToString("00", CultureInfo.InvariantCulture) : "");
        return Qualifier switch
        {
            DateQualifier.Circa => core + "~",
            DateQualifier.Uncertain => core + "?",
            DateQualifier.CircaUncertain => core + "%",
            DateQualifier.Before => "../" + core,
            DateQualifier.After => core + "/..",
            _ => core,
        };
    }

    /// <summary>Parses one EDTF date (level 0, the level 1 qualifiers and open ends).</summary>
    public static HistoricalDate ParseEdtf(string text, CalendarSystem calendar = CalendarSystem.Gregorian) =>
        TryParseEdtf(text, calendar, out var date, out var error) ? date! : throw new FormatException(error);

    public static bool TryParseEdtf(string? text, CalendarSystem calendar, out HistoricalDate? date, out string? error)
    {
        date = null;
        var s = (text ?? "").Trim();
        if (s.Length == 0) { error = "The date is empty."; return false; }
        var qualifier = DateQualifier.Exact;
        if (s.StartsWith("../", StringComparison.Ordinal)) { qualifier = DateQualifier.Before; s = s[3..]; }
        else if (s.EndsWith("/..", StringComparison.Ordinal)) { qualifier = DateQualifier.After; s = s[..^3]; }
        if (s.Length > 0 && s[^1] is '~' or '?' or '%')
        {
            if (qualifier != DateQualifier.Exact)
            {
                error = $"{Excerpt.Quote(text)} combines an open end with a qualifier; write one or the other.";
                return false;
            }
            qualifier = s[^1] switch { '~' => DateQualifier.Circa, '?' => DateQualifier.Uncertain, _ => DateQualifier.CircaUncertain };
            s = s[..^1];
        }
        var parts = s.Split('-');
        if (parts.Length > 3 || parts[0].Length != 4 || parts.Skip(1).Any(p => p.Length != 2) || !parts.All(IsDigits))
        {
            error = $"{Excerpt.Quote(text)} is not an EDTF date such as 1929, 1929-10, 1929-10-15, 1929~, 1929? or ../1930.";
            return false;
        }
        var year = int.Parse(parts[0], CultureInfo.InvariantCulture);
        int? month = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : null;
        int? day = parts.Length > 2 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : null;
        if (month is >= 21 and <= 24)
        {
            error = $"{Excerpt.Quote(text)} uses an EDTF season; give a month instead.";
            return false;
        }
        return TryCreate(year, month, day, qualifier, calendar, out date, out error);
    }

    private static bool IsDigits(string p) => p.Length > 0 && p.All(char.IsAsciiDigit);

    // ---- display ----

    /// <summary>How people read it: "c. 1929", "Oct 1929", "before 1930", "25 Oct (7 Nov) 1917".</summary>
    public string Display
    {
        get
        {
            var core = Calendar == CalendarSystem.Julian ? JulianCore() : GregorianCore(Year, Month, Day);
            return Qualify(core, Qualifier);
        }
    }

    /// <summary>Wraps a written date in the words of its qualifier: "c. 1929", "1929?", "before 1930".</summary>
    public static string Qualify(string core, DateQualifier qualifier) => qualifier switch
    {
        DateQualifier.Circa => "c. " + core,
        DateQualifier.Uncertain => core + "?",
        DateQualifier.CircaUncertain => "c. " + core + "?",
        DateQualifier.Before => "before " + core,
        DateQualifier.After => "after " + core,
        _ => core,
    };

    private static string GregorianCore(int year, int? month, int? day) =>
        (day is { } d ? d.ToString(CultureInfo.InvariantCulture) + " " : "")
        + (month is { } m ? MonthNames[m - 1] + " " : "")
        + year.ToString(CultureInfo.InvariantCulture);

    private string JulianCore()
    {
        if (Day is null) return GregorianCore(Year, Month, null) + " (OS)";
        var g = ToGregorian(Year, Month!.Value, Day.Value);
        if (g.Year != Year)
            return $"{GregorianCore(Year, Month, Day)} ({GregorianCore(g.Year, g.Month, g.Day)})";
        if (g.Month != Month)
            return $"{Day} {MonthNames[Month.Value - 1]} ({g.Day} {MonthNames[g.Month - 1]}) {Year}";
        return $"{Day} ({g.Day}) {MonthNames[Month.Value - 1]} {Year}";
    }

    public override string ToString() => Display;

    // ---- storage ----

    private const string JulianPrefix = "julian:";

    /// <summary>The form kept in one database column: the EDTF, prefixed "julian:" for Old Style dates.</summary>
    public string ToStorage() => Calendar == CalendarSystem.Julian ? JulianPrefix + ToEdtf() : ToEdtf();

    public static HistoricalDate FromStorage(string stored) =>
        stored.StartsWith(JulianPrefix, StringComparison.Ordinal)
            ? ParseEdtf(stored[JulianPrefix.Length..], CalendarSystem.Julian)
            : ParseEdtf(stored);
}
