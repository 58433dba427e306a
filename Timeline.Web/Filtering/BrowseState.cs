using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Timeline.Domain.Queries;

namespace Timeline.Web.Filtering;

/// <summary>
/// Everything a browse view shows, held in the address bar: the shared filter plus the view's own page,
/// sort and visible range. Built from a URL and turned back into one, so a view is a link that survives
/// reload and back/forward. Parameters that fail to parse are dropped (the API reports them instead).
/// </summary>
public sealed record BrowseState
{
    public EventFilter Filter { get; init; } = new();
    public int Page { get; init; } = 1;
    public string? Sort { get; init; }

    /// <summary>The timeline's visible range, when the reader has moved it.</summary>
    public DateOnly? WindowFrom { get; init; }
    public DateOnly? WindowTo { get; init; }

    /// <summary>The event open in the side panel.</summary>
    public int? Selected { get; init; }

    /// <summary>Table columns the reader has chosen, or null for the defaults.</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    public static BrowseState FromUri(string uri)
    {
        var query = QueryHelpers.ParseQuery(new Uri(uri).Query);
        var errors = new Dictionary<string, string[]>();
        var filter = FilterQuery.Parse(query, errors);
        var page = Int(query, "page") is { } p and > 0 ? p : 1;
        return new BrowseState
        {
            Filter = filter,
            Page = page,
            Sort = Single(query, "sort"),
            WindowFrom = Date(query, "start"),
            WindowTo = Date(query, "end"),
            Selected = Int(query, "event") is { } e and > 0 ? e : null,
            Columns = Single(query, "cols")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };
    }

    /// <summary>The URL of a view with this state: filter first, then the view's own parameters.</summary>
    public string ToUri(string path)
    {
        var extra = new List<(string, string?)>
        {
            ("page", Page > 1 ? Page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null),
            ("sort", Sort),
            ("start", WindowFrom?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ("end", WindowTo?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ("event", Selected?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("cols", Columns is null ? null : string.Join(',', Columns)),
        };
        return path + FilterQuery.ToQueryString(Filter, [.. extra]);
    }

    /// <summary>The same filter in another view: view-specific parameters do not travel.</summary>
    public string FilterOnlyUri(string path) => path + FilterQuery.ToQueryString(Filter);

    /// <summary>A new filter resets paging and the selection (they belonged to the old result).</summary>
    public BrowseState WithFilter(EventFilter filter) => this with { Filter = filter, Page = 1, Selected = null };

    private static string? Single(Dictionary<string, StringValues> q, string key) =>
        q.TryGetValue(key, out var v) && v.Count > 0 && !string.IsNullOrWhiteSpace(v[^1]) ? v[^1]!.Trim() : null;

    private static int? Int(Dictionary<string, StringValues> q, string key) =>
        int.TryParse(Single(q, key), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    private static DateOnly? Date(Dictionary<string, StringValues> q, string key) =>
        DateOnly.TryParseExact(Single(q, key), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;
}
