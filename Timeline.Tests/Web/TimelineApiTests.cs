using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Timeline.Domain.Model;
using Timeline.Domain.Queries;
using Timeline.Tests.Support;
using Timeline.Web.Components.Pages.Browse;

namespace Timeline.Tests.Web;

/// <summary>/api/timeline answers what the timeline page gets from <see cref="TimelineQueries"/> for the same filter and window.</summary>
public class TimelineApiTests(TimelineAppFactory app) : IClassFixture<TimelineAppFactory>
{
    private readonly HttpClient _http = app.CreateClient();
    private TimelineQueries Timelines => app.Services.GetRequiredService<TimelineQueries>();

    private async Task<JsonElement> Get(string url)
    {
        var response = await _http.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static DateOnly Day(JsonElement e) => DateOnly.ParseExact(e.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The answer, field by field, against the window the page's query gives.</summary>
    private static void AssertSame(TimelineWindow expected, JsonElement actual)
    {
        Assert.Equal(expected.From, Day(actual.GetProperty("start")));
        Assert.Equal(expected.To, Day(actual.GetProperty("end")));
        Assert.Equal(expected.Total, actual.GetProperty("total").GetInt32());
        Assert.Equal(TimelineQueries.Cap, actual.GetProperty("cap").GetInt32());
        Assert.Equal(expected.Unit?.ToString().ToLowerInvariant(), actual.TryGetProperty("unit", out var unit) ? unit.GetString() : null);
        Assert.Equal(expected.Lanes.Select(l => (l.Id, l.Label)),
            actual.GetProperty("lanes").EnumerateArray().Select(l => (l.GetProperty("id").GetString()!, l.GetProperty("label").GetString()!)));
        Assert.Equal(expected.Items.Select(i => (i.EventId, i.Lane, i.Title, i.Earliest, i.Latest, i.Display, i.Uncertain, i.Disputed)),
            actual.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("eventId").GetInt32(), i.GetProperty("lane").GetString()!,
                i.GetProperty("title").GetString()!, Day(i.GetProperty("earliest")), Day(i.GetProperty("latest")), i.GetProperty("display").GetString()!,
                i.GetProperty("uncertain").GetBoolean(), i.GetProperty("disputed").GetBoolean())));
        Assert.Equal(expected.Buckets.Select(b => (b.Lane, b.Start, b.End, b.Count)),
            actual.GetProperty("bars").EnumerateArray().Select(b => (b.GetProperty("lane").GetString()!, Day(b.GetProperty("start")),
                Day(b.GetProperty("end")), b.GetProperty("count").GetInt32())));
        Assert.Equal(expected.Loose.Select(l => (l.Lane, l.Period.ToString().ToLowerInvariant(), l.From, l.To, l.Count)),
            actual.GetProperty("loose").EnumerateArray().Select(l => (l.GetProperty("lane").GetString()!, l.GetProperty("period").GetString()!,
                Day(l.GetProperty("start")), Day(l.GetProperty("end")), l.GetProperty("count").GetInt32())));
    }

    [Fact]
    public async Task A_small_window_gets_the_events_the_page_draws()
    {
        var (from, to) = (new DateOnly(1936, 8, 1), new DateOnly(1936, 9, 30));
        var answer = await Get($"/api/timeline?start={Iso(from)}&end={Iso(to)}");

        Assert.NotEmpty(answer.GetProperty("items").EnumerateArray());
        Assert.Empty(answer.GetProperty("bars").EnumerateArray());
        Assert.False(answer.TryGetProperty("unit", out _));
        AssertSame(await Timelines.WindowAsync(new EventFilter(), from, to), answer);
    }

