using System.Globalization;
using Timeline.Domain.Dates;

namespace Timeline.Web.Forms;

/// <summary>
/// What a date field holds: the text as typed, the date (or range) it means, and how that date will
/// display and sort. The precision, qualifier and calendar controls rewrite the text, so the text box
/// always says what will be saved.
/// </summary>
public sealed class DateEntry(bool allowRange = false, bool required = false)
{
    public const string Missing = "Enter a date, for example 1929-10-15, Oct 1929, c. 1929 or before 1930.";

    public bool AllowRange { get; } = allowRange;
    public bool Required { get; } = required;
    public string Text { get; private set; } = "";

    /// <summary>The last date the text could be read as; kept while the text is being corrected.</summary>
    public HistoricalDate? Start { get; private set; }

    public HistoricalDate? End { get; private set; }

    /// <summary>Why the text cannot be saved, or null.</summary>
    public string? Error { get; private set; }

    /// <summary>Why the last control change could not be applied, or null.</summary>
    public string? Notice { get; private set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Text);

    /// <summary>Shows a stored date, written so that it reads back to the same date.</summary>
    public void Load(HistoricalDate? start, HistoricalDate? end)
    {
        Start = start;
        End = start is null ? null : end;
        Text = Format(Start, End);
        Error = Required && Start is null ? Missing : null;
    }

    /// <summary>True when the entry already means this date, so a re-render must not overwrite what is typed.</summary>
    public bool Means(HistoricalDate? start, HistoricalDate? end) => Equals(Start, start) && Equals(End, end);

    /// <summary>Reads typed text. Returns true when the date it means changed.</summary>
    public bool Type(string? text)
    {
        Text = text ?? "";
        Notice = null;
        if (IsEmpty)
        {
            Error = Required ? Missing : null;
            return !Required && Set(null, null);
        }
        if (!DateInput.TryParse(Text, CalendarSystem.Gregorian, out var parsed, out var error))
        {
            Error = error;
            return false;
        }
        if (!AllowRange && parsed!.End is not null)
        {
            Error = "Give a single date here, not a range.";
            return false;
        }
        Error = null;
        return Set(parsed!.Start, parsed.End);
    }

    public DatePrecision? Precision => Start?.Precision;
    public DateQualifier? Qualifier => Start?.Qualifier;
    public CalendarSystem? Calendar => Start?.Calendar;

    /// <summary>Controls only act on a date that was read; they rewrite both ends of a range alike.</summary>
    public bool CanAdjust => Start is not null && Error is null;

    public bool SetPrecision(DatePrecision precision) => Rewrite(d => precision switch
    {
        DatePrecision.Year => (d.Year, null, null),
        DatePrecision.Month => (d.Year, d.Month ?? 1, null),
        _ => (d.Year, d.Month ?? 1, d.Day ?? 1),
    }, d => d.Qualifier, d => d.Calendar);

    public bool SetQualifier(DateQualifier qualifier) =>
        Rewrite(d => (d.Year, d.Month, d.Day), _ => qualifier, d => d.Calendar);

    /// <summary>Says which calendar the written day is in; the day as written stays, its Gregorian meaning moves.</summary>
    public bool SetCalendar(CalendarSystem calendar) =>
        Rewrite(d => (d.Year, d.Month, d.Day), d => d.Qualifier, _ => calendar);

    /// <summary>"c. Mar 1937", "19 Aug 1936 – 24 Aug 1936", "25 Oct (7 Nov) 1917".</summary>
    public string? Display => Start is null || Error is not null ? null : DateText.Display(Start, End);

    /// <summary>The Gregorian days the date can mean: "1 Feb 1937 – 30 Apr 1937", or one day.</summary>
    public string? Bounds
    {
        get
        {
            if (Start is null || Error is not null) return null;
            var first = Start.Earliest;
            var last = End is null || End.Latest < Start.Latest ? Start.Latest : End.Latest;
            return first == last ? Day(first) : $"{Day(first)} – {Day(last)}";
        }
    }

    /// <summary>"sorts at 7 Nov 1917": where it falls in chronological order.</summary>
    public string? SortsAt => Start is null || Error is not null ? null : "sorts at " + Day(Start.SortKey);

    /// <summary>Writes a date in a form <see cref="DateInput"/> reads back: "c. 1937-03", "before 1930", "1917-10-25 OS".</summary>
    public static string Format(HistoricalDate? start, HistoricalDate? end)
    {
        if (start is null) return "";
        var text = end is null ? Written(start) : $"{Written(start)}/{Written(end)}";
        return start.Calendar == CalendarSystem.Julian ? text + " OS" : text;
    }

    private static string Written(HistoricalDate d)
    {
        return HistoricalDate.Qualify(HistoricalDate.Create(d.Year, d.Month, d.Day).ToEdtf(), d.Qualifier);
    }

    private bool Rewrite(Func<HistoricalDate, (int Year, int? Month, int? Day)> parts, Func<HistoricalDate, DateQualifier> qualifier,
        Func<HistoricalDate, CalendarSystem> calendar)
    {
        if (!CanAdjust) return false;
        HistoricalDate? Apply(HistoricalDate? d, out string? error)
        {
            error = null;
            if (d is null) return null;
            var (y, m, day) = parts(d);
            return HistoricalDate.TryCreate(y, m, day, qualifier(d), calendar(d), out var result, out error) ? result : null;
        }
        var start = Apply(Start, out var e1);
        var end = Apply(End, out var e2);
        // A change the date cannot take (29 Feb 1900 is Julian only) leaves the date as it was and says why.
        Notice = start is null || (End is not null && end is null) ? e1 ?? e2
            : end is not null && end.Latest < start.Earliest ? "The end of the range would come before its start." : null;
        if (Notice is not null) return false;
        Text = Format(start, end);
        return Set(start, end);
    }

    private bool Set(HistoricalDate? start, HistoricalDate? end)
    {
        if (Means(start, end)) return false;
        (Start, End) = (start, end);
        return true;
    }

    private static string Day(DateOnly d) => d.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
