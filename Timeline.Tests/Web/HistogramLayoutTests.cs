using Timeline.Domain.Queries;
using Timeline.Web.Components.Pages.Browse;

namespace Timeline.Tests.Web;

public class HistogramLayoutTests
{
    private static HistogramLayout Layout(params (int Year, int Count)[] counts) =>
        HistogramLayout.Compute(counts.Select(c => new YearCount(c.Year, c.Count)).ToList());

    [Fact]
    public void Every_year_from_the_first_to_the_last_has_a_slot_of_its_own_and_no_bar_leaves_its_slot()
    {
        var layout = Layout((1936, 300), (1929, 12), (1933, 1));

        Assert.Equal(Enumerable.Range(1929, 8), layout.Bars.Select(b => b.Year));
        Assert.Equal([12, 0, 0, 0, 1, 0, 0, 300], layout.Bars.Select(b => b.Count));
        for (var i = 0; i < layout.Bars.Count; i++)
        {
            var bar = layout.Bars[i];
            Assert.Equal(i * 100.0 / 8, bar.X, 9);
            Assert.Equal(100.0 / 8, bar.Width, 9);
            Assert.True(bar.BarX > bar.X && bar.BarX + bar.BarWidth < bar.X + bar.Width, $"{bar.Year}'s bar leaves its slot");
            if (i > 0) Assert.True(bar.BarX > layout.Bars[i - 1].BarX + layout.Bars[i - 1].BarWidth, $"{bar.Year}'s bar touches the one before");
        }
        Assert.Equal(100.0, layout.Bars[^1].X + layout.Bars[^1].Width, 9);
    }

    [Fact]
    public void Heights_are_in_proportion_to_the_busiest_year_and_a_single_event_still_shows()
    {
        var layout = Layout((1936, 300), (1937, 150), (1938, 1), (1940, 0));

        Assert.Equal([100, 50, HistogramLayout.MinHeight], layout.Bars.Select(b => b.Height));
        Assert.Equal(1938, layout.LastYear);
    }

    [Fact]
    public void The_year_under_a_point_is_the_year_of_the_slot_it_falls_in()
    {
        var layout = Layout((1930, 5), (1931, 125), (1932, 7));

        // The left edge of 1931's slot, its middle and its right edge belong to 1931, never to 1930.
        var slot = layout.Bar(1931)!;
        Assert.Equal(100.0 / 3, slot.X, 9);
        Assert.Null(layout.Bar(1929));
        Assert.Equal(1931, layout.Bars.Single(b => b.X <= slot.X + 1e-9 && slot.X + 1e-9 < b.X + b.Width).Year);
        Assert.Equal(1931, layout.Bars.Single(b => b.X <= slot.Middle && slot.Middle < b.X + b.Width).Year);
    }

    [Fact]
    public void A_single_year_gets_one_tick_that_year_not_a_scale_of_numbers()
    {
        var layout = Layout((1937, 52));

        Assert.Equal([new HistogramTick(1937, 50)], layout.Ticks);
    }

    [Theory]
    [InlineData(1929, 1931, 1, new[] { 1929, 1930, 1931 })]
    [InlineData(1921, 1940, 2, new[] { 1922, 1924, 1926, 1928, 1930, 1932, 1934, 1936, 1938, 1940 })]
    [InlineData(1886, 2011, 20, new[] { 1900, 1920, 1940, 1960, 1980, 2000 })]
    [InlineData(1933, 1934, 1, new[] { 1933, 1934 })]
    public void Ticks_fall_on_round_years_at_a_step_that_keeps_them_to_a_dozen(int first, int last, int step, int[] years)
    {
        var layout = Layout((first, 1), (last, 1));

        Assert.Equal(years, layout.Ticks.Select(t => t.Year));
        Assert.All(layout.Ticks, t => Assert.Equal(layout.Bar(t.Year)!.Middle, t.X, 9));
        Assert.True(layout.Ticks.Count <= 12);
        Assert.All(layout.Ticks.Zip(layout.Ticks.Skip(1)), p => Assert.Equal(step, p.Second.Year - p.First.Year));
    }

    [Fact]
    public void The_words_beside_the_bars_give_the_count_and_span_or_the_years_chosen_but_no_sum_of_bars_for_them()
    {
        var layout = Layout((1929, 1), (1936, 300));

        Assert.Equal("301 events dated 1929–1936, by year.", layout.Describe(null, null));
        Assert.Equal("Events dated 1929–1936, by year; 1931 chosen.", layout.Describe(1931, 1931));
        Assert.Equal("Events dated 1929–1936, by year; 1930–… chosen.", layout.Describe(1930, null));
        Assert.Equal("1 event dated 1937, by year.", Layout((1937, 1)).Describe(null, null));
    }

    [Fact]
    public void No_events_no_bars()
    {
        Assert.Empty(Layout().Bars);
        Assert.Empty(Layout((1930, 0)).Ticks);
    }
}