    [Fact]
    public async Task A_dense_window_gets_the_bars_the_page_draws_adding_up_to_the_total()
    {
        var (from, to) = (new DateOnly(1880, 1, 1), new DateOnly(2000, 12, 31));
        var answer = await Get($"/api/timeline?start={Iso(from)}&end={Iso(to)}");

        var bars = answer.GetProperty("bars").EnumerateArray().ToList();
        Assert.NotEmpty(bars);
        Assert.InRange(bars.Count, 1, TimelineQueries.Cap);
        Assert.Empty(answer.GetProperty("items").EnumerateArray());
        Assert.True(answer.GetProperty("total").GetInt32() > TimelineQueries.Cap);
        Assert.Equal(answer.GetProperty("total").GetInt32(), bars.Sum(b => b.GetProperty("count").GetInt32()));
        AssertSame(await Timelines.WindowAsync(new EventFilter(), from, to), answer);
    }

    [Theory]
    [InlineData("kind=trial&status=stated", "1930-01-01", "1938-12-31")]
    [InlineData("person=Blumkin", "1918-01-01", "1930-12-31")]
    [InlineData("personId=1&personId=2", "1900-01-01", "1990-12-31")]
    [InlineData("q=trial", "1936-01-01", "1936-12-31")]
    [InlineData("from=1937&to=1937", "1930-01-01", "1945-12-31")]
    public async Task A_filtered_window_is_the_pages_window_for_the_same_filter(string filterQuery, string start, string end)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = Timeline.Web.Filtering.FilterQuery.Parse(
            Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(filterQuery), errors);
        Assert.Empty(errors);

        var answer = await Get($"/api/timeline?{filterQuery}&start={start}&end={end}");

        var expected = await Timelines.WindowAsync(filter, DateOnly.Parse(start, CultureInfo.InvariantCulture), DateOnly.Parse(end, CultureInfo.InvariantCulture));
        Assert.True(expected.Total > 0, "the sample filter should match something in the seed");
        AssertSame(expected, answer);
    }

    [Fact]
    public async Task With_a_person_filter_the_lanes_are_the_persons()
    {
        var answer = await Get("/api/timeline?person=Blumkin&start=1918-01-01&end=1930-12-31");

        var lanes = answer.GetProperty("lanes").EnumerateArray().ToList();
        Assert.NotEmpty(lanes);
        Assert.All(lanes, l => Assert.StartsWith("p-", l.GetProperty("id").GetString(), StringComparison.Ordinal));
        Assert.Contains(lanes, l => l.GetProperty("label").GetString()!.Contains("Blumkin", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("kind=trial")]
    [InlineData("from=1936&to=1938")]
    [InlineData("")]
    public async Task Without_a_window_the_answer_is_for_the_window_the_page_opens_on(string filterQuery)
    {
        var filter = Timeline.Web.Filtering.FilterQuery.Parse(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(filterQuery),
            new Dictionary<string, string[]>());
        var opening = await TimelinePage.OpeningRangeAsync(app.Services.GetRequiredService<TimelineExtents>(), filter);
        Assert.NotNull(opening);

        AssertSame(await Timelines.WindowAsync(filter, opening.Value.From, opening.Value.To), await Get($"/api/timeline?{filterQuery}"));
    }

    [Fact]
    public async Task One_bound_alone_keeps_the_other_from_the_opening_window()
    {
        var opening = (await TimelinePage.OpeningRangeAsync(app.Services.GetRequiredService<TimelineExtents>(), new EventFilter()))!.Value;
        var start = new DateOnly(1936, 1, 1);

        AssertSame(await Timelines.WindowAsync(new EventFilter(), start, opening.To), await Get($"/api/timeline?start={Iso(start)}"));
        AssertSame(await Timelines.WindowAsync(new EventFilter(), opening.From, start), await Get($"/api/timeline?end={Iso(start)}"));
    }

    [Fact]
    public async Task When_nothing_matches_and_no_window_is_given_the_answer_is_empty()
    {
        var answer = await Get("/api/timeline?q=zzzqqqxxx");

        Assert.Equal(0, answer.GetProperty("total").GetInt32());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("start").ValueKind);
        Assert.Empty(answer.GetProperty("items").EnumerateArray());
        Assert.Empty(answer.GetProperty("bars").EnumerateArray());
    }
}
