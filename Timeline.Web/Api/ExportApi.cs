using System.Text.Json.Nodes;
using Timeline.Domain.ImportExport;
using Timeline.Domain.Queries;
using Timeline.Web.Filtering;

namespace Timeline.Web.Api;

/// <summary>
/// Exports of the current filter (the filter parameters of <c>/api/events</c>; any other parameter is refused). They
/// stream, so their size does not depend on memory. The JSON and CSV forms are the dataset formats of seed/README.md
/// and re-import with <c>import</c>; TimelineJS JSON opens in https://timeline.knightlab.com.
/// </summary>
public static class ExportApi
{
    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder app)
    {
        var exports = app.MapGroup("/export").WithTags("Exports");

        exports.MapGet("/events.csv", (HttpContext http, DatasetExporter exporter) =>
            ExportAsync(http, "text/csv; charset=utf-8", "timeline-events.csv",
                (filter, body, ct) => exporter.WriteCsvAsync(body, null, null, filter, ct)))
            .WithParameters(FilterQuery.Parameters)
            .WithSummary("The filtered events as the dataset's CSV form (one row per event; re-imports with `import`)")
            .Produces<string>(contentType: "text/csv").ProducesValidationProblem();

        exports.MapGet("/events.json", (HttpContext http, DatasetExporter exporter) =>
            ExportAsync(http, "application/json; charset=utf-8", "timeline-events.json",
                (filter, body, ct) => exporter.WriteJsonAsync(body, filter, ct)))
            .WithParameters(FilterQuery.Parameters)
            .WithSummary("The filtered events as a JSON dataset, with the persons and sources they refer to (re-imports with `import`)")
            .Produces<JsonObject>(contentType: "application/json").ProducesValidationProblem();

        exports.MapGet("/events.timelinejs.json", (HttpContext http, DatasetExporter exporter) =>
            ExportAsync(http, "application/json; charset=utf-8", "timeline-events.timelinejs.json",
                (filter, body, ct) => exporter.WriteTimelineJsAsync(body, filter, "Timeline", Describe(filter), ct)))
            .WithParameters(FilterQuery.Parameters)
            .WithSummary("The filtered events in TimelineJS's JSON format")
            .Produces<JsonObject>(contentType: "application/json").ProducesValidationProblem();
        return app;
    }

    private static async Task ExportAsync(HttpContext http, string contentType, string fileName,
        Func<EventFilter, Stream, CancellationToken, Task> write)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        var filter = FilterQuery.Parse(http.Request.Query, errors);
        if (errors.Count > 0)
        {
            await Results.ValidationProblem(errors, title: "Invalid filter").ExecuteAsync(http);
            return;
        }
        http.Response.ContentType = contentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await write(filter, http.Response.Body, http.RequestAborted);
    }

    /// <summary>The title slide's text: what was exported, as a filter link would say it.</summary>
    private static string Describe(EventFilter filter)
    {
        var query = FilterQuery.ToQueryString(filter);
        return query.Length == 0 ? "Every event in the database." : $"Events matching {Uri.UnescapeDataString(query[1..]).Replace("&", ", ", StringComparison.Ordinal)}.";
    }
}
