using Timeline.Domain.Queries;
using Timeline.Web.Components.Shared;

namespace Timeline.Web.Components.Pages.Browse;

/// <summary>The timeline's status line: what the view shows for its range, and how.</summary>
public static class TimelineStatus
{
    /// <summary>
    /// With bars, the server switched because too many events <em>reach into</em> the range, but the bars and the total
    /// count only the events <em>dated</em> in it (widened to whole bars), which can be far fewer: the text says both.
    /// </summary>
    public static string Describe(TimelineWindow? window, IFormatProvider? culture = null)
    {
        if (window is null) return "Loading the timeline…";
        var range = string.Format(culture, "between {0:d MMM yyyy} and {1:d MMM yyyy}", window.From, window.To);
        var events = string.Format(culture, "{0:N0} {1}", window.Total, Labels.Plural(window.Total, "event"));
        if (window.Unit is { } unit)
            return $"Too many events reach into this range to draw one by one. Bars count the {events} dated {range}, per {unit.ToString().ToLowerInvariant()}. Zoom in, or choose a bar, to see them.";
        return window.Total switch
        {
            0 => $"No events {range} for these filters.",
            1 => $"1 event {range}. Select it to see its evidence.",
            _ => $"{events} {range}. Select one to see its evidence.",
        };
    }
}
