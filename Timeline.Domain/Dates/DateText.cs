namespace Timeline.Domain.Dates;

public static class DateText
{
    /// <summary>A start with an optional end, as read: "19 Aug 1936 – 24 Aug 1936".</summary>
    public static string Display(HistoricalDate start, HistoricalDate? end) =>
        end is null ? start.Display : $"{start.Display} – {end.Display}";

    /// <summary>Same, from stored forms (projections read the columns, not the entity).</summary>
    public static string Display(string start, string? end) =>
        Display(HistoricalDate.FromStorage(start), end is null ? null : HistoricalDate.FromStorage(end));
}
