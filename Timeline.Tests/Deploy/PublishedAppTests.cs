using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Timeline.Tests.Browser;

namespace Timeline.Tests.Deploy;

// In the browser tests' collection: publishing compiles the app in Release, which would slow the browser tests'
// timed waits if it ran beside them.
[Collection(BrowserTests.Name)]
public partial class PublishedAppTests(PublishedAppFixture app) : IClassFixture<PublishedAppFixture>
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".js"] = "text/javascript",
        [".css"] = "text/css",
        [".woff2"] = "font/woff2",
        // ASP.NET Core's static files name .woff by its older type; browsers load the font either way.
        [".woff"] = "application/font-woff",
        [".ttf"] = "font/ttf",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".ico"] = "image/x-icon",
    };

    private HttpClient NewClient(bool redirects = true) =>
        new(new HttpClientHandler { AllowAutoRedirect = redirects }) { BaseAddress = new Uri(app.Server.BaseUrl) };

    [Fact]
    public async Task Every_page_of_a_published_copy_in_production_gets_all_its_scripts_styles_and_fonts()
    {
        using var http = NewClient();
        async Task<int> FirstId(string list) =>
            (await http.GetFromJsonAsync<JsonElement>(list + "?pageSize=1")).GetProperty("items")[0].GetProperty("id").GetInt32();
        string[] pages =
        [
            "/", "/timeline", "/list", "/table", "/persons", $"/persons/{await FirstId("/api/persons")}", "/sources",
            $"/sources/{await FirstId("/api/sources")}", $"/events/{await FirstId("/api/events")}", "/account/login", "/api-reference/",
        ];

        var assets = new HashSet<Uri>();
        var failures = new List<string>();
        foreach (var page in pages)
        {
            var url = new Uri(http.BaseAddress!, page);
            using var response = await http.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                failures.Add($"{page}: {(int)response.StatusCode} {response.Content.Headers.ContentType}");
                continue;
            }
            var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            var baseUri = document.QuerySelector("base[href]")?.GetAttribute("href") is { } b ? new Uri(url, b) : url;
            var references = document.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!)
                .Concat(document.QuerySelectorAll("link[href]").Where(l => l.GetAttribute("rel") is "stylesheet" or "icon" or "preload" or "modulepreload")
                    .Select(l => l.GetAttribute("href")!));
            foreach (var reference in references) assets.Add(new Uri(baseUri, reference));
        }

        // Styles bring fonts and images of their own (the Roboto font files), resolved against the style sheet.
        var checkedAssets = new HashSet<Uri>();
        var queue = new Queue<Uri>(assets);
        while (queue.TryDequeue(out var asset))
        {
            if (!checkedAssets.Add(asset)) continue;
            if (asset.Authority != http.BaseAddress!.Authority)
            {
                failures.Add($"{asset}: served by another host");
                continue;
            }
            using var response = await http.GetAsync(asset);
            var body = await response.Content.ReadAsByteArrayAsync();
            var expected = ContentTypes.GetValueOrDefault(Path.GetExtension(asset.AbsolutePath), "?");
            var actual = response.Content.Headers.ContentType?.MediaType;
            // An empty 200 is how a published copy started from another folder used to answer.
            if (response.StatusCode != HttpStatusCode.OK || actual != expected || body.Length == 0)
                failures.Add($"{asset.PathAndQuery}: {(int)response.StatusCode} {actual} (expected {expected}), {body.Length} bytes");
            else if (expected == "text/css")
                foreach (Match m in CssReference().Matches(System.Text.Encoding.UTF8.GetString(body)))
                    if (!m.Groups["url"].Value.StartsWith("data:", StringComparison.Ordinal)) queue.Enqueue(new Uri(asset, m.Groups["url"].Value));
        }

        Assert.Empty(failures);
        Assert.Contains(checkedAssets, a => a.AbsolutePath == "/_framework/blazor.web.js");
        Assert.Contains(checkedAssets, a => a.AbsolutePath.EndsWith(".woff2", StringComparison.Ordinal));
        Assert.Contains(checkedAssets, a => a.AbsolutePath.StartsWith("/_content/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Behind_a_proxy_the_forwarded_scheme_is_honoured_when_configured()
    {
        using var http = NewClient(redirects: false);
        using var direct = await http.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, direct.StatusCode);
        Assert.Equal("http", direct.Headers.Location!.Scheme);

        // The sign-in redirect is built from the request's scheme and host: the proxy's, once forwarded headers are on.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/users");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Host = "timeline.example.org";
        using var proxied = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, proxied.StatusCode);
        Assert.StartsWith("https://timeline.example.org/account/login", proxied.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [GeneratedRegex("""url\(\s*['"]?(?<url>[^'")]+)['"]?\s*\)|@import\s+['"](?<url>[^'"]+)['"]""")]
    private static partial Regex CssReference();
}
