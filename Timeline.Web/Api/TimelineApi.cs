using Microsoft.Extensions.Primitives;
using Timeline.Domain.Model;
using Timeline.Domain.Queries;
using Timeline.Domain.Text;
using Timeline.Web.Components.Pages.Browse;
using Timeline.Web.Filtering;

namespace Timeline.Web.Api;

/// <summary>
/// The read-only JSON API (documented in the README and at /openapi/v1.json). Every parameter is checked by hand so
/// that a bad value gets a 400 problem-details body naming the parameter, never a 500 or a silent default.
/// </summary>
public static class TimelineApi
{
    private static readonly QueryParameter Page = QueryParameter.WholeNumber("page", "The page, counting from 1.", 1, 1_000_000, @default: 1);

    private static QueryParameter PageSize(int @default) =>
        QueryParameter.WholeNumber("pageSize", $"Items per page, up to {Limits.MaxPageSize}.", 1, Limits.MaxPageSize, @default);

    private static readonly QueryParameter EventsPageSize = PageSize(50);
    private static readonly QueryParameter PersonsPageSize = PageSize(50);
    private static readonly QueryParameter SourcesPageSize = PageSize(100);

    private static readonly QueryParameter PersonText = QueryParameter.Text("q",
        "Part of a name or name variant, ignoring case, diacritics and script.", FilterQuery.MaxTextLength);

    private static readonly QueryParameter SourceText = QueryParameter.Text("q", "Part of the title or the author.", FilterQuery.MaxTextLength);

    private static readonly QueryParameter SourceKindFilter = QueryParameter.Choice<SourceKind>("kind", "The kind of source.");

    private static readonly QueryParameter Id = QueryParameter.WholeNumber("id", "The record's id.", 1, int.MaxValue, inPath: true);

    private static readonly QueryParameter WindowStart = QueryParameter.Date("start",
        "First day of the window, as in the timeline page's address. Without it, the first day of the window the page opens on " +
        "(the filter's years, or the span of the matching events with a margin).");

    private static readonly QueryParameter WindowEnd = QueryParameter.Date("end",
        "Last day of the window (inclusive); not before 'start'. Without it, the last day of the window the page opens on.");

    public static IEndpointRouteBuilder MapTimelineApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Read API");

        api.MapGet("/events", async (HttpRequest request, EventQueries queries, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
            var q = Dict(request.Query);
            var filter = FilterQuery.Parse(request.Query, errors);
            var (page, pageSize) = Paging(q, errors, EventsPageSize);
            var sort = SortParameter(q, errors);
            if (errors.Count > 0) return Results.ValidationProblem(errors, title: "Invalid query parameters");
            var result = await queries.SearchAsync(filter, page, pageSize, sort, ct: ct);
            return Results.Ok(EventPageDto.From(result));
        })
            .WithParameters([.. FilterQuery.Parameters, SortQuery.Parameter, Page, EventsPageSize])
            .WithSummary("Events matching a filter, a page at a time, with the persons each name filter matched")
            .Produces<EventPageDto>().ProducesValidationProblem();

        // The exact figure where a page's total is a bound (totalIsLowerBound): counting every match of a common text takes
        // longer than a page, so it is asked for apart.
        api.MapGet("/events/count", async (HttpRequest request, EventQueries queries, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
            var filter = FilterQuery.Parse(request.Query, errors);
            if (errors.Count > 0) return Results.ValidationProblem(errors, title: "Invalid query parameters");
            return Results.Ok(new EventCountDto(await queries.CountAsync(filter, ct)));
        })
            .WithParameters(FilterQuery.Parameters)
            .WithSummary("How many events match a filter, exactly (where /api/events says its total is a lower bound)")
            .Produces<EventCountDto>().ProducesValidationProblem();

