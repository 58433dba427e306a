using Timeline.Web.Components.Pages.Persons;

namespace Timeline.Tests.Web;

public class MiniTimelineLayoutTests
{
    private static int Day(int year, int month = 1, int day = 1) => new DateOnly(year, month, day).DayNumber;

    private static MiniTimelineItem At(int id, int day, int? earliest = null, int? latest = null) =>
        new(id, $"event {id}", day, earliest ?? day, latest ?? day);

    [Fact]
    public void The_axis_runs_from_the_first_events_year_to_the_end_of_the_last_and_marks_sit_in_proportion()
    {
        // 1 Jan 1920 to 1 Jan 1922 is 731 days; 1 Jan 1921 is 366 days in.
        var layout = MiniTimelineLayout.Compute([At(1, Day(1920)), At(2, Day(1921)), At(3, Day(1921, 12, 31))], margin: 0);
        Assert.Equal((1920, 1921), (layout.FirstYear, layout.LastYear));
        Assert.Equal(0, layout.Marks[0].X, 6);
        Assert.Equal(366 * 100.0 / 731, layout.Marks[1].X, 6);
        Assert.Equal(730 * 100.0 / 731, layout.Marks[2].X, 6);
    }

    [Fact]
    public void The_margin_keeps_the_ends_clear()
    {
        var layout = MiniTimelineLayout.Compute([At(1, Day(1920)), At(2, Day(1930, 12, 31))], margin: 2);
        Assert.Equal(2, layout.Marks[0].X, 6);
        Assert.InRange(layout.Marks[1].X, 97.9, 98);
        Assert.All(layout.Ticks, t => Assert.InRange(t.X, 2, 98));
    }

    [Theory]
    [InlineData(1929, 1929, new[] { 1929, 1930 })]
    [InlineData(1917, 1945, new[] { 1920, 1925, 1930, 1935, 1940, 1945 })]
    [InlineData(1921, 1926, new[] { 1921, 1922, 1923, 1924, 1925, 1926, 1927 })]
    [InlineData(1889, 2011, new[] { 1900, 1920, 1940, 1960, 1980, 2000 })]
    public void Year_ticks_take_the_roundest_step_that_fits_ten(int first, int last, int[] expected)
    {
        var layout = MiniTimelineLayout.Compute([At(1, Day(first)), At(2, Day(last, 6, 1))]);
        Assert.Equal(expected, layout.Ticks.Select(t => t.Year));
        Assert.True(layout.Ticks.Count <= 10);
    }

    [Fact]
    public void Marks_that_would_overlap_stack_in_lanes_and_distant_ones_share_the_first()
    {
        var layout = MiniTimelineLayout.Compute(
            [At(1, Day(1930, 3, 1)), At(2, Day(1930, 3, 1)), At(3, Day(1930, 3, 2)), At(4, Day(1939, 6, 1))]);
        Assert.Equal([0, 1, 2, 0], layout.Marks.Select(m => m.Lane));
        Assert.Equal(3, layout.Lanes);
    }

    [Fact]
    public void Beyond_the_lane_limit_marks_reuse_the_lane_that_freed_up_first()
    {
        var same = Enumerable.Range(1, 4).Select(i => At(i, Day(1930, 3, 1))).ToList();
        var layout = MiniTimelineLayout.Compute([.. same, At(9, Day(1940, 1, 1))], maxLanes: 2);
        Assert.Equal([0, 1, 0, 0, 0], layout.Marks.Select(m => m.Lane));
        Assert.Equal(2, layout.Lanes);
    }

    [Fact]
    public void Marks_come_in_date_order_whatever_the_input_order()
    {
        var layout = MiniTimelineLayout.Compute([At(2, Day(1935)), At(1, Day(1925)), At(3, Day(1930))]);
        Assert.Equal([1, 3, 2], layout.Marks.Select(m => m.Id));
    }

    [Fact]
    public void Uncertainty_bars_span_the_possible_days_clamped_to_the_axis()
    {
        // "Before 1945": sorts at its end, may mean any day from 1935.
        var layout = MiniTimelineLayout.Compute(
            [At(1, Day(1940)), At(2, Day(1945, 12, 31), earliest: Day(1935), latest: Day(1945, 12, 31)), At(3, Day(1942), Day(1941), Day(1950))],
            margin: 0);
        var before = layout.Marks.Single(m => m.Id == 2);
        Assert.Equal(0, before.From, 6);
        Assert.True(before.X > 99.9);
        Assert.Equal(100, layout.Marks.Single(m => m.Id == 3).To, 6);
    }

    [Fact]
    public void No_events_give_no_marks_and_no_ticks()
    {
        var layout = MiniTimelineLayout.Compute([]);
        Assert.Empty(layout.Marks);
        Assert.Empty(layout.Ticks);
        Assert.Equal(1, layout.Lanes);
    }
}
