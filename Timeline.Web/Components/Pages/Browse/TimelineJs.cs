using System.Globalization;
using Timeline.Domain.Queries;
using Timeline.Domain.Text;
using Timeline.Web.Filtering;

namespace Timeline.Web.Components.Pages.Browse;

/// <summary>The shapes timeline.js draws: lanes, items, bars and summaries with their names, dates as ISO days.</summary>
public static class TimelineJs
{
    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

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

    /// <summary>Each summary, whose period the browser sends back when it is chosen (<see cref="ListUri(EventFilter, DateOnly, DateOnly)"/>).</summary>
    public static object Loose(TimelineWindow window, Dictionary<string, string> names) => window.Loose.Select(l => new
    {
        lane = l.Lane, period = l.Period.ToString().ToLowerInvariant(), start = Iso(l.From), end = Iso(l.To),
        text = TimelineNames.LooseText(l), name = TimelineNames.Loose(l, names[l.Lane]),
    }).ToList();

    public static object Held(TimelineHeld held)
    {
        var names = LaneNames(held.Lanes);
        return new { from = Iso(held.From), to = Iso(held.To), lanes = Lanes(held.Lanes, names), items = Items(held.Items, names) };
    }

    /// <summary>
    /// The chronological list of the filter's events in the summary's years, where the loosely dated ones come first
    /// (they sort on the first day of their month or year); kept within the filter's own years.
    /// </summary>
    public static string ListUri(EventFilter filter, LooseSummary loose) => ListUri(filter, loose.From, loose.To);

    /// <summary>The list for a summary of the period [<paramref name="first"/>, <paramref name="last"/>].</summary>
    public static string ListUri(EventFilter filter, DateOnly first, DateOnly last)
    {
        var from = Math.Max(first.Year, filter.FromYear ?? int.MinValue);
        var to = Math.Min(last.Year, filter.ToYear ?? int.MaxValue);
        return "/list" + FilterQuery.ToQueryString(filter with { FromYear = from, ToYear = Math.Max(from, to) });
    }
}
