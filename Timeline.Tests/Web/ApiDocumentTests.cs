using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Timeline.Domain.Model;
using Timeline.Domain.Text;
using Timeline.Tests.Support;
using Timeline.Web.Api;
using Timeline.Web.Filtering;

namespace Timeline.Tests.Web;

/// <summary>
/// The OpenAPI document against what the endpoints really do, request by request, so that the description cannot drift
/// from the API: every route is described, every described value is accepted, and every value outside the description
/// (a number out of range, an unlisted choice, a text too long, an unknown name) is refused with an error naming it.
/// </summary>
public class ApiDocumentTests : IClassFixture<TimelineAppFactory>
{
    private readonly TimelineAppFactory _app;
    private readonly HttpClient _http;

    public ApiDocumentTests(TimelineAppFactory app)
    {
        _app = app;
        _http = app.CreateClient();
    }

    private sealed record Parameter(string Path, string Name, bool InPath, bool Repeats, JsonElement Schema);

    private async Task<JsonElement> DocumentAsync() => await _http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

    private static IEnumerable<(string Path, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().Select(p => (p.Name, p.Value.GetProperty("get")));

    private static IEnumerable<Parameter> Parameters(JsonElement document) =>
        from op in Operations(document)
        where op.Operation.TryGetProperty("parameters", out _)
        from p in op.Operation.GetProperty("parameters").EnumerateArray()
        let schema = p.GetProperty("schema")
        let repeats = schema.GetProperty("type").GetString() == "array"
        select new Parameter(op.Path, p.GetProperty("name").GetString()!, p.GetProperty("in").GetString() == "path", repeats,
            repeats ? schema.GetProperty("items") : schema);

    /// <summary>The status of a GET, reading only the headers (the exports stream the whole filtered dataset).</summary>
    private async Task<(HttpStatusCode Status, JsonElement? Problem)> StatusAsync(string url)
    {
        using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        if (response.StatusCode != HttpStatusCode.BadRequest) return (response.StatusCode, null);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static string Url(Parameter p, params string[] values)
    {
        if (p.InPath) return p.Path.Replace("{" + p.Name + "}", Uri.EscapeDataString(values.Single()), StringComparison.Ordinal);
        return p.Path + "?" + string.Join('&', values.Select(v => p.Name + "=" + Uri.EscapeDataString(v)));
    }

    private static bool IsDate(JsonElement schema) => schema.TryGetProperty("format", out var f) && f.GetString() == "date";

    private static long Bound(JsonElement schema, string name) => schema.GetProperty(name).GetInt64();

    private static IEnumerable<string> ValidValues(JsonElement schema) => schema.GetProperty("type").GetString() switch
    {
        "integer" => [Bound(schema, "minimum").ToString(CultureInfo.InvariantCulture), Bound(schema, "maximum").ToString(CultureInfo.InvariantCulture)],
        "string" when schema.TryGetProperty("enum", out var choices) => choices.EnumerateArray().Select(c => c.GetString()!),
        "string" when IsDate(schema) => ["0001-01-01", "1936-08-19", "9999-12-31"],
        "string" => ["Trotsky", new string('a', schema.GetProperty("maxLength").GetInt32())],
        var other => throw new InvalidOperationException($"No sample values for a parameter of type {other}."),
    };

    private static IEnumerable<string> InvalidValues(string name, JsonElement schema) => schema.GetProperty("type").GetString() switch
    {
        "integer" => [(Bound(schema, "minimum") - 1).ToString(CultureInfo.InvariantCulture),
            (Bound(schema, "maximum") + 1).ToString(CultureInfo.InvariantCulture), "twelve"],
        "string" when schema.TryGetProperty("enum", out _) => ["not-a-" + name],
        "string" when IsDate(schema) => ["1936-02-30", "19 Aug 1936", "1936", "10000-01-01"],
        "string" => [new string('a', schema.GetProperty("maxLength").GetInt32() + 1)],
        var other => throw new InvalidOperationException($"No sample values for a parameter of type {other}."),
    };

    [Fact]
    public async Task Every_api_and_export_route_is_described_and_nothing_else()
    {
        var routes = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r.StartsWith("/api/", StringComparison.Ordinal) || r.StartsWith("/export/", StringComparison.Ordinal))
            .ToHashSet();
        var described = Operations(await DocumentAsync()).Select(o => o.Path).ToHashSet();

        Assert.NotEmpty(routes);
        Assert.Equal(routes.Order(), described.Order());
    }

    [Fact]
    public async Task Every_described_value_of_every_parameter_is_accepted()
    {
        var failures = new List<string>();
        foreach (var p in Parameters(await DocumentAsync()))
        {
            var values = ValidValues(p.Schema).ToList();
            var urls = values.Select(v => Url(p, v)).ToList();
            if (p.Repeats) urls.Add(Url(p, values[0], values[^1]));
            foreach (var url in urls)
            {
                var (status, problem) = await StatusAsync(url);
                // An id that fits the description but names nothing is a 404, not a refusal.
                if (status != HttpStatusCode.OK && !(p.InPath && status == HttpStatusCode.NotFound))
                    failures.Add($"{url}: {(int)status} {problem}");
            }
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Every_value_outside_the_description_is_refused_naming_its_parameter()
    {
        var failures = new List<string>();
        foreach (var p in Parameters(await DocumentAsync()))
            foreach (var value in InvalidValues(p.Name, p.Schema))
            {
                var url = Url(p, value);
                var (status, problem) = await StatusAsync(url);
                if (status != HttpStatusCode.BadRequest || !problem!.Value.GetProperty("errors").TryGetProperty(p.Name, out _))
                    failures.Add($"{url}: {(int)status} {problem}");
            }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task An_undescribed_parameter_is_refused_on_every_route()
    {
        foreach (var (path, _) in Operations(await DocumentAsync()))
        {
            var (status, problem) = await StatusAsync(path.Replace("{id}", "1", StringComparison.Ordinal) + "?pagesize2=5");
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.True(problem!.Value.GetProperty("errors").TryGetProperty("pagesize2", out _), $"{path}: {problem}");
        }
    }

    [Fact]
    public async Task Every_parameter_the_endpoints_read_is_declared_by_one_of_them_and_described()
    {
        // Parsing reads values only through QueryParameter definitions; each one must belong to an endpoint.
        var defined = typeof(FilterQuery).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(f => f.FieldType == typeof(QueryParameter))
            .Select(f => (QueryParameter)f.GetValue(null)!)
            .ToList();
        var declared = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .SelectMany(e => e.Metadata.OfType<DeclaredParameters>()).SelectMany(d => d.Parameters).ToHashSet();
        var described = Parameters(await DocumentAsync()).Select(p => p.Name).ToHashSet();

        Assert.True(defined.Count >= 10, $"only {defined.Count} definitions found");
        Assert.All(defined, p => Assert.True(declared.Contains(p), $"'{p.Name}' is read but no endpoint declares it"));
        Assert.All(declared, p => Assert.Contains(p.Name, described));
    }

    [Theory]
    [InlineData("person", "Blumkin")]
    [InlineData("personId", "1")]
    [InlineData("from", "1930")]
    [InlineData("to", "1930")]
    [InlineData("kind", "trial")]
    [InlineData("status", "disputed")]
    [InlineData("q", "trial")]
    [InlineData("source", "1")]
    public void Every_filter_parameter_narrows_the_filter(string name, string value)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = FilterQuery.Parse([new KeyValuePair<string, StringValues>(name, value)], errors);
        Assert.Empty(errors);
        Assert.False(filter.IsEmpty);
        Assert.Contains(name, FilterQuery.Parameters.Select(p => p.Name));
    }

    [Theory]
    [InlineData("/api/events", "kind", typeof(EventKind))]
    [InlineData("/api/events", "status", typeof(ClaimStatus))]
    [InlineData("/export/events.json", "kind", typeof(EventKind))]
    [InlineData("/api/sources", "kind", typeof(SourceKind))]
    public async Task Choice_parameters_list_every_value_of_their_enumeration(string path, string name, Type enumeration)
    {
        var p = Parameters(await DocumentAsync()).Single(x => x.Path == path && x.Name == name);
        Assert.Equal(KebabNames(enumeration), p.Schema.GetProperty("enum").EnumerateArray().Select(v => v.GetString()!));
    }

    [Theory]
    [InlineData(typeof(EventKind))]
    [InlineData(typeof(ClaimStatus))]
    [InlineData(typeof(ParticipantRole))]
    [InlineData(typeof(Stance))]
    [InlineData(typeof(SourceKind))]
    [InlineData(typeof(Timeline.Domain.Dates.CalendarSystem))]
    public async Task Enumerations_in_responses_are_described_as_the_kebab_case_strings_they_are_written_as(Type enumeration)
    {
        var schema = (await DocumentAsync()).GetProperty("components").GetProperty("schemas").GetProperty(enumeration.Name);
        Assert.Equal("string", schema.GetProperty("type").GetString());
        Assert.Equal(KebabNames(enumeration), schema.GetProperty("enum").EnumerateArray().Select(v => v.GetString()!));
    }

    private static List<string> KebabNames(Type enumeration) => Enum.GetNames(enumeration).Select(n => Kebab.ToKebab(n)).ToList();

    [Theory]
    [InlineData("/api/events?kind=trial&pageSize=100", "/api/events")]
    [InlineData("/api/events?person=Trotsky&pageSize=100", "/api/events")]
    [InlineData("/api/events/count?q=arrest", "/api/events/count")]
    [InlineData("/api/persons?pageSize=100", "/api/persons")]
    [InlineData("/api/sources?pageSize=100", "/api/sources")]
    [InlineData("/api/stats", "/api/stats")]
    [InlineData("/api/timeline?start=1936-08-01&end=1936-09-30", "/api/timeline")]
    [InlineData("/api/timeline?start=1880-01-01&end=2000-12-31", "/api/timeline")]
    [InlineData("/api/timeline?person=Blumkin", "/api/timeline")]
    [InlineData("/api/timeline?q=nothingmatchesthis", "/api/timeline")]
    public async Task Responses_have_exactly_the_described_fields(string url, string path)
    {
        var document = await DocumentAsync();
        var schema = document.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("responses").GetProperty("200")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var problems = new List<string>();
        Check(document, schema, await _http.GetFromJsonAsync<JsonElement>(url), "$", problems);
        Assert.Empty(problems.Distinct());
    }

    [Fact]
    public async Task Problems_are_described_for_bad_values_and_missing_records()
    {
        foreach (var (path, operation) in Operations(await DocumentAsync()))
        {
            var responses = operation.GetProperty("responses");
            Assert.True(responses.TryGetProperty("400", out var bad), path);
            Assert.Equal("#/components/schemas/HttpValidationProblemDetails",
                bad.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString());
            Assert.Equal(path.Contains("{id}", StringComparison.Ordinal), responses.TryGetProperty("404", out _));
        }
        var (status, _) = await StatusAsync("/api/sources/2147483647");
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Only_the_reference_page_may_run_an_inline_script_and_only_the_one_it_marks_with_its_nonce()
    {
        var reference = await _http.GetAsync("/api-reference/");
        var html = await reference.Content.ReadAsStringAsync();
        var nonce = System.Text.RegularExpressions.Regex.Match(html, "<script type=\"module\" nonce=\"([^\"]+)\">").Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"script-src 'self' 'nonce-{nonce}';", ScriptPolicy(reference), StringComparison.Ordinal);

        var again = await _http.GetAsync("/api-reference/");
        Assert.DoesNotContain(nonce, ScriptPolicy(again), StringComparison.Ordinal);
        foreach (var other in new[] { "/", "/api-reference/scalar.js", "/api/stats" })
        {
            var response = await _http.GetAsync(other);
            Assert.Contains("script-src 'self';", ScriptPolicy(response), StringComparison.Ordinal);
        }
    }

    // Blazor adds a policy of its own (frame-ancestors) to its pages; the app's is the one that governs scripts.
    private static string ScriptPolicy(HttpResponseMessage response) =>
        response.Headers.GetValues("Content-Security-Policy").Single(p => p.Contains("script-src", StringComparison.Ordinal));

    /// <summary>
    /// A JSON value against its schema, as far as fields go: objects carry every required property and no undescribed
    /// one, numbers are described as numbers, recursively through references, arrays and nullable alternatives.
    /// </summary>
    private static void Check(JsonElement document, JsonElement schema, JsonElement value, string at, List<string> problems)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            Check(document, document.GetProperty("components").GetProperty("schemas").GetProperty(name), value, at, problems);
            return;
        }
        if (schema.TryGetProperty("oneOf", out var alternatives))
        {
            if (value.ValueKind != JsonValueKind.Null)
                Check(document, alternatives.EnumerateArray().Single(a => !IsNullType(a)), value, at, problems);
            return;
        }
        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            foreach (var item in value.EnumerateArray()) Check(document, items, item, at + "[]", problems);
            return;
        }
        // A number is described as one (not "integer or string", which a client would have to handle).
        if (value.ValueKind == JsonValueKind.Number && !DescribedAsNumber(schema))
            problems.Add($"{at} is a number described as {schema}");
        if (value.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("properties", out var properties)) return;
        var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()!) : [];
        foreach (var name in required.Where(n => !value.TryGetProperty(n, out _))) problems.Add($"{at}.{name} is required but missing");
        foreach (var field in value.EnumerateObject())
        {
            if (properties.TryGetProperty(field.Name, out var fieldSchema)) Check(document, fieldSchema, field.Value, $"{at}.{field.Name}", problems);
            else problems.Add($"{at}.{field.Name} is not described");
        }
    }

    // "integer", or ["null", "integer"]: OpenAPI 3.1 writes a nullable number (a trial's unnamedDefendants) as a type list.
    private static bool DescribedAsNumber(JsonElement schema) =>
        schema.TryGetProperty("type", out var type)
        && (type.ValueKind == JsonValueKind.String ? [type.GetString()] : type.EnumerateArray().Select(t => t.GetString()).Where(t => t != "null").ToArray())
            is ["integer" or "number"];

    private static bool IsNullType(JsonElement schema) =>
        schema.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null";
}
