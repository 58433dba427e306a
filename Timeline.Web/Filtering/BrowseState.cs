using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Timeline.Domain.Queries;
using Timeline.Domain.Text;

namespace Timeline.Web.Filtering;

/// <summary>
/// Everything a browse view shows, held in the address bar: the shared filter plus the view's own page,
/// sort and visible range. Built from a URL and turned back into one, so a view is a link that survives
/// reload and back/forward. Parameters that fail to parse are left out of the state, and <see cref="Read"/>
/// says which, in the API's words, so the pages can show what they ignored.
/// </summary>
public sealed record BrowseState
{
    /// <summary>The page sizes the table offers; the list keeps its own.</summary>
    public static readonly IReadOnlyList<int> PageSizes = [25, 50, 100, 500];

    // The views' own parameters are read as the API reads its own (same limits, same messages), but they are the
    // pages', not the API's: made when needed rather than kept as definitions, which every API endpoint must declare.
    private static QueryParameter PageParameter => QueryParameter.WholeNumber("page", "The page, counting from 1.", 1, 1_000_000);

    private static QueryParameter EventParameter => QueryParameter.WholeNumber("event", "The event open beside the timeline.", 1, int.MaxValue);

    // The views' own parameters besides the filter's: a name outside both is a typing error worth a notice.
    private static readonly string[] ViewParameters = ["page", "pageSize", "sort", "start", "end", "event", "cols"];

    public EventFilter Filter { get; init; } = new();
    public int Page { get; init; } = 1;

    /// <summary>Rows per page, when the reader has chosen one of <see cref="PageSizes"/>; null for the view's default.</summary>
    public int? PageSize { get; init; }

    public string? Sort { get; init; }

    /// <summary>The timeline's visible range, when the reader has moved it.</summary>
    public DateOnly? WindowFrom { get; init; }
    public DateOnly? WindowTo { get; init; }

    /// <summary>The event open in the side panel.</summary>
    public int? Selected { get; init; }

    /// <summary>Table columns the reader has chosen, or null for the defaults.</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    public static BrowseState FromUri(string uri) => Read(uri).State;

    /// <summary>
    /// The state of an address and what it had to leave out or change to get it: each notice names the parameter and
    /// the value, as the API's 400 does. Years given the wrong way round are swapped (the API refuses them).
    /// </summary>
    public static (BrowseState State, IReadOnlyList<string> Notices) Read(string uri)
    {
        var query = QueryHelpers.ParseQuery(new Uri(uri).Query);
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        var filter = FilterQuery.Parse(query, errors);
        var notices = new List<string>();
        if (filter is { FromYear: { } from, ToYear: { } to } && from > to)
        {
            errors.Remove(FilterQuery.From.Name, out var fromErrors);
            notices.Add($"The years were the wrong way round (from {from} to {to}): showing {to} to {from}.");
            foreach (var e in fromErrors ?? []) if (e != FilterQuery.Reversed(from, to)) notices.Add("Ignored: " + e);
            filter = filter with { FromYear = to, ToYear = from };
        }
        var q = query.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
        string? Single(string name) => FilterQuery.Single(q, ViewParameter(name), errors) is { Length: > 0 } v ? v : null;

        var page = Single("page") is { } p ? PageParameter.Number(errors, p) ?? 1 : 1;
        int? size = null;
        if (Single("pageSize") is { } s)
        {
            if (int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && PageSizes.Contains(n)) size = n;
            else FilterQuery.Add(errors, "pageSize", $"'pageSize' is one of {string.Join(", ", PageSizes)}; got {Excerpt.Quote(s)}.");
        }
        var sort = Single("sort");
        if (sort is not null && SortQuery.Parse(sort) is null)
        {
            FilterQuery.Add(errors, "sort", $"{Excerpt.Quote(sort)} is not a known sort; use one of: {string.Join(", ", SortQuery.Parameter.Choices)}.");
            sort = null;
        }
        foreach (var name in query.Keys.Where(k => !ViewParameters.Contains(k, StringComparer.OrdinalIgnoreCase)
                     && !FilterQuery.Parameters.Any(f => string.Equals(f.Name, k, StringComparison.OrdinalIgnoreCase))))
            FilterQuery.Add(errors, name, $"{Excerpt.Quote(name)} is not a parameter of this page.");

        var state = new BrowseState
        {
            Filter = filter,
            Page = page,
            PageSize = size,
            Sort = sort,
            WindowFrom = Date("start", Single("start"), errors),
            WindowTo = Date("end", Single("end"), errors),
            Selected = Single("event") is { } ev ? EventParameter.Number(errors, ev) : null,
            Columns = Single("cols")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };
        notices.AddRange(errors.Values.SelectMany(e => e).Select(e => "Ignored: " + e));
        return (state, notices);
    }

    /// <summary>The URL of a view with this state: filter first, then the view's own parameters.</summary>
    public string ToUri(string path)
    {
        var extra = new List<(string, string?)>
        {
            ("page", Page > 1 ? Page.ToString(CultureInfo.InvariantCulture) : null),
            ("pageSize", PageSize?.ToString(CultureInfo.InvariantCulture)),
            ("sort", Sort),
            ("start", WindowFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("end", WindowTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("event", Selected?.ToString(CultureInfo.InvariantCulture)),
            ("cols", Columns is null ? null : string.Join(',', Columns)),
        };
        return path + FilterQuery.ToQueryString(Filter, [.. extra]);
    }

    /// <summary>The same filter in another view: view-specific parameters do not travel.</summary>
    public string FilterOnlyUri(string path) => path + FilterQuery.ToQueryString(Filter);

    /// <summary>A new filter resets paging and the selection (they belonged to the old result).</summary>
    public BrowseState WithFilter(EventFilter filter) => this with { Filter = filter, Page = 1, Selected = null };

    // The views' own parameters take one value each, like the API's: given twice, neither is guessed at.
    private static QueryParameter ViewParameter(string name) => QueryParameter.Text(name, "", int.MaxValue);

    private static DateOnly? Date(string key, string? text, Dictionary<string, string[]> errors)
    {
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        FilterQuery.Add(errors, key, $"'{key}' is a day written yyyy-mm-dd; got {Excerpt.Quote(text)}.");
        return null;
    }
}
