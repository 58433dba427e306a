using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Timeline.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Timeline.Tests.Browser;

/// <summary>Curation through the browser: editors create, edit and restore; readers and visitors cannot.</summary>
[Collection(BrowserTests.Name)]
public class CurationTests(BrowserFixture browser)
{
    /// <summary>Picks an option in a Radzen drop-down inside the labelled group, searching first when asked.</summary>
    private static async Task ChooseAsync(IPage page, ILocator group, string option, string? search = null, string? searchLabel = null)
    {
        await group.GetByRole(AriaRole.Combobox).First.ClickAsync();
        if (search is not null) await page.GetByLabel(searchLabel!, new() { Exact = true }).FillAsync(search);
        await page.GetByRole(AriaRole.Option, new() { NameRegex = new Regex("^" + Regex.Escape(option)) }).First.ClickAsync();
    }

    private static async Task<string> CreateArrestAsync(IPage page, string title, string person)
    {
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Summary").FillAsync("Arrested at home at night, according to his daughter's memoir.");
        await ChooseAsync(page, page.GetByRole(AriaRole.Group, new() { Name = "Kind" }), "Arrest");
        await page.GetByLabel("Date", new() { Exact = true }).FillAsync("c. 1937-03");
        await Expect(page.Locator("#event-date-preview")).ToContainTextAsync("Displays as c. Mar 1937");
        await Expect(page.Locator("#event-date-preview")).ToContainTextAsync("sorts at 1 Mar 1937");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add an arrested person" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "New person as arrested person" }).ClickAsync();
        await page.GetByLabel("Name of the new person").FillAsync(person);
        await page.GetByLabel("Arresting agency").FillAsync("NKVD");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add the first evidence" }).ClickAsync();
        await ChooseAsync(page, page.GetByRole(AriaRole.Group, new() { Name = "Source of evidence 1" }), "Memorandum of Ya. S. Agranov",
            "Agranov", "Search sources for source of evidence 1");
        await page.GetByLabel("Where in the source (page, folio, section)").FillAsync("l. 97");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/events/\d+$"));
        return Regex.Match(page.Url, @"/events/(\d+)$").Groups[1].Value;
    }

    [Fact]
    public async Task An_editor_creates_an_arrest_with_an_uncertain_date_and_finds_it_on_the_timeline_and_in_the_table()
    {
        await using var w = await browser.SignedInPageAsync(TestAccounts.Editor);
        var page = w.Page;
        await w.GotoAsync("/events/new");

        var id = await CreateArrestAsync(page, "NKVD arrests Pavel Testovsky", "Pavel Testovsky");

        await w.GotoAsync("/table?q=Testovsky");
        var row = page.Locator(".rz-data-row").Filter(new() { HasText = "NKVD arrests Pavel Testovsky" });
        await Expect(row).ToContainTextAsync("c. Mar 1937");
        await w.GotoAsync("/timeline?q=Testovsky");
        await Expect(page.Locator(".vis-item").Filter(new() { HasText = "NKVD arrests Pavel Testovsky" })).ToBeVisibleAsync();
        Assert.NotEmpty(id);
    }
}
