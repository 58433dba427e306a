using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Timeline.Domain.Dates;
using Timeline.Domain.Model;
using Timeline.Domain.Queries;
using Timeline.Domain.Text;

namespace Timeline.Domain.ImportExport;

/// <summary>
/// Writes events in the TimelineJS JSON format (https://timeline.knightlab.com/docs/json-format.html), one
/// slide per event, flushing as it goes. Dates carry only the parts the historical date knows (no invented
/// month or day) and keep the historian's wording in <c>display_date</c>, so "c. 1929" stays visible. All
/// text is HTML-escaped: TimelineJS renders it as HTML.
/// </summary>
public sealed class TimelineJsWriter : IAsyncDisposable
{
    private const int FlushAt = 1 << 16;
    private const int EvidenceShown = 3;
    private readonly Utf8JsonWriter _json;

    public TimelineJsWriter(Stream stream, string headline, string? text)
    {
        _json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        _json.WriteStartObject();
        _json.WriteStartObject("title");
        WriteText(headline, text is null ? null : Paragraph(text));
        _json.WriteEndObject();
        _json.WriteStartArray("events");
    }

    public async Task WriteAsync(EventView e, CancellationToken ct = default)
    {
        _json.WriteStartObject();
        WriteDate("start_date", e.Start);
        if (e.End is { } end) WriteDate("end_date", end);
        WriteText(e.Title, Paragraph(e.Summary) + EvidenceLine(e));
        _json.WriteString("group", e.Kind.ToKebab());
        _json.WriteString("unique_id", DatasetRecords.EventKey(e.Id, e.Key));
        _json.WriteEndObject();
        if (_json.BytesPending >= FlushAt) await _json.FlushAsync(ct);
    }

    public async Task CompleteAsync(CancellationToken ct = default)
    {
        _json.WriteEndArray();
        _json.WriteEndObject();
        await _json.FlushAsync(ct);
    }

    public async ValueTask DisposeAsync() => await _json.DisposeAsync();

    /// <summary>
    /// Year, and month and day only when the date has them. An Old Style day is placed at its Gregorian
    /// equivalent (TimelineJS knows one calendar); the display text keeps both.
    /// </summary>
    public static (int Year, int? Month, int? Day) Placement(HistoricalDate d)
    {
        if (d.Calendar == CalendarSystem.Julian && d.Day is not null)
        {
            var g = HistoricalDate.Create(d.Year, d.Month, d.Day, DateQualifier.Exact, CalendarSystem.Julian).Earliest;
            return (g.Year, g.Month, g.Day);
        }
        return (d.Year, d.Month, d.Day);
    }

    private void WriteDate(string name, HistoricalDate d)
    {
        var (year, month, day) = Placement(d);
        _json.WriteStartObject(name);
        _json.WriteNumber("year", year);
        if (month is { } m) _json.WriteNumber("month", m);
        if (day is { } dd) _json.WriteNumber("day", dd);
        _json.WriteString("display_date", d.Display);
        _json.WriteEndObject();
    }

    private void WriteText(string headline, string? text)
    {
        _json.WriteStartObject("text");
        _json.WriteString("headline", WebUtility.HtmlEncode(headline));
        if (text is not null) _json.WriteString("text", text);
        _json.WriteEndObject();
    }

    private static string Paragraph(string text) => text.Length == 0 ? "" : "<p>" + WebUtility.HtmlEncode(text) + "</p>";

    // Who says so, briefly: the claim status when it is not a plain fact, and the first few sources with their locators.
    private static string EvidenceLine(EventView e)
    {
        var sb = new StringBuilder("<p><small>");
        if (e.ClaimStatus != ClaimStatus.Stated) sb.Append(e.ClaimStatus == ClaimStatus.Disputed ? "Disputed. " : "Attributed. ");
        sb.Append("Evidence: ");
        sb.Append(string.Join("; ", e.Evidence.Take(EvidenceShown).Select(x => WebUtility.HtmlEncode($"{x.Source}, {x.Locator}"))));
        if (e.Evidence.Count > EvidenceShown) sb.Append(CultureInfo.InvariantCulture, $"; and {e.Evidence.Count - EvidenceShown} more");
        sb.Append(".</small></p>");
        return sb.ToString();
    }
}
