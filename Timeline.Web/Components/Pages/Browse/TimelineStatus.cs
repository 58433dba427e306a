using Timeline.Domain.Queries;

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
        if (window.Unit is { } unit)
            return string.Format(culture, "Too many events reach into this range to draw one by one. Bars count the {0:N0} events dated {1}, per {2}. Zoom in, or click a bar, to see them.",
                window.Total, range, unit.ToString().ToLowerInvariant());
        return window.Total == 0
            ? $"No events {range} for these filters."
            : string.Format(culture, "{0:N0} events {1}. Select one to see its evidence.", window.Total, range);
    }
}
