using System.Globalization;
using Timeline.Domain.Queries;
using Timeline.Domain.Text;
using Timeline.Web.Filtering;

namespace Timeline.Web.Components.Pages.Browse;

/// <summary>The shapes timeline.js draws: lanes, items, bars and summaries with their names, dates as ISO days.</summary>
public static class TimelineJs
{
    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The filter as the query string of the address the script fetches windows from (no leading '?').</summary>
    public static string Query(EventFilter filter) => FilterQuery.ToQueryString(filter).TrimStart('?');

    public static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Dictionary<string, string> LaneNames(IEnumerable<TimelineLane> lanes) => lanes.ToDictionary(l => l.Id, TimelineNames.Lane);

    public static object Lanes(IEnumerable<TimelineLane> lanes, Dictionary<string, string> names) =>
        lanes.Select(l => new { id = l.Id, label = names[l.Id] }).ToList();

    public static object Items(IEnumerable<TimelineItem> items, Dictionary<string, string> names) => items.Select(i => new
    {
        key = $"{i.Lane}-{i.EventId}", id = i.EventId, lane = i.Lane, title = i.Title, kind = i.Kind.ToKebab(),
        status = i.Status.ToKebab(), earliest = Iso(i.Earliest), latest = Iso(i.Latest),
        uncertain = i.Uncertain, disputed = i.Disputed, name = TimelineNames.Item(i, names[i.Lane]),
    }).ToList();

    public static object Bars(TimelineWindow window, Dictionary<string, string> names) => window.Buckets.Select(b => new
    {
        lane = b.Lane, start = Iso(b.Start), end = Iso(b.End), count = b.Count,
        name = TimelineNames.Bar(b, window.Unit ?? BucketUnit.Year, names[b.Lane]),
    }).ToList();

    /// <summary>Each summary with the address of its list, which the browser sends back when it is chosen.</summary>
    public static object Loose(TimelineWindow window, Dictionary<string, string> names, EventFilter filter) => window.Loose.Select(l => new
    {
        lane = l.Lane, period = l.Period.ToString().ToLowerInvariant(), start = Iso(l.From), end = Iso(l.To),
        text = TimelineNames.LooseText(l), name = TimelineNames.Loose(l, names[l.Lane]), list = ListUri(filter, l),
    }).ToList();

    /// <summary>A window as timeline.js draws it: its lanes, events, bars and summaries, in that order.</summary>
    public static object[] Data(TimelineWindow window, EventFilter filter)
    {
        var names = LaneNames(window.Lanes);
        return [Lanes(window.Lanes, names), Items(window.Items, names), Bars(window, names), Loose(window, names, filter)];
    }

    /// <summary>The same, named, as the script fetches it over HTTP.</summary>
    public static object Window(TimelineWindow window, EventFilter filter)
    {
        var data = Data(window, filter);
        return new { lanes = data[0], events = data[1], buckets = data[2], loose = data[3] };
    }

    /// <summary>Whether an address the browser sends back is one of <see cref="ListUri"/>'s (the app's own list).</summary>
    public static bool IsListUri(string uri) => uri.StartsWith("/list?", StringComparison.Ordinal) || uri == "/list";

    public static object Held(TimelineHeld held)
    {
        var names = LaneNames(held.Lanes);
        return new { from = Iso(held.From), to = Iso(held.To), lanes = Lanes(held.Lanes, names), items = Items(held.Items, names) };
    }

    /// <summary>
    /// The chronological list of the filter's events in the summary's years, where the loosely dated ones come first
    /// (they sort on the first day of their month or year); kept within the filter's own years.
    /// </summary>
    public static string ListUri(EventFilter filter, LooseSummary loose)
    {
        var from = Math.Max(loose.From.Year, filter.FromYear ?? int.MinValue);
        var to = Math.Min(loose.To.Year, filter.ToYear ?? int.MaxValue);
        return "/list" + FilterQuery.ToQueryString(filter with { FromYear = from, ToYear = Math.Max(from, to) });
    }
}
