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

    [Fact]
    public async Task The_home_page_counts_the_database_once_as_it_is_prerendered_not_again_when_it_turns_interactive()
    {
        // Every SQL command the app runs is in its output, in order.
        await using var server = await AppServer.StartWithAccountsAsync(
            new Dictionary<string, string> { ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information" });
        await using var w = await browser.NewPageAsync(server: server);
        await w.GotoAsync("/");
        var page = w.Page;
        // Interactive: the year buttons answer through the circuit.
        await page.GetByRole(AriaRole.Button, new() { Name = "Next year with events" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"[?&]year=\d{4}"));
        // Then a person search, whose command is logged after everything before it.
        await page.EvaluateAsync("u => Blazor.navigateTo(u)", "/persons?q=blum");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Yakov Blumkin" })).ToBeVisibleAsync();
        for (var i = 0; i < 100 && !server.Output.Contains("\"PersonNameWords\"", StringComparison.Ordinal); i++) await Task.Delay(100);

        // The evidence links are counted for the home page's figures, and only for them.
        Assert.Equal(1, Regex.Count(server.Output, @"SELECT COUNT\(\*\)\s+FROM ""EvidenceLinks"""));
    }
}
