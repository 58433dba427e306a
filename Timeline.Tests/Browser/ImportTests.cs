using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Timeline.Domain.ImportExport;
using Timeline.Tests.Support;
using Timeline.Web.Importing;
using static Microsoft.Playwright.Assertions;

namespace Timeline.Tests.Browser;

/// <summary>
/// The import page: an editor uploads a generated dataset and sees it through, or cancels; readers and visitors
/// are refused. Tests that import start a server on their own database, since they change its counts.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class ImportTests(BrowserFixture browser) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "timeline-tests", "upload-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, true);
    }

    private async Task<string> SyntheticFileAsync(string name, int events)
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, name);
        await using var stream = File.Create(path);
        await new SyntheticData(new SyntheticOptions { Events = events, Persons = events / 5, Sources = events / 20, Seed = 11 }).WriteJsonAsync(stream);
        return path;
    }

    private static async Task<int> EventCountAsync(IPage page)
    {
        var response = await page.APIRequest.GetAsync("/api/stats");
        using var json = JsonDocument.Parse(await response.TextAsync());
        return json.RootElement.GetProperty("events").GetInt32();
    }

    /// <summary>Events, persons and sources in the database, from the read API.</summary>
    private static async Task<(int Events, int Persons, int Sources)> CountsAsync(IPage page)
    {
        var response = await page.APIRequest.GetAsync("/api/stats");
        using var json = JsonDocument.Parse(await response.TextAsync());
        var stats = json.RootElement;
        return (stats.GetProperty("events").GetInt32(), stats.GetProperty("persons").GetInt32(), stats.GetProperty("sources").GetInt32());
    }

    private static ILocator Status(IPage page) => page.GetByRole(AriaRole.Status, new() { Name = "Import status" });
    private static ILocator Result(IPage page) => page.GetByRole(AriaRole.Status, new() { Name = "Import result" });

    private static async Task StartAsync(IPage page, string file)
    {
        // Enabled once it takes picks (see the import page).
        await Expect(page.GetByLabel("Dataset file")).ToBeEnabledAsync();
        await page.GetByLabel("Dataset file").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
    }

    [Fact]
    public async Task An_editor_imports_a_generated_file_sees_its_progress_with_counts_and_then_finds_the_new_events()
    {
        var file = await SyntheticFileAsync("purges.json", 400);
        await using var server = await AppServer.StartWithAccountsAsync();
        await using var w = await browser.SignedInPageAsync(TestAccounts.Editor, server: server);
        var page = w.Page;
        var before = await EventCountAsync(page);
        await w.GotoAsync("/");
        await page.GetByText("Curate", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Import", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import a dataset" })).ToBeVisibleAsync();
        await w.WaitInteractiveAsync();
        // A quick import can pass through a stage between two looks; the page's own record of them cannot.
        await page.EvaluateAsync("""
            () => {
                window.importSeen = [];
                new MutationObserver(() => {
                    const bar = document.querySelector('[role=progressbar][aria-label="Import progress"]');
                    const status = document.querySelector('[role=status][aria-label="Import status"]');
                    if (bar && status) window.importSeen.push(status.textContent.trim());
                }).observe(document.body, { childList: true, subtree: true, characterData: true });
            }
            """);

        await StartAsync(page, file);

        await Expect(Result(page)).ToContainTextAsync("Imported purges.json", new() { Timeout = 60_000 });
        await Expect(Result(page)).ToContainTextAsync(new Regex(@"in \d+\.\d s"));
        foreach (var count in new[] { "400 events", "80 persons", "20 sources", "rows written" }) await Expect(Result(page)).ToContainTextAsync(count);
        await Expect(Status(page)).ToHaveCountAsync(0);
        var seen = await page.EvaluateAsync<string[]>("() => window.importSeen");
        Assert.Contains(seen, s => s.StartsWith("Uploading: ", StringComparison.Ordinal) && s.Contains(" of ", StringComparison.Ordinal));
        Assert.Contains(seen, s => Regex.IsMatch(s, @"^Importing events: [\d,]+ of 500 records, [\d,]+ rows written$"));

        Assert.Equal(before + 400, await EventCountAsync(page));
        await w.GotoAsync("/table?q=synthetic");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "events" })).ToHaveTextAsync("400 events");
    }

    [Fact]
    public async Task Cancelling_during_the_upload_or_the_import_says_so_and_leaves_the_event_count_unchanged()
    {
        var file = await SyntheticFileAsync("purges.json", 400);
        // The app's test hook holds the import at the stage this file names, so Cancel lands there however loaded the machine.
        var pause = Path.Combine(_folder, "pause");
        await File.WriteAllTextAsync(pause, ImportPause.Upload);
        await using var server = await AppServer.StartWithAccountsAsync(new Dictionary<string, string> { [ImportPause.Setting] = pause });
        await using var w = await browser.SignedInPageAsync(TestAccounts.Editor, server: server);
        var page = w.Page;
        var before = await CountsAsync(page);
        await w.GotoAsync("/import");
        var cancel = page.GetByRole(AriaRole.Button, new() { Name = "Cancel the import" });

        await StartAsync(page, file);
        await Expect(Status(page)).ToHaveTextAsync(new Regex("^Uploading: 0 bytes of "));
        await cancel.ClickAsync();
        await Expect(Result(page)).ToContainTextAsync("Import cancelled. Nothing was imported");

        // Held at the events, with the sources and persons already written in the import's transaction.
        await File.WriteAllTextAsync(pause, ImportPhase.Events);
        await StartAsync(page, file);
        await Expect(Status(page)).ToHaveTextAsync(new Regex(@"^Importing events: 100 of 500 records, [\d,]+ rows written$"));
        await cancel.ClickAsync();
        await Expect(Result(page)).ToContainTextAsync("Import cancelled. Nothing was imported");

        Assert.Equal(before, await CountsAsync(page));
        await Expect(page.GetByLabel("Dataset file")).ToBeEnabledAsync();
    }

    [Fact]
    public async Task Readers_are_refused_at_the_import_page_and_visitors_sent_to_sign_in()
    {
        await using (var reader = await browser.SignedInPageAsync(TestAccounts.Reader))
        {
            var page = reader.Page;
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Import", Exact = true })).ToHaveCountAsync(0);
            await page.GotoAsync("/import");
            await Expect(page.GetByText("Your account may read but not change this")).ToBeVisibleAsync();
            await Expect(page.GetByLabel("Dataset file")).ToHaveCountAsync(0);
        }

        await using var visitor = await browser.NewPageAsync();
        await visitor.Page.GotoAsync("/import");
        await Expect(visitor.Page).ToHaveURLAsync(new Regex(@"/account/login\?ReturnUrl=%2Fimport", RegexOptions.IgnoreCase));
        await Expect(visitor.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }
}
