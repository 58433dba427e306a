using Timeline.Domain.Model;
using Timeline.Domain.Queries;
using Timeline.Web.Components.Pages.Browse;

namespace Timeline.Tests.Web;

public class TimelineNamesTests
{
    private static TimelineItem Item(ClaimStatus status, bool disputed) =>
        new(7, "k-arrest", "Radek arrested", EventKind.Arrest, status, new DateOnly(1936, 9, 1), new DateOnly(1936, 9, 30),
            "Sep 1936", Uncertain: true, Disputed: disputed);

    [Fact]
    public void An_event_is_named_by_its_date_title_status_and_lane()
    {
        Assert.Equal("Sep 1936: Radek arrested (stated; Arrest)", TimelineNames.Item(Item(ClaimStatus.Stated, false), "Arrest"));
        Assert.Equal("Sep 1936: Radek arrested (disputed; Arrest)", TimelineNames.Item(Item(ClaimStatus.Disputed, true), "Arrest"));
    }

    [Fact]
    public void An_event_whose_sources_give_rival_dates_says_so_whatever_its_status()
    {
        Assert.Equal("Sep 1936: Radek arrested (attributed, the sources give different dates; Karl Radek)",
            TimelineNames.Item(Item(ClaimStatus.Attributed, true), "Karl Radek"));
    }

    [Fact]
    public void A_bar_says_its_period_its_count_its_lane_and_how_to_open_it()
    {
        var bar = new DensityBucket("k-trial", new DateOnly(1931, 1, 1), new DateOnly(1931, 12, 31), 125);
        Assert.Equal("1931: 125 events (Trial), press Enter or click to zoom in", TimelineNames.Bar(bar, BucketUnit.Year, "Trial"));
        Assert.Equal("1930s: 1 event (Trial), press Enter or click to zoom in",
            TimelineNames.Bar(bar with { Start = new DateOnly(1930, 1, 1), Count = 1 }, BucketUnit.Decade, "Trial"));
    }

    [Theory]
    [InlineData(BucketUnit.Decade, "1930s")]
    [InlineData(BucketUnit.Year, "1937")]
    [InlineData(BucketUnit.Quarter, "Jul–Sep 1937")]
    [InlineData(BucketUnit.Month, "Jul 1937")]
    [InlineData(BucketUnit.Week, "week of 5 Jul 1937")]
    [InlineData(BucketUnit.Day, "5 Jul 1937")]
    public void A_period_reads_as_a_historian_writes_it(BucketUnit unit, string expected)
    {
        var start = unit switch
        {
            BucketUnit.Decade => new DateOnly(1930, 1, 1),
            BucketUnit.Year => new DateOnly(1937, 1, 1),
            BucketUnit.Quarter or BucketUnit.Month => new DateOnly(1937, 7, 1),
            _ => new DateOnly(1937, 7, 5),
        };
        Assert.Equal(expected, TimelineNames.Period(start, unit));
    }

    [Fact]
    public void Kind_lanes_are_named_as_the_app_names_kinds_and_person_lanes_by_the_person()
    {
        Assert.Equal("Exile or deportation", TimelineNames.Lane(new TimelineLane("k-exile", "Exile")));
        Assert.Equal("Yakov Blumkin", TimelineNames.Lane(new TimelineLane("p-53", "Yakov Blumkin")));
    }

    [Fact]
    public void Fitting_all_events_adds_a_twentieth_of_their_span_on_each_side_and_at_least_a_month()
    {
        Assert.Equal((new DateOnly(1880, 3, 10), new DateOnly(2017, 11, 29)),
            TimelineSpan.Around((new DateOnly(1886, 6, 13), new DateOnly(2011, 8, 27))));
        Assert.Equal((new DateOnly(1936, 7, 2), new DateOnly(1936, 9, 30)),
            TimelineSpan.Around((new DateOnly(1936, 8, 1), new DateOnly(1936, 8, 31))));
        Assert.Equal((DateOnly.MinValue, new DateOnly(1, 3, 2)), TimelineSpan.Around((DateOnly.MinValue, new DateOnly(1, 1, 31))));
    }
}
