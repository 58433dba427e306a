using System.Globalization;
using Timeline.Domain.Dates;

namespace Timeline.Web.Components.Shared;

/// <summary>
/// Spells out what a historical date means, for readers who need more than its display form:
/// "Day precision · circa · Julian (Old Style); Gregorian 7 Nov 1917".
/// </summary>
public static class DateExplanation
{
    public static string Describe(HistoricalDate date)
    {
        var text = $"{Labels.Of(date.Precision)} · {Labels.Of(date.Qualifier)} · {Labels.Of(date.Calendar)}";
        return date.Calendar == CalendarSystem.Julian ? $"{text}; Gregorian {GregorianEquivalent(date)}" : text;
    }

    /// <summary>
    /// The Gregorian days the date as written stands for, before "c." or "?" widen it: one day for a day,
    /// a span for a month or year (an Old Style month straddles two Gregorian ones).
    /// </summary>
    public static string GregorianEquivalent(HistoricalDate date)
    {
        var plain = date.WithQualifier(DateQualifier.Exact);
        return Span(plain.Earliest, plain.Latest);
    }

    public static string Span(DateOnly from, DateOnly to) => from == to ? Day(from) : $"{Day(from)} – {Day(to)}";

    public static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
