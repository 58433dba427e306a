using System.Globalization;
using Timeline.Domain.Model;
using Timeline.Domain.Queries;
using Timeline.Web.Components.Shared;

namespace Timeline.Web.Components.Pages.Browse;

/// <summary>
/// What the timeline's items and density bars are called: their accessible name, read out when the keyboard reaches
/// them, which is also their tooltip. vis-timeline draws plain boxes, so this text is the only way a screen reader,
/// or a reader whose title is cut short by a narrow range, learns what a box is.
/// </summary>
public static class TimelineNames
{
    private static readonly CultureInfo En = CultureInfo.InvariantCulture;

    /// <summary>A lane's label: a kind as the app names it ("Exile or deportation"), or a person's name.</summary>
    public static string Lane(TimelineLane lane) =>
        lane.Id.StartsWith("k-", StringComparison.Ordinal) && Enum.TryParse<EventKind>(lane.Label, out var kind) ? Labels.Of(kind) : lane.Label;

    /// <summary>"12 Aug 1936: Title (stated; Arrest)", with a note when the sources give rival dates.</summary>
    public static string Item(TimelineItem item, string lane)
    {
        var status = Labels.Of(item.Status).ToLowerInvariant();
        // The flag also marks events whose sources disagree on the date, whatever their status.
        var dates = item.Disputed && item.Status != ClaimStatus.Disputed ? ", the sources give different dates" : "";
        return $"{item.Display}: {item.Title} ({status}{dates}; {lane})";
    }

    /// <summary>"1931: 125 events (Arrest), press Enter or click to zoom in".</summary>
    public static string Bar(DensityBucket bar, BucketUnit unit, string lane) =>
        $"{Period(bar.Start, unit)}: {Labels.Count(bar.Count, "event")} ({lane}), press Enter or click to zoom in";

    /// <summary>The period a bar covers, as a historian would write it: "1930s", "1931", "Jan–Mar 1931", "Mar 1931".</summary>
    public static string Period(DateOnly start, BucketUnit unit) => unit switch
    {
        BucketUnit.Decade => start.Year.ToString(En) + "s",
        BucketUnit.Year => start.Year.ToString(En),
        BucketUnit.Quarter => start.ToString("MMM", En) + "–" + start.AddMonths(2).ToString("MMM yyyy", En),
        BucketUnit.Month => start.ToString("MMM yyyy", En),
        BucketUnit.Week => "week of " + start.ToString("d MMM yyyy", En),
        _ => start.ToString("d MMM yyyy", En),
    };
}
