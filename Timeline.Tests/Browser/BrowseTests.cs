using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Timeline.Tests.Browser;

[Collection(BrowserTests.Name)]
public class BrowseTests(BrowserFixture browser)
{
    private async Task<int> TotalAsync(string query) =>
        (await browser.Server.GetJsonAsync($"/api/events?{query}&pageSize=1")).GetProperty("total").GetInt32();

    /// <summary>The table's rows of events: each links its event (the header row has no link).</summary>
    internal static ILocator EventRows(IPage page) =>
        page.GetByRole(AriaRole.Region, new() { Name = "Events" }).GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link) });

    /// <summary>The list's count line, once the list has loaded (it says "Loading…" until then).</summary>
    private static ILocator ListCount(IPage page) => page.GetByRole(AriaRole.Status).Filter(new() { HasText = "events, in date order" });

    /// <summary>Chooses a person in the filter bar's picker by typing part of a name, as a reader would.</summary>
    private static async Task ChoosePersonAsync(IPage page, string typed, string option)
    {
        await page.GetByRole(AriaRole.Group, new() { Name = "Persons" }).GetByRole(AriaRole.Combobox).First.ClickAsync();
        var search = page.GetByRole(AriaRole.Combobox, new() { Name = "Search persons by any spelling" });
        await search.FillAsync(typed);
        await page.GetByRole(AriaRole.Option, new() { NameRegex = new Regex("^" + Regex.Escape(option)) }).First.ClickAsync();
        await page.Keyboard.PressAsync("Escape");
    }

    [Fact]
    public async Task Filtering_by_a_person_narrows_the_timeline_list_and_table_to_their_events()
    {
        await using var w = await browser.NewPageAsync();
        var page = w.Page;
        await w.GotoAsync("/list");

        await ChoosePersonAsync(page, "Блюмкин", "Yakov Blumkin");

        await Expect(page).ToHaveURLAsync(new Regex(@"personId=\d+"));
        var personId = Regex.Match(page.Url, @"personId=(\d+)").Groups[1].Value;
        var expected = await TotalAsync($"personId={personId}");
        Assert.True(expected >= 20, $"{expected} events for Blumkin");
        // List: every event names him, and there are as many as the API counts.
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "in date order" })).ToHaveTextAsync(new Regex($"^{expected} events"));
        var items = page.GetByRole(AriaRole.Listitem).Filter(new() { Has = page.Locator(".tl-list-title") });
        var count = Math.Min(expected, 100);
        await Expect(items).ToHaveCountAsync(count);
        for (var i = 0; i < count; i++)
            await Expect(items.Nth(i).GetByRole(AriaRole.Link, new() { Name = "Yakov Blumkin", Exact = true })).ToBeVisibleAsync();
        var status = await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "events, in date order" }).InnerTextAsync();

        // Table: same filter through the view tabs, same count, his name in every row.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Views" }).GetByRole(AriaRole.Link, new() { Name = "Table" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($@"/table\?personId={personId}$"));
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = status.Split(',')[0] })).ToBeVisibleAsync();
        var rows = EventRows(page);
        await Expect(rows.First).ToContainTextAsync("Yakov Blumkin");
        await Expect(rows).ToHaveCountAsync(Math.Min(expected, 50));
        for (var i = 0; i < Math.Min(expected, 50); i++) await Expect(rows.Nth(i)).ToContainTextAsync("Blumkin");

        // Timeline: one lane, his.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Views" }).GetByRole(AriaRole.Link, new() { Name = "Timeline" }).ClickAsync();
        await Expect(page.Locator(".vis-label .tl-lane")).ToHaveTextAsync(["Yakov Blumkin"]);
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "events between" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_year_range_set_in_the_inputs_limits_every_event_to_those_years()
    {
        await using var w = await browser.NewPageAsync();
        var page = w.Page;
        await w.GotoAsync("/list");

        await page.GetByLabel("From year").FillAsync("1936");
        await page.GetByLabel("From year").PressAsync("Tab");
        await Expect(page).ToHaveURLAsync(new Regex("from=1936"));
        await page.GetByLabel("To year").FillAsync("1937");
        await page.GetByLabel("To year").PressAsync("Tab");
        await Expect(page).ToHaveURLAsync(new Regex("from=1936&to=1937"));

        // Exactly the events whose possible dates reach into 1936-37 (the API's semantics), none later.
        var expected = await TotalAsync("from=1936&to=1937");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "in date order" })).ToHaveTextAsync(new Regex($"^{expected:N0} events"));
        var years = await page.Locator(".tl-list-year h2").AllInnerTextsAsync();
        Assert.NotEmpty(years);
        Assert.All(years, y => Assert.True(int.Parse(y, System.Globalization.CultureInfo.InvariantCulture) <= 1937));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "1936", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Reloading_a_filtered_view_brings_the_same_view_back()
    {
        await using var w = await browser.NewPageAsync();
        var page = w.Page;
        await w.GotoAsync("/list?kind=trial&status=stated&q=trial");
        // Read once the list has loaded: before that it says "Loading…" and lists nothing.
        await Expect(ListCount(page)).ToBeVisibleAsync();
        var before = await page.Locator(".tl-list-title").AllInnerTextsAsync();
        Assert.NotEmpty(before);

        await page.ReloadAsync();
        await w.WaitInteractiveAsync();

        await Expect(page.Locator(".tl-list-title")).ToHaveTextAsync(before);
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Kinds" })).ToContainTextAsync("Trial");
        await Expect(page.GetByLabel("Search text")).ToHaveValueAsync("trial");
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Stated", Exact = true })).ToBeCheckedAsync();

        // Back and forward move between filter states.
        await page.GetByRole(AriaRole.Button, new() { Name = "Clear all filters" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/list$"));
        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(new Regex("kind=trial"));
        await Expect(page.Locator(".tl-list-title").First).ToHaveTextAsync(before[0]);
    }

    [Fact]
    public async Task Opening_an_event_on_the_timeline_shows_its_evidence_in_a_side_panel()
    {
        await using var w = await browser.NewPageAsync();
        var page = w.Page;
        await w.GotoAsync("/timeline?person=Blumkin&from=1929&to=1929");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Select one to see its evidence" })).ToBeVisibleAsync();

        var arrest = page.Locator(".vis-item").Filter(new() { HasText = "OGPU arrests Yakov Blumkin" });
        await arrest.First.Locator(".tl-item-title").ClickAsync();

        var panel = page.GetByRole(AriaRole.Complementary);
        await Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "OGPU arrests Yakov Blumkin", Exact = false })).ToBeVisibleAsync();
        var evidence = panel.GetByRole(AriaRole.Region, new() { Name = "Evidence" });
        await Expect(evidence.GetByRole(AriaRole.Listitem).First).ToContainTextAsync("RGASPI");
        await Expect(page).ToHaveURLAsync(new Regex(@"event=\d+"));

        // Moving the view writes the range into the address beside the selection, however soon after the click the
        // timeline reports its range: the panel stays open.
        var timeline = new TimelineControls(page);
        await timeline.ZoomAsync("Later");
        await Expect(page).ToHaveURLAsync(new Regex(@"start=[\d-]+&end=[\d-]+&event=\d+"));
        await Expect(evidence).ToBeVisibleAsync();

        // The selection is part of the link: reload keeps the panel open.
        await page.ReloadAsync();
        await w.WaitInteractiveAsync();
        await Expect(page.GetByRole(AriaRole.Complementary).GetByRole(AriaRole.Region, new() { Name = "Evidence" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Zooming_out_over_a_dense_range_turns_events_into_density_bars()
    {
        await using var w = await browser.NewPageAsync();
        var timeline = new TimelineControls(w.Page);
        await w.GotoAsync("/timeline?start=1936-08-01&end=1936-09-30");
        await Expect(timeline.Status).ToContainTextAsync(TimelineControls.EventsShown);
        await Expect(timeline.Events.First).ToBeVisibleAsync();
        Assert.Equal(0, await timeline.Bars.CountAsync());

        for (var i = 0; i < 8 && await timeline.Bars.CountAsync() == 0; i++) await timeline.ZoomAsync("Zoom out");

        await Expect(timeline.Bars.First).ToBeVisibleAsync();
        await Expect(timeline.Status).ToContainTextAsync(TimelineControls.BarsShown);
        await Expect(timeline.Events).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Sorting_the_table_goes_back_to_the_first_page_and_the_order_survives_reload_and_back()
    {
        await using var w = await browser.NewPageAsync();
        var page = w.Page;
        var expected = (await browser.Server.GetJsonAsync("/api/events?sort=title&page=1&pageSize=50"))
            .GetProperty("items").EnumerateArray().Select(e => e.GetProperty("title").GetString()!).ToArray();
        // The grid is named by the region around it (Radzen puts no attributes on its table).
        var grid = page.GetByRole(AriaRole.Region, new() { Name = "Events" }).GetByRole(AriaRole.Grid);
        var title = grid.GetByRole(AriaRole.Columnheader, new() { Name = "Title" });
        var pager = page.GetByRole(AriaRole.Navigation, new() { Name = "Pagination" });
        async Task ExpectFirstPageByTitleAsync()
        {
            await Expect(title).ToHaveAttributeAsync("aria-sort", "ascending");
            await Expect(pager.GetByRole(AriaRole.Button, new() { Name = "Go to page 1." })).ToHaveAttributeAsync("aria-current", "page");
            await Expect(grid.GetByRole(AriaRole.Link)).ToHaveTextAsync(expected);
        }
        await w.GotoAsync("/table?page=2");
        await Expect(pager.GetByRole(AriaRole.Button, new() { Name = "Go to page 2." })).ToHaveAttributeAsync("aria-current", "page");

        await title.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/table\?sort=title$"));
        await ExpectFirstPageByTitleAsync();

        await page.ReloadAsync();
        await w.WaitInteractiveAsync();
        await ExpectFirstPageByTitleAsync();

        // Another view drops the order; back brings the sorted table again.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Views" }).GetByRole(AriaRole.Link, new() { Name = "List" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/list$"));
        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/table\?sort=title$"));
        await ExpectFirstPageByTitleAsync();
    }

    [Fact]
    public async Task The_list_is_readable_without_javascript()
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.Server.BaseUrl, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/list?person=Blumkin");
        await Expect(page.Locator(".tl-list-title").First).ToBeVisibleAsync();
        Assert.True(await page.Locator(".tl-list-title").CountAsync() >= 20);
        await context.DisposeAsync();
    }
}
