using System.Globalization;
using CsvHelper;
using Timeline.Domain.Queries;
using Timeline.Domain.Text;
using Timeline.Web.Filtering;

namespace Timeline.Web.Api;

/// <summary>Exports of the current filter. They stream, so their size does not depend on memory.</summary>
public static class ExportApi
{
    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/export/events.csv", async (HttpContext http, EventQueries queries, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
            var filter = FilterQuery.Parse(http.Request.Query, errors);
            if (errors.Count > 0)
            {
                await Results.ValidationProblem(errors, title: "Invalid filter").ExecuteAsync(http);
                return;
            }
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = "attachment; filename=\"timeline-events.csv\"";
            await using var writer = new StreamWriter(http.Response.Body, new System.Text.UTF8Encoding(true));
            await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
            await WriteCsvAsync(csv, queries.StreamAsync(filter, ct: ct), ct);
        });
        return app;
    }

    public static readonly string[] CsvColumns =
    [
        "id", "key", "kind", "title", "summary", "place", "start", "end", "calendar", "display", "earliest", "latest",
        "claim_status", "participants", "evidence", "date_claims",
    ];

    public static async Task WriteCsvAsync(CsvWriter csv, IAsyncEnumerable<EventView> events, CancellationToken ct)
    {
        foreach (var column in CsvColumns) csv.WriteField(column);
        await csv.NextRecordAsync();
        var rows = 0;
        await foreach (var e in events.WithCancellation(ct))
        {
            csv.WriteField(e.Id);
            csv.WriteField(e.Key);
            csv.WriteField(e.Kind.ToKebab());
            csv.WriteField(e.Title);
            csv.WriteField(e.Summary);
            csv.WriteField(e.Place);
            csv.WriteField(e.Start.ToEdtf());
            csv.WriteField(e.End?.ToEdtf());
            csv.WriteField(e.Start.Calendar.ToKebab());
            csv.WriteField(e.DateDisplay);
            csv.WriteField(e.Earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            csv.WriteField(e.Latest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            csv.WriteField(e.ClaimStatus.ToKebab());
            csv.WriteField(string.Join("; ", e.Participants.Select(p => $"{p.Name} ({p.Role.ToKebab()}{(p.Outcome is null ? "" : ": " + p.Outcome)})")));
            csv.WriteField(string.Join("; ", e.Evidence.Select(x => $"{x.Source}, {x.Locator} ({x.Stance.ToKebab()})")));
            csv.WriteField(string.Join("; ", e.DateClaims.Select(c => $"{c.Display}{(c.Preferred ? " [preferred]" : "")}: {c.Source}, {c.Locator}")));
            await csv.NextRecordAsync();
            if (++rows % 500 == 0) await csv.FlushAsync();
        }
    }
}
