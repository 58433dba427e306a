using Timeline.Domain.Model;
using Timeline.Domain.Queries;
using Timeline.Web.Filtering;

namespace Timeline.Tests.Web;

public class BrowseStateTests
{
    [Fact]
    public void A_full_state_survives_the_trip_through_the_url()
    {
        var state = new BrowseState
        {
            Filter = new EventFilter
            {
                PersonIds = [12, 40], PersonNames = ["Мясников"], FromYear = 1929, ToYear = 1938,
                Kinds = [EventKind.Trial, EventKind.Arrest], Statuses = [ClaimStatus.Disputed], Text = "\"Moscow trial\" & Radek",
            },
            Page = 3,
            Sort = "-date",
            WindowFrom = new DateOnly(1936, 8, 1),
            WindowTo = new DateOnly(1936, 9, 30),
            Selected = 77,
            Columns = ["date", "title", "people"],
        };

        var back = BrowseState.FromUri("http://localhost" + state.ToUri("/table"));

        Assert.Equal(state.Filter, back.Filter);
        Assert.Equal(state with { Filter = back.Filter }, back with { Columns = state.Columns });
        Assert.Equal(state.Columns, back.Columns);
    }

    [Fact]
    public void An_empty_state_is_a_bare_path()
    {
        Assert.Equal("/list", new BrowseState().ToUri("/list"));
        Assert.Equal(new BrowseState() with { Columns = null }, BrowseState.FromUri("http://localhost/list"));
    }

    [Fact]
    public void Equal_filters_give_equal_links()
    {
        var a = new BrowseState { Filter = new EventFilter { Kinds = [EventKind.Arrest], FromYear = 1930 } };
        var b = BrowseState.FromUri("http://localhost/timeline?kind=arrest&from=1930");
        Assert.Equal(a.ToUri("/timeline"), b.ToUri("/timeline"));
    }

    [Fact]
    public void Garbage_in_the_url_is_dropped_not_fatal()
    {
        var s = BrowseState.FromUri("http://localhost/list?from=abc&kind=picnic,trial&page=-4&start=yesterday&event=x");
        Assert.Null(s.Filter.FromYear);
        Assert.Equal([EventKind.Trial], s.Filter.Kinds);
        Assert.Equal(1, s.Page);
        Assert.Null(s.WindowFrom);
        Assert.Null(s.Selected);
    }

    [Fact]
    public void Changing_the_filter_returns_to_the_first_page_and_closes_the_panel()
    {
        var s = new BrowseState { Page = 4, Selected = 9 }.WithFilter(new EventFilter { FromYear = 1937 });
        Assert.Equal(1, s.Page);
        Assert.Null(s.Selected);
        Assert.Equal("/list?from=1937", s.FilterOnlyUri("/list"));
    }
}
