using Timeline.Domain.Queries;
using Timeline.Web.Filtering;

namespace Timeline.Tests.Web;

public class SortQueryTests
{
    public static TheoryData<EventSort> Sorts() => new(Enum.GetValues<EventSort>());

    [Theory]
    [MemberData(nameof(Sorts))]
    public void Every_order_survives_the_trip_through_the_table_url_and_its_grid_column(EventSort sort)
    {
        var state = new BrowseState { Sort = SortQuery.ToText(sort) };
        var back = BrowseState.FromUri("http://localhost" + state.ToUri("/table"));
        Assert.Equal(sort, SortQuery.Parse(back.Sort));

        var (column, descending) = SortQuery.Column(sort);
        Assert.Equal(sort, SortQuery.OfColumn(column, descending));
    }

    [Fact]
    public void The_default_date_order_leaves_the_link_bare_and_descending_orders_take_a_minus()
    {
        Assert.Equal("/table", new BrowseState { Sort = SortQuery.ToText(EventSort.Date) }.ToUri("/table"));
        Assert.Equal("/table?sort=-title", new BrowseState { Sort = SortQuery.ToText(EventSort.TitleDescending) }.ToUri("/table"));
        Assert.Equal(EventSort.StatusDescending, SortQuery.Parse("-Status"));
        Assert.Equal(EventSort.Date, SortQuery.Parse(null));
        Assert.Equal(EventSort.Date, SortQuery.OfColumn(null, descending: true));
        Assert.Null(SortQuery.Parse("colour"));
    }
}
