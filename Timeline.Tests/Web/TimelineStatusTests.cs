using System.Globalization;
using Timeline.Domain.Queries;
using Timeline.Web.Components.Pages.Browse;

namespace Timeline.Tests.Web;

public class TimelineStatusTests
{
    private static TimelineWindow Window(int total, BucketUnit? unit) =>
        new(new DateOnly(1910, 11, 1), new DateOnly(1915, 2, 28), total, [], [], [], unit);

    [Fact]
    public void With_bars_the_status_says_events_reach_into_the_range_and_the_bars_count_those_dated_in_it_per_bucket()
    {
        Assert.Equal(
            "Too many events reach into this range to draw one by one. Bars count the 435 events dated between 1 Nov 1910 and 28 Feb 1915, per quarter. Zoom in, or choose a bar, to see them.",
            TimelineStatus.Describe(Window(435, BucketUnit.Quarter), CultureInfo.InvariantCulture));
    }

    [Fact]
    public void With_events_drawn_the_status_counts_them_and_invites_a_selection()
    {
        Assert.Equal("1,234 events between 1 Nov 1910 and 28 Feb 1915. Select one to see its evidence.",
            TimelineStatus.Describe(Window(1234, null), CultureInfo.InvariantCulture));
        Assert.Equal("1 event between 1 Nov 1910 and 28 Feb 1915. Select it to see its evidence.",
            TimelineStatus.Describe(Window(1, null), CultureInfo.InvariantCulture));
        Assert.Equal("No events between 1 Nov 1910 and 28 Feb 1915 for these filters.",
            TimelineStatus.Describe(Window(0, null), CultureInfo.InvariantCulture));
        Assert.Equal("Loading the timeline…", TimelineStatus.Describe(null));
    }
}
