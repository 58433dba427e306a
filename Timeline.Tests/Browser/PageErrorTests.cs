using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Timeline.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Timeline.Tests.Browser;

/// <summary>A page whose database call fails shows an error with a way on, is logged, and the circuit goes on.</summary>
[Collection(BrowserTests.Name)]
public class PageErrorTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_failing_page_shows_an_error_with_retry_and_home_and_the_circuit_survives()
    {
        await using var server = await AppServer.StartWithAccountsAsync();
        await using var w = await browser.NewPageAsync(server: server);
        var page = w.Page;
        await w.GotoAsync("/persons");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        // The sources table goes missing under the running app, as a damaged or locked database would fail a query.
        Execute(server, "ALTER TABLE \"Sources\" RENAME TO \"Sources_away\";");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Sources", Exact = true }).ClickAsync();

        var error = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "This page could not be shown" });
        await Expect(error).ToBeVisibleAsync();
        await Expect(error.GetByRole(AriaRole.Link, new() { Name = "Go to the home page" })).ToBeVisibleAsync();
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();

        // Retry once the database is whole again: the same circuit renders the page.
        Execute(server, "ALTER TABLE \"Sources_away\" RENAME TO \"Sources\";");
        await error.GetByRole(AriaRole.Button, new() { Name = "Try again" }).ClickAsync();
        await Expect(error).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Sources");
        await Expect(page.Locator("[data-interactive='yes']")).ToHaveCountAsync(1);
        await Expect(page).ToHaveURLAsync(new Regex("/sources$"));

        // Logged with the page, the user and the operation that failed.
        var log = await WaitForLogAsync(server, "failed for anonymous");
        Assert.Contains("/sources", log, StringComparison.Ordinal);
        Assert.Matches(@"failed for anonymous in \w+\.\w+", log);
    }

    private static void Execute(AppServer server, string sql)
    {
        using var c = server.Database.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static async Task<string> WaitForLogAsync(AppServer server, string text)
    {
        for (var i = 0; i < 100 && !server.Output.Contains(text, StringComparison.Ordinal); i++) await Task.Delay(100);
        var line = server.Output.Split('\n').FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
        return line ?? throw new InvalidOperationException("Not logged:\n" + server.Output);
    }
}