        api.MapGet("/events/{id}", async (string id, EventQueries queries, CancellationToken ct) =>
            Id.TryNumber(id, out var n)
                ? await queries.GetAsync(n, ct) is { } e ? Results.Ok(EventDto.From(e)) : NotFound("event", id)
                : BadId(id))
            .WithParameters(Id).WithSummary("One event with its participants, evidence and alternative dates")
            .Produces<EventDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/persons", async (HttpRequest request, CatalogQueries catalog, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
            var q = Dict(request.Query);
            var text = FilterQuery.Single(q, PersonText, errors) is { } t ? PersonText.Checked(errors, t) : null;
            var (page, pageSize) = Paging(q, errors, PersonsPageSize);
            if (errors.Count > 0) return Results.ValidationProblem(errors, title: "Invalid query parameters");
            var result = await catalog.SearchPersonsAsync(text, page, pageSize, ct);
            return Results.Ok(new PageDto<PersonDto>(result.Total, result.Items.Select(PersonDto.From).ToList()));
        })
            .WithParameters(PersonText, Page, PersonsPageSize).WithSummary("Persons, by name")
            .Produces<PageDto<PersonDto>>().ProducesValidationProblem();

        api.MapGet("/persons/{id}", async (string id, CatalogQueries catalog, CancellationToken ct) =>
            Id.TryNumber(id, out var n)
                ? await catalog.GetPersonAsync(n, ct) is { } p ? Results.Ok(PersonDto.From(p)) : NotFound("person", id)
                : BadId(id))
            .WithParameters(Id).WithSummary("One person")
            .Produces<PersonDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/sources", async (HttpRequest request, CatalogQueries catalog, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
            var q = Dict(request.Query);
            var text = FilterQuery.Single(q, SourceText, errors) is { } t ? SourceText.Checked(errors, t) : null;
            var kind = FilterQuery.Single(q, SourceKindFilter, errors) is { } k ? SourceKindFilter.EnumValue<SourceKind>(errors, k) : null;
            var (page, pageSize) = Paging(q, errors, SourcesPageSize);
            if (errors.Count > 0) return Results.ValidationProblem(errors, title: "Invalid query parameters");
            var result = await catalog.SearchSourcesAsync(text, kind, page, pageSize, ct);
            return Results.Ok(new PageDto<SourceDto>(result.Total, result.Items.Select(SourceDto.From).ToList()));
        })
            .WithParameters(SourceText, SourceKindFilter, Page, SourcesPageSize).WithSummary("Sources, most cited first")
            .Produces<PageDto<SourceDto>>().ProducesValidationProblem();

        api.MapGet("/sources/{id}", async (string id, CatalogQueries catalog, CancellationToken ct) =>
            Id.TryNumber(id, out var n)
                ? await catalog.GetSourceAsync(n, ct) is { } s ? Results.Ok(SourceDto.From(s)) : NotFound("source", id)
                : BadId(id))
            .WithParameters(Id).WithSummary("One source, with its formatted archival reference")
            .Produces<SourceDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/timeline", async (HttpRequest request, TimelineQueries timelines, TimelineExtents extents, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
            var q = Dict(request.Query);
            var filter = FilterQuery.Parse(request.Query, errors);
            var start = FilterQuery.Single(q, WindowStart, errors) is { } s ? WindowStart.DateValue(errors, s) : null;
            var end = FilterQuery.Single(q, WindowEnd, errors) is { } e ? WindowEnd.DateValue(errors, e) : null;
            if (start > end) FilterQuery.Add(errors, WindowStart.Name, $"'start' ({start:yyyy-MM-dd}) is after 'end' ({end:yyyy-MM-dd}).");
            if (errors.Count > 0) return Results.ValidationProblem(errors, title: "Invalid query parameters");
            if (start is null || end is null)
            {
                var opening = await TimelinePage.OpeningRangeAsync(extents, filter, ct);
                if (opening is null && start is null && end is null) return Results.Ok(TimelineWindowDto.NothingMatched());
                // A bound not given is the opening window's, kept on its side of the one given.
                start ??= opening is { } o ? (end is { } last && last < o.From ? last : o.From) : end;
                end ??= opening is { } p && p.To > start!.Value ? p.To : start;
            }
            // A thin mapping of what the page gets: the page's own query, its answer in the API's wire shape.
            return Results.Ok(TimelineWindowDto.From(await timelines.WindowAsync(filter, start!.Value, end!.Value, ct)));
        })
            .WithParameters([.. FilterQuery.Parameters, WindowStart, WindowEnd])
            .WithSummary("What the timeline page draws for a window: its events, or density bars when more than the cap reach into it")
            .Produces<TimelineWindowDto>().ProducesValidationProblem();

        api.MapGet("/stats", async (EventQueries queries, CancellationToken ct) =>
        {
            var s = await queries.GetStatsAsync(ct);
            return Results.Ok(new StatsDto(s.Events, s.Persons, s.Sources, s.EvidenceLinks, s.First, s.Last));
        })
            .WithParameters().WithSummary("Counts and the span of dates covered")
            .Produces<StatsDto>().ProducesValidationProblem();

        return app;
    }

    private static Dictionary<string, StringValues> Dict(IQueryCollection q) =>
        q.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);

    private static (int Page, int PageSize) Paging(Dictionary<string, StringValues> q, Dictionary<string, string[]> errors, QueryParameter pageSize) =>
        (Page.Number(errors, FilterQuery.Single(q, Page, errors) ?? Page.Default!) ?? 1,
         pageSize.Number(errors, FilterQuery.Single(q, pageSize, errors) ?? pageSize.Default!) ?? 1);

    private static EventSort SortParameter(Dictionary<string, StringValues> q, Dictionary<string, string[]> errors)
    {
        var text = FilterQuery.Single(q, SortQuery.Parameter, errors);
        if (string.IsNullOrEmpty(text)) return EventSort.Date;
        var sort = SortQuery.Parse(text);
        if (sort is null)
            FilterQuery.Add(errors, SortQuery.Parameter.Name, $"{Excerpt.Quote(text)} is not a sort; use one of: {string.Join(", ", SortQuery.Parameter.Choices)}.");
        return sort ?? EventSort.Date;
    }

    private static IResult NotFound(string what, string id) =>
        Results.Problem(statusCode: 404, title: $"No {what} with id {id}", detail: $"There is no {what} with id {id}; it may have been deleted.");

    private static IResult BadId(string id) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [Id.Name] = [$"{Excerpt.Quote(id)} is not an id; ids are positive whole numbers."] },
            title: "Invalid id");
}
