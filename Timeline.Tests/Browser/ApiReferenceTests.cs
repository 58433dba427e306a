using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Timeline.Tests.Browser;

[Collection(BrowserTests.Name)]
public class ApiReferenceTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_header_leads_to_an_api_reference_that_runs_under_the_apps_policy_and_reaches_no_other_host()
    {
        await using var w = await browser.NewPageAsync();
        var page = w.Page;
        var hosts = new HashSet<string>();
        page.Request += (_, request) => { lock (hosts) hosts.Add(new Uri(request.Url).Authority); };

        await w.GotoAsync("/");
        var api = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "API", Exact = true });
        var href = await api.GetAttributeAsync("href");
        Assert.Equal("/api-reference", href);

        await page.GotoAsync(href!);
        // Scalar renders the document it fetched from /openapi/v1.json: the title and the operations' summaries.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Timeline read API" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Events matching a filter, a page at a time").First).ToBeVisibleAsync();

        // A script refused by the content security policy would be a console error (the page fails on dispose).
        lock (hosts) Assert.Equal([new Uri(browser.Server.BaseUrl).Authority], hosts);
    }
}
