using Timeline.Web.Filtering;

namespace Timeline.Tests.Web;

public class StateRequestsTests
{
    private const string Base = "http://localhost";

    private static StateRequests At(string uri)
    {
        var requests = new StateRequests();
        requests.Arrived(Base + uri);
        return requests;
    }

    [Fact]
    public void A_range_change_made_before_the_browser_reports_an_opened_event_keeps_the_event()
    {
        var requests = At("/timeline?person=Blumkin");

        var opened = requests.Request(s => s with { Selected = 7 }, "/timeline");
        var moved = requests.Request(s => s with { WindowFrom = new DateOnly(1929, 1, 1), WindowTo = new DateOnly(1929, 12, 31) }, "/timeline");

        Assert.Equal("/timeline?person=Blumkin&event=7", opened);
        Assert.Equal("/timeline?person=Blumkin&start=1929-01-01&end=1929-12-31&event=7", moved);
    }

    [Fact]
    public void Only_the_last_of_several_requests_is_shown_when_the_browser_reports_them()
    {
        var requests = At("/table");
        var first = requests.Request(s => s with { Page = 2 }, "/table")!;
        var second = requests.Request(s => s with { Sort = "title", Page = 1 }, "/table")!;

        Assert.False(requests.Arrived(Base + first));
        Assert.True(requests.Arrived(Base + second));
        Assert.Equal("title", requests.Latest.Sort);
        Assert.Equal(1, requests.Latest.Page);
    }

    [Fact]
    public void Moving_back_or_forward_while_a_request_is_pending_takes_the_address_as_it_is()
    {
        var requests = At("/timeline?kind=trial&event=3");
        requests.Request(s => s with { Selected = null }, "/timeline");

        Assert.True(requests.Arrived(Base + "/timeline?kind=arrest"));
        Assert.Equal("/timeline?kind=arrest&event=9", requests.Request(s => s with { Selected = 9 }, "/timeline"));
    }

    [Fact]
    public void A_change_that_changes_nothing_does_not_navigate()
    {
        var requests = At("/timeline?start=1929-01-01&end=1929-12-31");
        Assert.Null(requests.Request(s => s with { WindowFrom = new DateOnly(1929, 1, 1) }, "/timeline"));
    }

    [Fact]
    public void A_report_missed_by_the_browser_does_not_hold_back_later_ones()
    {
        var requests = At("/table");
        requests.Request(s => s with { Page = 2 }, "/table");
        var third = requests.Request(s => s with { Page = 3 }, "/table")!;

        Assert.True(requests.Arrived(Base + third));
        Assert.True(requests.Arrived(Base + "/table?page=5"));
    }
}
