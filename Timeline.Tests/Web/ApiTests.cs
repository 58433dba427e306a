using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Timeline.Tests.Support;

namespace Timeline.Tests.Web;

public class ApiTests : IClassFixture<TimelineAppFactory>
{
    private readonly HttpClient _http;

    public ApiTests(TimelineAppFactory app) => _http = app.CreateClient();

    private async Task<JsonElement> Get(string url)
    {
        var response = await _http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task Events_come_as_total_and_items_with_the_documented_fields()
    {
        var page = await Get("/api/events?pageSize=5");
        Assert.True(page.GetProperty("total").GetInt32() >= 400);
        var item = Items(page).First();
        foreach (var field in new[] { "id", "kind", "title", "summary", "start", "end", "earliest", "latest", "claimStatus", "participants", "evidence", "dateClaims" })
            Assert.True(item.TryGetProperty(field, out _), $"missing '{field}'");
        Assert.Equal(5, Items(page).Count);
    }

    [Theory]
    [InlineData("q=arrest")]
    [InlineData("q=arrest&kind=arrest")]
    [InlineData("person=Blumkin&from=1929")]
    public async Task The_count_endpoint_gives_the_exact_total_of_the_same_filter(string query)
    {
        var page = await Get($"/api/events?{query}&pageSize=1");

        // The seed is far below the bound of a text search's count, so every page's total is exact here.
        Assert.False(page.GetProperty("totalIsLowerBound").GetBoolean());
        Assert.True(page.GetProperty("total").GetInt32() > 1);
        Assert.Equal(page.GetProperty("total").GetInt32(), (await Get($"/api/events/count?{query}")).GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("Blumkin")]
    [InlineData("blumkin")]
    [InlineData("Blümkin")]
    [InlineData("Блюмкин")]
    public async Task The_person_filter_ignores_case_diacritics_and_script(string person)
    {
        var page = await Get($"/api/events?person={Uri.EscapeDataString(person)}&pageSize=500");
        Assert.True(page.GetProperty("total").GetInt32() >= 20);
        Assert.All(Items(page), e => Assert.Contains(e.GetProperty("participants").EnumerateArray(),
            p => p.GetProperty("name").GetString()!.Contains("Blumkin", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_name_filter_says_which_persons_it_matched_and_leaves_out_namesakes_by_substring()
    {
        var page = await Get("/api/events?person=Miasnikov&pageSize=500");

        var match = Assert.Single(page.GetProperty("matchedPersons").EnumerateArray());
        Assert.Equal("Miasnikov", match.GetProperty("name").GetString());
        var persons = match.GetProperty("persons").EnumerateArray().ToList();
        Assert.Equal(match.GetProperty("total").GetInt32(), persons.Count);
        var gavriil = Assert.Single(persons, p => p.GetProperty("name").GetString() == "Gavriil Miasnikov");
        Assert.Equal("1889 – 16 Nov 1945", gavriil.GetProperty("lifeDates").GetString());
        Assert.DoesNotContain(persons, p => p.GetProperty("name").GetString()!.StartsWith("Boris", StringComparison.Ordinal));
        Assert.False((await Get("/api/events?pageSize=1")).TryGetProperty("matchedPersons", out _));
    }

    [Fact]
    public async Task Loose_life_dates_come_with_their_uncertainty_bounds_and_note()
    {
        var tiunov = Items(await Get("/api/persons?q=tiunov")).Single();

        var life = tiunov.GetProperty("lifeDates");
        Assert.Equal("c. 1895 – ?", life.GetProperty("display").GetString());
        var born = life.GetProperty("born");
        Assert.Equal(("1895~", "c. 1895", "1893-01-01", "1897-12-31"), (born.GetProperty("edtf").GetString(), born.GetProperty("display").GetString(),
            born.GetProperty("earliest").GetString(), born.GetProperty("latest").GetString()));
        Assert.Contains("1894", life.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, life.GetProperty("died").ValueKind);
    }

    [Fact]
    public async Task Year_kind_and_text_filters_narrow_the_result()
    {
        var page = await Get("/api/events?from=1936&to=1938&kind=trial&pageSize=500");
        Assert.NotEmpty(Items(page));
        Assert.All(Items(page), e =>
        {
            Assert.Equal("trial", e.GetProperty("kind").GetString());
            Assert.True(DateOnly.Parse(e.GetProperty("latest").GetString()!, System.Globalization.CultureInfo.InvariantCulture).Year >= 1936);
            Assert.True(DateOnly.Parse(e.GetProperty("earliest").GetString()!, System.Globalization.CultureInfo.InvariantCulture).Year <= 1938);
        });
        var text = await Get("/api/events?q=Prinkipo&pageSize=500");
        Assert.NotEmpty(Items(text));
    }

    [Theory]
    [InlineData("\"Blumkin arr", "Blumkin arr")]
    [InlineData("Blumk* -arrest", "Blumk arrest")]
    [InlineData("Blumkin:OGPU ^ (arrest)", "Blumkin OGPU arrest")]
    public async Task Search_syntax_in_the_text_filter_finds_what_its_plain_words_find(string typed, string words)
    {
        var plain = await Get($"/api/events?q={Uri.EscapeDataString(words)}&pageSize=500");
        Assert.NotEmpty(Items(plain));

        var page = await Get($"/api/events?q={Uri.EscapeDataString(typed)}&pageSize=500");

        Assert.Equal(Items(plain).Select(e => e.GetProperty("id").GetInt32()), Items(page).Select(e => e.GetProperty("id").GetInt32()));
    }

    [Fact]
    public async Task Date_claims_carry_their_sources()
    {
        var page = await Get("/api/events?q=deported&person=Trotsky&pageSize=500");
        var deportation = Items(page).Single(e => e.GetProperty("key").GetString() == "trotsky-deported-1929");
        var claims = deportation.GetProperty("dateClaims").EnumerateArray().ToList();
        Assert.True(claims.Count >= 2);
        Assert.All(claims, c => Assert.False(string.IsNullOrEmpty(c.GetProperty("source").GetString())));
    }

    [Theory]
    [InlineData("/api/events?from=abc", "from")]
    [InlineData("/api/events?from=1940&to=1930", "from")]
    [InlineData("/api/events?pageSize=501", "pageSize")]
    [InlineData("/api/events?page=0", "page")]
    [InlineData("/api/events?kind=picnic", "kind")]
    [InlineData("/api/events?status=rumour", "status")]
    [InlineData("/api/events?sort=colour", "sort")]
    [InlineData("/api/events?form=1930", "form")]
    [InlineData("/api/persons?pageSize=x", "pageSize")]
    [InlineData("/api/sources?kind=scroll", "kind")]
    [InlineData("/api/events/abc", "id")]
    [InlineData("/api/timeline?start=1936-02-30", "start")]
    [InlineData("/api/timeline?end=19%20Aug%201936", "end")]
    [InlineData("/api/timeline?start=1937-01-01&end=1936-01-01", "start")]
    [InlineData("/api/timeline?kind=picnic&start=1936-01-01&end=1936-12-31", "kind")]
    public async Task Invalid_parameters_get_a_400_naming_the_parameter(string url, string parameter)
    {
        var response = await _http.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("errors").TryGetProperty(parameter, out _), body.ToString());
    }

    [Fact]
    public async Task A_missing_event_is_a_404_problem()
    {
        var response = await _http.GetAsync("/api/events/99999999");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task One_event_persons_and_sources_are_served()
    {
        var first = Items(await Get("/api/events?pageSize=1")).First();
        var one = await Get($"/api/events/{first.GetProperty("id").GetInt32()}");
        Assert.Equal(first.GetProperty("title").GetString(), one.GetProperty("title").GetString());

        var persons = await Get("/api/persons?q=Мясников");
        Assert.Contains(Items(persons), p => p.GetProperty("name").GetString() == "Gavriil Miasnikov");

        var sources = await Get("/api/sources?pageSize=500");
        var dossier = Items(sources).Single(s => s.GetProperty("key").GetString() == "doc-blumkin-dossier");
        Assert.Equal("RGASPI f. 17 op. 171 d. 136 l. 94-126", dossier.GetProperty("archivalReference").GetString());
    }

    [Fact]
    public async Task Enum_values_are_kebab_case_as_in_the_dataset_files()
    {
        var page = await Get("/api/events?kind=trial&pageSize=500");
        var roles = Items(page).SelectMany(e => e.GetProperty("participants").EnumerateArray()).Select(p => p.GetProperty("role").GetString()).ToHashSet();
        Assert.Contains("defendant", roles);
        Assert.DoesNotContain("PresidingJudge", roles);
    }
}
