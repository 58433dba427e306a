using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Timeline.Tests.Support;

namespace Timeline.Tests.Browser;

/// <summary>
/// axe-core (from npm, Timeline.Tests/package.json) on every page, as a reader and as an administrator, on a desktop
/// and a phone screen: no serious or critical violation anywhere, and on the phone no page wider than the screen.
/// </summary>
[Collection(BrowserTests.Name)]
public class AccessibilityTests(BrowserFixture browser)
{
    private static readonly Lazy<string> Axe = new(() => File.ReadAllText(Path.Combine(Repo.Root, "Timeline.Tests", "node_modules", "axe-core", "axe.min.js")));

    [Theory]
    [InlineData(1440, 900, false)]
    [InlineData(390, 844, false)]
    [InlineData(1440, 900, true)]
    [InlineData(390, 844, true)]
    public async Task No_page_has_a_serious_or_critical_accessibility_violation(int width, int height, bool signedIn)
    {
        var (eventId, personId, sourceId) = await SomeRecordsAsync();
        var pages = new List<string>
        {
            "/", "/timeline", "/timeline?person=Zinoviev&kind=trial", "/list", "/list?q=Kirov", "/table", "/table?sort=-title",
            "/persons", "/persons?q=Мясников", $"/persons/{personId}", "/sources", $"/sources/{sourceId}", $"/events/{eventId}",
        };
        if (signedIn)
            pages.AddRange([$"/events/{eventId}/edit", $"/events/{eventId}/history", "/events/new", $"/persons/{personId}/edit", "/persons/new",
                $"/sources/{sourceId}/edit", "/sources/new", "/persons/merge", "/import", "/trash", "/admin/users"]);
        else
            pages.Add("/account/login");

        await using var w = signedIn ? await browser.SignedInPageAsync(TestAccounts.Admin) : await browser.NewPageAsync();
        await w.Page.SetViewportSizeAsync(width, height);
        var report = new StringBuilder();
        foreach (var path in pages)
        {
            await w.Page.GotoAsync(path);
            if (path != "/account/login") await w.WaitInteractiveAsync();
            // Settled: no page still loading, no timeline still drawing.
            await w.Page.WaitForFunctionAsync("() => !document.querySelector('[aria-label^=\"Loading\"]') && !document.querySelector('[aria-busy=true]')");
            foreach (var v in await ViolationsAsync(w.Page))
                report.AppendLine($"{path}: {v}");
            // On a phone no page may scroll sideways: not the document, nor any box from the main content up to it.
            if (width < 600 && await w.Page.EvaluateAsync<string?>(WiderThanScreen) is { } wide)
                report.AppendLine($"{path}: scrolls sideways ({wide})");
        }
        Assert.True(report.Length == 0, $"axe-core at {width}×{height}{(signedIn ? ", signed in" : "")}:\n{report}");
    }

    private const string WiderThanScreen = """
        () => {
            for (let e = document.querySelector('main'); e; e = e.parentElement)
                if (e.scrollWidth > e.clientWidth + 1) return `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''} ${e.scrollWidth} px in ${e.clientWidth} px`;
            return null;
        }
        """;

    /// <summary>Serious and critical violations on the page as it stands, one line each with up to five offending elements.</summary>
    internal static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'")) await page.EvaluateAsync(Axe.Value);
        var found = await page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id} (${v.help}): ${v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(' | ')}`)
            """);
        return found.EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    private async Task<(int Event, int Person, int Source)> SomeRecordsAsync()
    {
        var ev = await browser.Server.GetJsonAsync("/api/events?person=Blumkin&kind=arrest&pageSize=1");
        var item = ev.GetProperty("items")[0];
        return (item.GetProperty("id").GetInt32(), item.GetProperty("participants")[0].GetProperty("personId").GetInt32(),
            item.GetProperty("evidence")[0].GetProperty("sourceId").GetInt32());
    }
}
