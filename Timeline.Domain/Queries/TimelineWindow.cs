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
