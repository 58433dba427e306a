using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Timeline.Tests.Support;

namespace Timeline.Tests.Web;

/// <summary>A single-valued parameter given twice is a 400 naming it, never "the last one wins".</summary>
public class RepeatedParameterTests(TimelineAppFactory app) : IClassFixture<TimelineAppFactory>
{
    [Theory]
    [InlineData("/api/events?from=1929&from=1930", "from")]
    [InlineData("/api/events?to=1929&to=1930", "to")]
    [InlineData("/api/events?page=1&page=2", "page")]
    [InlineData("/api/events?pageSize=5&pageSize=10", "pageSize")]
    [InlineData("/api/events?sort=title&sort=-date", "sort")]
    [InlineData("/api/events?source=1&source=2", "source")]
    [InlineData("/api/events?q=trial&q=arrest", "q")]
    [InlineData("/api/events?q=trial&Q=trial", "q")]
    [InlineData("/api/persons?q=a&q=b", "q")]
    [InlineData("/api/persons?page=1&page=1", "page")]
    [InlineData("/api/sources?kind=book&kind=article", "kind")]
    [InlineData("/api/sources?pageSize=1&pageSize=2", "pageSize")]
    [InlineData("/export/events.csv?from=1929&from=1930", "from")]
    [InlineData("/export/events.json?q=a&q=b", "q")]
    [InlineData("/export/events.timelinejs.json?to=1930&to=1931", "to")]
    [InlineData("/api/timeline?start=1936-01-01&start=1937-01-01", "start")]
    [InlineData("/api/timeline?end=1936-01-01&end=1937-01-01", "end")]
    [InlineData("/api/timeline?from=1936&from=1937", "from")]
    public async Task A_single_valued_parameter_given_twice_is_a_problem_naming_it(string url, string parameter)
    {
        using var http = app.CreateClient();
        using var response = await http.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        var message = errors.EnumerateObject().Single(p => string.Equals(p.Name, parameter, StringComparison.OrdinalIgnoreCase)).Value[0].GetString();
        Assert.Contains("once", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/events?kind=trial&kind=arrest&pageSize=1")]
    [InlineData("/api/events?status=stated&status=disputed&pageSize=1")]
    [InlineData("/api/events?person=Blumkin&person=Trotsky&pageSize=1")]
    [InlineData("/api/events?personId=1&personId=2&pageSize=1")]
    public async Task List_parameters_may_still_repeat(string url)
    {
        using var http = app.CreateClient();
        using var response = await http.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
