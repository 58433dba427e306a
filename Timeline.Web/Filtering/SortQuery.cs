using Timeline.Domain.Queries;

namespace Timeline.Web.Filtering;

/// <summary>
/// The event order as the <c>sort</c> URL parameter, both ways: <c>date</c> (the default), <c>title</c>, <c>kind</c> or
/// <c>status</c>, with a leading '-' for descending. The API reads it, and the table keeps its order in the address bar
/// with it, naming the grid column each order belongs to.
/// </summary>
public static class SortQuery
{
    // The columns are the table's: its grid names a sorted column by the property it shows.
    private static readonly (string Key, string Column, EventSort Ascending, EventSort Descending)[] Orders =
    [
        ("date", nameof(EventView.Start), EventSort.Date, EventSort.DateDescending),
        ("title", nameof(EventView.Title), EventSort.Title, EventSort.TitleDescending),
        ("kind", nameof(EventView.Kind), EventSort.Kind, EventSort.KindDescending),
        ("status", nameof(EventView.ClaimStatus), EventSort.Status, EventSort.StatusDescending),
    ];

    /// <summary>The <c>sort</c> parameter, with every value <see cref="Parse"/> takes.</summary>
    public static readonly QueryParameter Parameter = QueryParameter.Choice("sort",
        "The order of the events: by date (earliest first), title, kind or claim status; a leading '-' reverses it.",
        Orders.SelectMany(o => new[] { o.Key, "-" + o.Key }).ToList(), @default: "date");

    /// <summary>The order a <c>sort</c> value names; date order when there is none, null when it names none.</summary>
    public static EventSort? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return EventSort.Date;
        var descending = text.StartsWith('-');
        var key = text.TrimStart('-').Trim();
        foreach (var o in Orders)
            if (string.Equals(o.Key, key, StringComparison.OrdinalIgnoreCase)) return descending ? o.Descending : o.Ascending;
        return null;
    }

    /// <summary>The <c>sort</c> value of an order: none for the default date order, so default links stay bare.</summary>
    public static string? ToText(EventSort sort)
    {
        if (sort == EventSort.Date) return null;
        var o = Of(sort);
        return sort == o.Descending ? "-" + o.Key : o.Key;
    }

    /// <summary>The grid column an order sorts by, and whether it runs down.</summary>
    public static (string Column, bool Descending) Column(EventSort sort)
    {
        var o = Of(sort);
        return (o.Column, sort == o.Descending);
    }

    /// <summary>The order of a grid column sorted one way or the other; date order when no column is sorted.</summary>
    public static EventSort OfColumn(string? column, bool descending)
    {
        foreach (var o in Orders)
            if (o.Column == column) return descending ? o.Descending : o.Ascending;
        return EventSort.Date;
    }

    /// <summary>An order in words, as the table says it beside its count.</summary>
    public static string Describe(EventSort sort) => sort switch
    {
        EventSort.DateDescending => "latest first",
        EventSort.Title => "by title, A to Z",
        EventSort.TitleDescending => "by title, Z to A",
        EventSort.Kind => "by kind, A to Z",
        EventSort.KindDescending => "by kind, Z to A",
        EventSort.Status => "by claim status, attributed first",
        EventSort.StatusDescending => "by claim status, stated first",
        _ => "in date order, earliest first",
    };

    private static (string Key, string Column, EventSort Ascending, EventSort Descending) Of(EventSort sort) =>
        Orders.Single(o => o.Ascending == sort || o.Descending == sort);
}
