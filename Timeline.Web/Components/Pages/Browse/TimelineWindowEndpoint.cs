using System.Globalization;
using Timeline.Domain.Queries;
using Timeline.Web.Filtering;

namespace Timeline.Web.Components.Pages.Browse;

/// <summary>
/// A timeline window in the shapes timeline.js draws (<see cref="TimelineJs.Window"/>), fetched by the script itself when
/// the user zooms or pans. Over the circuit a week's window at 1M (495 items, 161 KB of JSON) took 90–115 ms from the
/// server's call to its arrival in the browser, three times its query; over HTTP the whole request takes 27–57 ms.
/// The page's own, not the API: the public shape is /api/timeline's.
/// </summary>
public static class TimelineWindowEndpoint
{
    public const string Path = "/timeline/window";

    public static IEndpointRouteBuilder MapTimelineWindows(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, async (HttpRequest request, HttpResponse response, TimelineQueries timelines, RecentWindows recent, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
            var filter = FilterQuery.Parse(request.Query, errors);
            var from = Day(request.Query["start"], "start", errors);
            var to = Day(request.Query["end"], "end", errors);
            if (from > to) FilterQuery.Add(errors, "start", "'start' is after 'end'.");
            if (errors.Count > 0) return Results.ValidationProblem(errors, title: "Invalid query parameters");
            var window = await timelines.WindowAsync(filter, from!.Value, to!.Value, ct);
            recent.Put(filter, from.Value, to.Value, window);
            // Drawn from the data of the moment: an edit must show at the next move, not after a cached copy expires.
            response.Headers.CacheControl = "no-store";
            return Results.Json(TimelineJs.Window(window, filter));
        }).ExcludeFromDescription();
        return app;
    }

    private static DateOnly? Day(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        FilterQuery.Add(errors, name, $"'{name}' must be a day as yyyy-MM-dd.");
        return null;
    }
}
