using Timeline.Web.Components.Pages.Browse;

namespace Timeline.Tests.Web;

/// <summary>The small rules behind the browse views' own components: page numbers, year gestures, table columns.</summary>
public class BrowsePartsTests
{
    private static string Numbers(int page, int pages) => string.Join(" ", PageNumbers.Of(page, pages).Select(n => n?.ToString() ?? "…"));

    [Theory]
    [InlineData(1, 1, "1")]
    [InlineData(1, 7, "1 2 3 … 7")]
    [InlineData(4, 7, "1 2 3 4 5 6 7")]
    [InlineData(5, 20, "1 2 3 4 5 6 7 … 20")]
    [InlineData(10, 20, "1 … 8 9 10 11 12 … 20")]
    [InlineData(20, 20, "1 … 18 19 20")]
    [InlineData(99, 20, "1 … 18 19 20")]
    [InlineData(1, 0, "")]
    public void The_pager_shows_the_ends_and_two_pages_either_side_and_never_an_ellipsis_for_one_page(int page, int pages, string shown)
    {
        Assert.Equal(shown, Numbers(page, pages));
    }

    [Fact]
    public void A_press_and_release_on_one_year_chooses_that_year()
    {
        var g = new YearGesture();
        g.Press(1931);
        Assert.False(g.Enter(1931));
        Assert.Equal((1931, 1931), g.End());
        Assert.Null(g.Pending);
    }

    [Fact]
    public void Dragging_chooses_the_years_between_the_press_and_the_release_whichever_way_it_goes()
    {
        var g = new YearGesture();
        g.Press(1936);
        Assert.True(g.Enter(1935));
        Assert.True(g.Enter(1932));
        Assert.Equal((1932, 1936), g.Pending);
        Assert.Equal((1932, 1936), g.End());
        Assert.False(g.Dragging);
    }

    [Fact]
    public void Moving_over_years_without_a_press_chooses_nothing()
    {
        var g = new YearGesture();
        Assert.False(g.Enter(1930));
        Assert.Null(g.End());
    }

    [Fact]
    public void Shift_and_arrows_extend_from_the_year_first_focused_and_escape_drops_the_choice()
    {
        var g = new YearGesture();
        g.Extend(1930, 1931);
        g.Extend(1931, 1932);
        g.Extend(1932, 1929);
        Assert.Equal((1929, 1930), g.Pending);
        g.Cancel();
        Assert.Null(g.End());
    }

    [Fact]
    public void The_table_shows_the_columns_the_address_names_in_its_own_order_and_the_defaults_otherwise()
    {
        Assert.Equal(TableColumns.Default, TableColumns.Shown(null));
        Assert.Equal(TableColumns.Default, TableColumns.Shown(["colour"]));
        Assert.Equal(["date", "title", "summary"], TableColumns.Shown(["summary", "Title", "date", "colour"]));
        Assert.Null(TableColumns.ToState(TableColumns.Default));
        Assert.Equal(["title"], TableColumns.ToState(["title"]));
    }
}
