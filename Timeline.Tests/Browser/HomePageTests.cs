using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Timeline.Tests.Browser;

[Collection(BrowserTests.Name)]
public class HomePageTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_home_page_shows_real_counts_and_a_year_of_events_with_evidence()
    {
        await using var w = await browser.NewPageAsync();
        await w.GotoAsync("/");
        var page = w.Page;

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Timeline", Exact = true })).ToBeVisibleAsync();
        var stats = page.GetByRole(AriaRole.Region, new() { Name = "What the database holds" });
        await Expect(stats).ToContainTextAsync(new Regex(@"\d{3,} events"));
        await Expect(stats).ToContainTextAsync("persons");
        var events = page.GetByRole(AriaRole.Article);
        await Expect(events.First.GetByRole(AriaRole.Region, new() { Name = "Evidence" })).ToBeVisibleAsync();

        // Choosing another year re-renders the list through the live circuit.
        await page.GetByRole(AriaRole.Button, new() { Name = "Next year with events" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"[?&]year=\d{4}"));
        var year = Regex.Match(page.Url, @"year=(\d{4})").Groups[1].Value;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Events of {year}" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"touching {year}" })).ToBeVisibleAsync();
    }
}
