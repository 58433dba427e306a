using Timeline.Domain.Model;
using Timeline.Web.Filtering;

namespace Timeline.Tests.Web;

/// <summary>What the views read from an address they cannot take as given, and what they say about it.</summary>
public class BrowseNoticeTests
{
    private static (BrowseState State, IReadOnlyList<string> Notices) Read(string query) => BrowseState.Read("http://localhost/list?" + query);

    [Fact]
    public void A_valid_address_has_no_notice()
    {
        Assert.Empty(Read("person=Zinoviev&personId=3&from=1929&to=1937&kind=trial,arrest&status=stated&q=Moscow&source=2&page=2&pageSize=100&sort=-title&start=1929-01-01&end=1930-01-01&event=4&cols=date,title").Notices);
    }

    [Fact]
    public void Each_value_the_filter_cannot_read_is_named_as_the_api_names_it_and_left_out()
    {
        var (state, notices) = Read("from=abc&kind=trail,trial&status=maybe");

        Assert.Null(state.Filter.FromYear);
        Assert.Equal([EventKind.Trial], state.Filter.Kinds);
        Assert.Empty(state.Filter.Statuses);
        Assert.Equal([
            "Ignored: 'from' must be a whole number from 1 to 9999; got 'abc'.",
            $"Ignored: 'trail' is not a known kind; use one of: {string.Join(", ", Enum.GetValues<EventKind>().Select(k => k.ToString().ToLowerInvariant()))}.",
            "Ignored: 'maybe' is not a known status; use one of: stated, attributed, disputed.",
        ], notices);
    }

    [Fact]
    public void Years_the_wrong_way_round_are_swapped_with_a_notice_where_the_api_refuses_them()
    {
        var errors = new Dictionary<string, string[]>();
        FilterQuery.Parse(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery("?from=1940&to=1930"), errors);
        Assert.Equal([FilterQuery.Reversed(1940, 1930)], errors["from"]);

        var (state, notices) = Read("from=1940&to=1930");

        Assert.Equal((1930, 1940), (state.Filter.FromYear, state.Filter.ToYear));
        Assert.Equal(["The years were the wrong way round (from 1940 to 1930): showing 1930 to 1940."], notices);
    }

    [Fact]
    public void A_bad_page_size_order_day_or_unknown_parameter_is_named_and_the_view_keeps_its_default()
    {
        var (state, notices) = Read("page=0&pageSize=30&sort=colour&start=yesterday&persons=Zinoviev");

        Assert.Equal((1, null, null, null), (state.Page, state.PageSize, state.Sort, state.WindowFrom));
        Assert.Equal([
            "Ignored: 'page' must be a whole number from 1 to 1000000; got '0'.",
            "Ignored: 'pageSize' is one of 25, 50, 100, 500; got '30'.",
            $"Ignored: 'colour' is not a known sort; use one of: {string.Join(", ", SortQuery.Parameter.Choices)}.",
            "Ignored: 'persons' is not a parameter of this page.",
            "Ignored: 'start' is a day written yyyy-mm-dd; got 'yesterday'.",
        ], notices);
    }

    [Fact]
    public void A_value_given_twice_is_not_guessed_at_as_the_api_refuses_it()
    {
        var (state, notices) = Read("from=1929&from=1930&page=2&page=3");

        Assert.Null(state.Filter.FromYear);
        Assert.Equal(1, state.Page);
        Assert.Equal(["Ignored: 'from' is given 2 times; give it once.", "Ignored: 'page' is given 2 times; give it once."], notices);
    }

    [Fact]
    public void A_chosen_page_size_travels_in_the_address()
    {
        var state = new BrowseState { PageSize = 500, Page = 3 };
        Assert.Equal("/table?page=3&pageSize=500", state.ToUri("/table"));
        Assert.Equal(500, BrowseState.FromUri("http://localhost" + state.ToUri("/table")).PageSize);
    }
}
