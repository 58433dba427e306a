using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Timeline.Domain.Queries;
using Timeline.Tests.Support;
using Timeline.Web.Api;
using Timeline.Web.Components.Pages.Browse;

namespace Timeline.Tests.Web;

/// <summary>
/// The address timeline.js fetches its windows from answers exactly what the circuit would send for the same filter and
/// range, and hands the window to the circuit, once.
/// </summary>
public class TimelineWindowEndpointTests(TimelineAppFactory app) : IClassFixture<TimelineAppFactory>
{
    private readonly HttpClient _http = app.CreateClient();
    private TimelineQueries Timelines => app.Services.GetRequiredService<TimelineQueries>();
    private RecentWindows Recent => app.Services.GetRequiredService<RecentWindows>();

    private static string Url(EventFilter filter, string from, string to) =>
        $"{TimelineWindowEndpoint.Path}?{TimelineJs.Query(filter)}{(TimelineJs.Query(filter).Length > 0 ? "&" : "")}start={from}&end={to}";

    private static DateOnly Day(string iso) => TimelineJs.Day(iso);

    public static TheoryData<string, string, string> Windows => new()
    {
        { "", "1936-08-01", "1936-09-30" },          // a few events
        { "", "1880-01-01", "2019-12-31" },          // density bars
        { "kind=trial,arrest", "1937-01-01", "1937-12-31" },
        { "person=Blumkin", "1929-01-01", "1929-12-31" },
        { "status=disputed&from=1930&to=1940", "1930-01-01", "1940-12-31" },
    };

    [Theory]
    [MemberData(nameof(Windows))]
    public async Task A_window_is_what_the_circuit_would_send_and_is_handed_to_the_circuit_once(string query, string from, string to)
    {
        var filter = Timeline.Web.Filtering.BrowseState.FromUri("http://localhost/timeline?" + query).Filter;
        Recent.Take(filter, Day(from), Day(to));

        var response = await _http.GetAsync(Url(filter, from, to));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var expected = await Timelines.WindowAsync(filter, Day(from), Day(to));
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiJson.Configure(options);
        var sent = JsonNode.Parse(JsonSerializer.Serialize(TimelineJs.Window(expected, filter), options));
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(JsonNode.DeepEquals(sent, answer), $"{answer?.ToJsonString()[..Math.Min(400, answer.ToJsonString().Length)]}");
        Assert.NotEmpty(answer!["events"]!.AsArray().Concat(answer["buckets"]!.AsArray()));

        var handed = Recent.Take(filter, Day(from), Day(to));
        Assert.NotNull(handed);
        Assert.Equal(TimelineStatus.Describe(expected), TimelineStatus.Describe(handed));
        Assert.Equal(expected.Items.Select(i => (i.Lane, i.EventId)), handed.Items.Select(i => (i.Lane, i.EventId)));
        Assert.Null(Recent.Take(filter, Day(from), Day(to)));
    }

    [Theory]
    [InlineData("start=1937-01-01", "end")]
    [InlineData("start=1937-02-30&end=1937-03-01", "start")]
    [InlineData("start=1937-03-01&end=1937-02-01", "start")]
    [InlineData("kind=purge&start=1937-01-01&end=1937-02-01", "kind")]
    public async Task A_bad_parameter_is_a_400_naming_it(string query, string parameter)
    {
        var response = await _http.GetAsync($"{TimelineWindowEndpoint.Path}?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _), problem.RootElement.ToString());
    }

    [Fact]
    public async Task The_page_s_own_address_is_not_in_the_API_s_document()
    {
        var document = await _http.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/timeline", document, StringComparison.Ordinal);
        Assert.DoesNotContain(TimelineWindowEndpoint.Path, document.Replace("/api/timeline", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
