using Microsoft.Extensions.Primitives;
using Timeline.Domain.Model;
using Timeline.Domain.Queries;
using Timeline.Web.Filtering;
using Timeline.Domain.Text;

namespace Timeline.Web.Api;

/// <summary>
/// The read-only JSON API (documented in the README). Every parameter is checked by hand so that a bad
/// value gets a 400 problem-details body naming the parameter, never a 500 or a silent default.
/// </summary>
public static class TimelineApi
{
    private static readonly HashSet<string> EventParameters =
        new(FilterQuery.FilterParameters.Concat(["page", "pageSize", "sort"]), StringComparer.OrdinalIgnoreCase);

    public static IEndpointRouteBuilder MapTimelineApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");

        api.MapGet("/events", async (HttpRequest request, EventQueries queries, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
            RejectUnknown(request.Query, EventParameters, errors);
            var filter = FilterQuery.Parse(request.Query, errors);
            var (page, pageSize) = Paging(request.Query, errors, 50);
            var sort = SortParameter(request.Query, errors);
            if (errors.Count > 0) return Results.ValidationProblem(errors, title: "Invalid query parameters");
            var result = await queries.SearchAsync(filter, page, pageSize, sort, ct: ct);
            return Results.Ok(new PageDto<EventDto>(result.Total, result.Items.Select(EventDto.From).ToList()));
        });

        api.MapGet("/events/{id}", async (string id, EventQueries queries, CancellationToken ct) =>
            int.TryParse(id, out var n) && n > 0
                ? await queries.GetAsync(n, ct) is { } e ? Results.Ok(EventDto.From(e)) : NotFound("event", id)
                : BadId(id));

        api.MapGet("/persons", async (HttpRequest request, CatalogQueries catalog, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
            RejectUnknown(request.Query, ["q", "page", "pageSize"], errors);
            var q = Text(request.Query, "q", errors);
            var (page, pageSize) = Paging(request.Query, errors, 50);
            if (errors.Count > 0) return Results.ValidationProblem(errors, title: "Invalid query parameters");
            var result = await catalog.SearchPersonsAsync(q, page, pageSize, ct);
            return Results.Ok(new PageDto<PersonDto>(result.Total, result.Items.Select(PersonDto.From).ToList()));
        });

        api.MapGet("/persons/{id}", async (string id, CatalogQueries catalog, CancellationToken ct) =>
            int.TryParse(id, out var n) && n > 0
                ? await catalog.GetPersonAsync(n, ct) is { } p ? Results.Ok(PersonDto.From(p)) : NotFound("person", id)
                : BadId(id));

        api.MapGet("/sources", async (HttpRequest request, CatalogQueries catalog, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
            RejectUnknown(request.Query, ["q", "kind", "page", "pageSize"], errors);
            var q = Text(request.Query, "q", errors);
            var kindText = FilterQuery.Single(Dict(request.Query), "kind", errors);
            var kind = kindText is null ? null : FilterQuery.EnumValue<SourceKind>(errors, "kind", kindText);
            var (page, pageSize) = Paging(request.Query, errors, 100);
            if (errors.Count > 0) return Results.ValidationProblem(errors, title: "Invalid query parameters");
            var result = await catalog.SearchSourcesAsync(q, kind, page, pageSize, ct);
            return Results.Ok(new PageDto<SourceDto>(result.Total, result.Items.Select(SourceDto.From).ToList()));
        });

        api.MapGet("/sources/{id}", async (string id, CatalogQueries catalog, CancellationToken ct) =>
            int.TryParse(id, out var n) && n > 0
                ? await catalog.GetSourceAsync(n, ct) is { } s ? Results.Ok(SourceDto.From(s)) : NotFound("source", id)
                : BadId(id));

        api.MapGet("/stats", async (EventQueries queries, CancellationToken ct) =>
        {
            var s = await queries.GetStatsAsync(ct);
            return Results.Ok(new StatsDto(s.Events, s.Persons, s.Sources, s.EvidenceLinks, s.First, s.Last));
        });

        return app;
    }

    private static Dictionary<string, StringValues> Dict(IQueryCollection q) =>
        q.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);

    private static void RejectUnknown(IQueryCollection query, IEnumerable<string> known, Dictionary<string, string[]> errors)
    {
        var set = known as IReadOnlySet<string> ?? new HashSet<string>(known, StringComparer.OrdinalIgnoreCase);
        foreach (var key in query.Keys.Where(k => !set.Contains(k)))
            FilterQuery.Add(errors, key, $"Unknown parameter {Excerpt.Quote(key)}. Known parameters: {string.Join(", ", set)}.");
    }

    private static (int Page, int PageSize) Paging(IQueryCollection query, Dictionary<string, string[]> errors, int defaultSize)
    {
        var q = Dict(query);
        var page = FilterQuery.Single(q, "page", errors) is { } p ? FilterQuery.Int(errors, "page", p, 1, 1_000_000) ?? 1 : 1;
        var size = FilterQuery.Single(q, "pageSize", errors) is { } s ? FilterQuery.Int(errors, "pageSize", s, 1, Limits.MaxPageSize) ?? defaultSize : defaultSize;
        return (page, size);
    }

    private static string? Text(IQueryCollection query, string key, Dictionary<string, string[]> errors)
    {
        var value = FilterQuery.Single(Dict(query), key, errors);
        if (value is { Length: > FilterQuery.MaxTextLength })
            FilterQuery.Add(errors, key, $"'{key}' is at most {FilterQuery.MaxTextLength} characters.");
        return value;
    }

    /// <summary>sort=date|title|kind|status, with a leading '-' for descending.</summary>
    private static EventSort SortParameter(IQueryCollection query, Dictionary<string, string[]> errors)
    {
        var text = FilterQuery.Single(Dict(query), "sort", errors);
        if (string.IsNullOrEmpty(text)) return EventSort.Date;
        var sort = SortQuery.Parse(text);
        if (sort is null) FilterQuery.Add(errors, "sort", $"{Excerpt.Quote(text)} is not a sort; use date, title, kind or status, with '-' for descending.");
        return sort ?? EventSort.Date;
    }

    private static IResult NotFound(string what, string id) =>
        Results.Problem(statusCode: 404, title: $"No {what} with id {id}", detail: $"There is no {what} with id {id}; it may have been deleted.");

    private static IResult BadId(string id) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { ["id"] = [$"{Excerpt.Quote(id)} is not an id; ids are positive whole numbers."] },
            title: "Invalid id");
}
