using Timeline.Domain.Model;

namespace Timeline.Domain.Queries;

/// <summary>How the timeline's lanes are formed.</summary>
public enum LaneMode
{
    Kind,
    Person,
}

/// <summary>The width of a density bucket.</summary>
public enum BucketUnit
{
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
}

public sealed record TimelineLane(string Id, string Label);

/// <summary>One event as the timeline draws it: a point or a range from earliest to latest day.</summary>
public sealed record TimelineItem(int EventId, string Lane, string Title, EventKind Kind, ClaimStatus Status,
    DateOnly Earliest, DateOnly Latest, string Display, bool Uncertain, bool Disputed);

/// <summary>How many events of one lane start within one period.</summary>
public sealed record DensityBucket(string Lane, DateOnly Start, DateOnly End, int Count);

/// <summary>How loosely the events of a <see cref="LooseSummary"/> are dated.</summary>
public enum LoosePeriod
{
    /// <summary>Dated to a month ("June 1937") and no closer.</summary>
    Month,

    /// <summary>Dated to a year ("1937") and no closer.</summary>
    Year,

    /// <summary>Any other span wider than the view: ranges, approximate or before/after dates.</summary>
    Span,
}

/// <summary>
/// Events of one lane that reach into the window only because their dates are wider than it ("312 more dated only
/// to 1937"): counted, not drawn, so that the events dated inside the window can be. From and To are the period
/// (the month or the year), or for <see cref="LoosePeriod.Span"/> the widest bounds of the events counted.
/// </summary>
public sealed record LooseSummary(string Lane, LoosePeriod Period, DateOnly From, DateOnly To, int Count);

/// <summary>
/// What the server sends for one visible range: the events themselves when there are at most
/// <see cref="TimelineQueries.Cap"/>, otherwise counts per period and lane.
/// </summary>
public sealed record TimelineWindow(
    DateOnly From,
    DateOnly To,
    int Total,
    IReadOnlyList<TimelineLane> Lanes,
    IReadOnlyList<TimelineItem> Items,
    IReadOnlyList<DensityBucket> Buckets,
    BucketUnit? Unit)
{
    public bool IsDensity => Unit is not null;

    /// <summary>
    /// With items, when drawing every event reaching into the window would pass the cap: the events dated more loosely
    /// than the window is wide, counted per lane and period. They are not in <see cref="Items"/> nor in Total.
    /// </summary>
    public IReadOnlyList<LooseSummary> Loose { get; init; } = [];
}

/// <summary>Bucket arithmetic, kept apart from the queries so it can be tested on its own.</summary>
public static class Buckets
{
    /// <summary>A width that gives a readable number of bars (roughly 20–120) across the range.</summary>
    public static BucketUnit UnitFor(DateOnly from, DateOnly to)
    {
        var days = to.DayNumber - from.DayNumber + 1;
        return days switch
        {
            <= 90 => BucketUnit.Day,
            <= 2 * 366 => BucketUnit.Week,
            <= 10 * 366 => BucketUnit.Month,
            <= 30 * 366 => BucketUnit.Quarter,
            <= 120 * 366 => BucketUnit.Year,
            _ => BucketUnit.Decade,
        };
    }

    /// <summary>The first day of the bucket holding a day.</summary>
    public static DateOnly Floor(DateOnly d, BucketUnit unit) => unit switch
    {
        BucketUnit.Day => d,
        // Weeks start on Monday.
        BucketUnit.Week => d.AddDays(-(((int)d.DayOfWeek + 6) % 7)),
        BucketUnit.Month => new DateOnly(d.Year, d.Month, 1),
        BucketUnit.Quarter => new DateOnly(d.Year, (d.Month - 1) / 3 * 3 + 1, 1),
        BucketUnit.Year => new DateOnly(d.Year, 1, 1),
        _ => new DateOnly(Math.Max(1, d.Year / 10 * 10), 1, 1),
    };

    /// <summary>The first day of the next bucket.</summary>
    public static DateOnly Next(DateOnly start, BucketUnit unit)
    {
        try
        {
            return unit switch
            {
                BucketUnit.Day => start.AddDays(1),
                BucketUnit.Week => start.AddDays(7),
                BucketUnit.Month => start.AddMonths(1),
                BucketUnit.Quarter => start.AddMonths(3),
                BucketUnit.Year => start.AddYears(1),
                _ => start.AddYears(start.Year == 1 ? 9 : 10),
            };
        }
        catch (ArgumentOutOfRangeException)
        {
            return DateOnly.MaxValue;
        }
    }
}

/// <summary>
/// Every event of a filter reaching into a region (the whole calendar when the filter has few enough), as the timeline
/// draws them, in date order: held in the browser, which then answers any window inside the region without the server.
/// </summary>
public sealed record TimelineHeld(DateOnly From, DateOnly To, IReadOnlyList<TimelineLane> Lanes, IReadOnlyList<TimelineItem> Items)
{
    /// <summary>A window of items with nothing summarised holds every event reaching into it: its range can be held.</summary>
    public static TimelineHeld? Of(TimelineWindow window) =>
        window.IsDensity || window.Loose.Count > 0 ? null : new TimelineHeld(window.From, window.To, window.Lanes, window.Items);

    /// <summary>
    /// The window <see cref="TimelineQueries.WindowAsync"/> gives for [from, to], or null when the range leaves the region
    /// or more than <see cref="TimelineQueries.Cap"/> events reach into it (then the server draws bars or summaries). The
    /// browser's copy of this (timeline.js, <c>slice</c>) must agree with it.
    /// </summary>
    public TimelineWindow? Slice(DateOnly from, DateOnly to)
    {
        if (to < from) (from, to) = (to, from);
        if (from < From || to > To) return null;
        var items = Items.Where(i => i.Earliest <= to && i.Latest >= from).ToList();
        var events = items.Select(i => i.EventId).Distinct().Count();
        if (events > TimelineQueries.Cap) return null;
        var used = items.Select(i => i.Lane).ToHashSet(StringComparer.Ordinal);
        return new TimelineWindow(from, to, events, Lanes.Where(l => used.Contains(l.Id)).ToList(), items, [], null);
    }
}
