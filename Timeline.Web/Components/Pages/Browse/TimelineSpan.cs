namespace Timeline.Web.Components.Pages.Browse;

/// <summary>The view that shows every event of a filter: the opening view and what "Fit all" (and Home) return to.</summary>
public static class TimelineSpan
{
    /// <summary>
    /// The filter's span of event dates with a margin of a twentieth of it on each side (at least a month), so the first
    /// and last events are not drawn against the edges, where a range's label would be cut.
    /// </summary>
    public static (DateOnly From, DateOnly To) Around((DateOnly From, DateOnly To) extent)
    {
        var margin = Math.Max(30, (extent.To.DayNumber - extent.From.DayNumber) / 20);
        var from = Math.Max(DateOnly.MinValue.DayNumber, extent.From.DayNumber - margin);
        var to = Math.Min(DateOnly.MaxValue.DayNumber, extent.To.DayNumber + margin);
        return (DateOnly.FromDayNumber(from), DateOnly.FromDayNumber(to));
    }
}
