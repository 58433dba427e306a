using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Timeline.Tests.Support;

namespace Timeline.Tests.Reliability;

/// <summary>
/// A few hundred random queries to the read API and the exports (a seeded generator, so a failure repeats): none may
/// answer 500, and every refusal is a problem-details body.
/// </summary>
[Trait("Category", "Reliability")]
public class ApiFuzzTests(TimelineAppFactory app, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<TimelineAppFactory>
{
    public const int Requests = 400;

    private static readonly string[] Paths = ["/api/events", "/api/events", "/api/events", "/api/persons", "/api/sources", "/api/stats", "/export/events.csv",
        "/export/events.json", "/export/events.timelinejs.json"];

    private static readonly string[] Keys = ["person", "personId", "from", "to", "kind", "status", "q", "source", "sort", "page", "pageSize",
        "Q", "FROM", "nonsense", "", "page[0]", "kind[]"];

    private static readonly string[] Values =
    [
        "", " ", "1929", "0", "-1", "1", "2", "500", "501", "99999999999999999999", "1e3", "0x10", "1929.5", "NaN", "null", "true",
        "trial", "arrest", "stated", "-date", "--title", "title,kind", "Blumkin", "Блюмкин", "\"Moscow trial\"", "\"", "*", "a OR b",
        "NEAR(a b)", "'; DROP TABLE Events; --", "%", "%00", "\u0000", "\uFFFF", "\uD800", "<script>alert(1)</script>", "../../etc/passwd",
        new string('x', 201), new string('9', 5000), "kind=trial", "a&b", "🙂",
    ];

    [Fact]
    public async Task Random_queries_never_answer_500_and_refusals_are_problem_details()
    {
        var random = new Random(1929);
        using var http = app.CreateClient();
        var statuses = new Dictionary<int, int>();
        for (var i = 0; i < Requests; i++)
        {
            var path = Paths[random.Next(Paths.Length)];
            if (path != "/api/stats" && random.Next(6) == 0 && path.StartsWith("/api/", StringComparison.Ordinal) && path != "/api/events")
                path += "/" + Uri.EscapeDataString(Values[random.Next(Values.Length)]);
            else if (path == "/api/events" && random.Next(6) == 0)
                path += "/" + Uri.EscapeDataString(Values[random.Next(Values.Length)]);
            var query = string.Join('&', Enumerable.Range(0, random.Next(5)).Select(_ =>
                Uri.EscapeDataString(Keys[random.Next(Keys.Length)]) + "=" + Uri.EscapeDataString(Values[random.Next(Values.Length)])));
            var url = path + (query.Length > 0 ? "?" + query : "");

            using var response = await http.GetAsync(url);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            Assert.True(status < 500, $"{status} for {url}");
            if (status >= 400)
            {
                Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{status} without problem details for {url}");
                var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Equal(status, problem.GetProperty("status").GetInt32());
                Assert.DoesNotMatch(@"System\.|Timeline\.|Exception", problem.GetRawText());
            }
            else Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        output.WriteLine($"{Requests} requests: " + string.Join(", ", statuses.OrderBy(p => p.Key).Select(p => $"{p.Value} x {p.Key}")));
        // The generator reaches both answers, or it tests nothing.
        Assert.True(statuses.GetValueOrDefault(200) > 20 && statuses.GetValueOrDefault(400) > 20, string.Join(", ", statuses));
    }
}
