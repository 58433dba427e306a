using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Timeline.Domain.ImportExport;
using Timeline.Tests.Support;

namespace Timeline.Tests.Web;

public class ExportApiTests : IClassFixture<TimelineAppFactory>
{
    private const string Filter = "person=Blumkin&from=1929&to=1929";
    private readonly HttpClient _http;

    public ExportApiTests(TimelineAppFactory app) => _http = app.CreateClient();

    private async Task<int> Total(string query) =>
        (await _http.GetFromJsonAsync<JsonElement>($"/api/events?{query}&pageSize=1")).GetProperty("total").GetInt32();

    private async Task<HttpResponseMessage> Get(string url, string mediaType)
    {
        var response = await _http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        return response;
    }

    [Fact]
    public async Task The_csv_export_is_the_importable_csv_form_with_one_row_per_filtered_event()
    {
        var response = await Get($"/export/events.csv?{Filter}", "text/csv");
        var path = Path.Combine(Path.GetTempPath(), "timeline-tests", Guid.NewGuid().ToString("N") + ".csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        try
        {
            Assert.Equal(string.Join(',', CsvDataset.EventColumns), File.ReadLines(path).First().TrimStart('\uFEFF'));
            var rows = CsvDataset.ReadEvents(path, "export.csv").Select(e => (Timeline.Domain.Seeding.EventRecord)e.Record).ToList();
            Assert.Equal(await Total(Filter), rows.Count);
            Assert.All(rows, r => Assert.Contains(r.Participants!, p => p.Person == "blumkin-yakov"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task The_json_export_is_a_dataset_that_imports_into_an_empty_database()
    {
        var response = await Get("/export/events.json?kind=trial", "application/json");
        var path = Path.Combine(Path.GetTempPath(), "timeline-tests", Guid.NewGuid().ToString("N") + ".json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        using var empty = new TestDatabase();
        try
        {
            var result = await empty.Get<DatasetImporter>().ImportAsync(path);
            Assert.Equal(await Total("kind=trial"), result.Events);
            Assert.True(result.Persons > 0 && result.Sources > 0);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task The_timelinejs_export_has_a_title_and_one_slide_per_filtered_event()
    {
        var response = await Get($"/export/events.timelinejs.json?{Filter}", "application/json");
        var doc = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("Timeline", doc.GetProperty("title").GetProperty("text").GetProperty("headline").GetString());
        Assert.Contains("Blumkin", doc.GetProperty("title").GetProperty("text").GetProperty("text").GetString(), StringComparison.Ordinal);
        var slides = doc.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(await Total(Filter), slides.Count);
        Assert.All(slides, s =>
        {
            // Loose dates ("c. 1928") that may fall in 1929 are in the filter too.
            Assert.InRange(s.GetProperty("start_date").GetProperty("year").GetInt32(), 1919, 1939);
            Assert.False(string.IsNullOrEmpty(s.GetProperty("start_date").GetProperty("display_date").GetString()));
            Assert.False(string.IsNullOrEmpty(s.GetProperty("unique_id").GetString()));
            Assert.Contains("Evidence:", s.GetProperty("text").GetProperty("text").GetString(), StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("/export/events.csv?from=1940&to=1930", "from")]
    [InlineData("/export/events.json?kind=picnic", "kind")]
    [InlineData("/export/events.timelinejs.json?personId=x", "personId")]
    public async Task An_invalid_filter_gets_a_400_naming_the_parameter(string url, string parameter)
    {
        var response = await _http.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("errors").TryGetProperty(parameter, out _), body.ToString());
    }
}
