using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Timeline.Domain.Curation;
using Timeline.Domain.Model;
using Timeline.Domain.Queries;
using Timeline.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Timeline.Tests.Browser;

/// <summary>Persons, sources, merges and the trash through the browser.</summary>
[Collection(BrowserTests.Name)]
public class CatalogCurationTests(BrowserFixture browser)
{
    private static readonly Actor Editor = new("u-setup", "setup@example.org", new HashSet<string> { Roles.Editor });

    private async Task<int> SavePersonAsync(string name, params string[] variants)
    {
        var person = new Person { Name = name };
        person.SetNames(variants);
        return Assert.IsType<SaveOutcome.Saved>(await browser.Server.Database.Get<PersonCommands>().SaveAsync(Editor, person, 0)).Id;
    }

    private async Task<int> PersonIdAsync(string key)
    {
        using var db = browser.Server.Database.NewContext();
        return await db.Persons.Where(p => p.Key == key).Select(p => p.Id).SingleAsync();
    }

    [Fact]
    public async Task A_new_source_shows_its_archival_citation_as_typed_and_refuses_a_non_web_address()
    {
        await using var w = await browser.SignedInPageAsync(TestAccounts.Editor);
        var page = w.Page;
        await w.GotoAsync("/sources/new");

        await page.GetByLabel("Source title").FillAsync("Protocol of the Politburo, 5 Nov 1929");
        await page.GetByLabel("Archive", new() { Exact = true }).FillAsync("RGASPI");
        await page.GetByLabel("Fond (f.)").FillAsync("17");
        await page.GetByLabel("Opis (op.)").FillAsync("171");
        await page.GetByLabel("Delo (d.)").FillAsync("136");
        await page.GetByLabel("Pages (l.)").PressSequentiallyAsync("94-126");
        await Expect(page.Locator("#source-archive-preview")).ToContainTextAsync("RGASPI f. 17 op. 171 d. 136 l. 94-126");

        await page.GetByLabel("Web address (http or https)").FillAsync("javascript:alert(1)");
        await page.GetByLabel("Web address (http or https)").BlurAsync();
        await Expect(page.GetByLabel("Web address (http or https)")).ToHaveAccessibleDescriptionAsync(CurationTests.Says("must be an http or https address"));
        await page.GetByLabel("Web address (http or https)").FillAsync("https://example.org/protocol");
        await page.GetByLabel("Date of the source", new() { Exact = true }).FillAsync("1929-11-05");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/sources/\d+$"));
        var id = int.Parse(Regex.Match(page.Url, @"(\d+)$").Value, System.Globalization.CultureInfo.InvariantCulture);
        var source = (await browser.Server.Database.Get<CatalogQueries>().GetSourceAsync(id))!;
        Assert.Equal("RGASPI f. 17 op. 171 d. 136 l. 94-126", source.Archive!.ToString());
        Assert.Null(source.Archive.Volume);
        Assert.Equal("https://example.org/protocol", source.Url);
        Assert.Equal("5 Nov 1929", source.Date!.Display);
    }

    [Fact]
    public async Task An_editor_adds_spellings_to_a_person_and_the_person_is_found_by_them()
    {
        var id = await SavePersonAsync("Aleksandr Testnikov");
        await using var w = await browser.SignedInPageAsync(TestAccounts.Editor);
        var page = w.Page;
        await w.GotoAsync($"/persons/{id}/edit");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add a spelling" }).ClickAsync();
        await page.GetByLabel("Spelling 1", new() { Exact = true }).FillAsync("Александр Тестников");
        await page.GetByLabel("Born", new() { Exact = true }).FillAsync("c. 1890");
        await page.GetByLabel("Died", new() { Exact = true }).FillAsync("1880");
        await page.GetByLabel("Died", new() { Exact = true }).BlurAsync();
        await Expect(page.GetByLabel("Died", new() { Exact = true })).ToHaveAccessibleDescriptionAsync(CurationTests.Says("Death comes before birth."));
        await page.GetByLabel("Died", new() { Exact = true }).FillAsync("1938-03-15");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/persons/{id}$"));
        var found = await browser.Server.Database.Get<CatalogQueries>().SearchPersonsAsync("тестников");
        var person = Assert.Single(found.Items);
        Assert.Equal(["Александр Тестников"], person.Variants);
        Assert.Equal("c. 1890 – 15 Mar 1938", person.LifeDisplay);
    }

    [Fact]
    public async Task A_person_who_takes_part_in_events_cannot_be_deleted_and_the_form_says_why()
    {
        var id = await PersonIdAsync("blumkin-yakov");
        await using var w = await browser.SignedInPageAsync(TestAccounts.Editor);
        var page = w.Page;
        await w.GotoAsync($"/persons/{id}/edit");

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete person" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("takes part in");
        Assert.NotNull(await browser.Server.Database.Get<CatalogQueries>().GetPersonAsync(id));
    }

    [Fact]
    public async Task Two_records_of_one_person_are_merged_side_by_side_and_the_merge_is_undone_from_the_history()
    {
        var keep = await SavePersonAsync("Grigory Testerov");
        var duplicate = await SavePersonAsync("G. Testerov", "Григорий Тестеров");
        await using var w = await browser.SignedInPageAsync(TestAccounts.Editor);
        var page = w.Page;
        await w.GotoAsync($"/persons/merge?keep={keep}&merge={duplicate}");

        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Person to keep" })).ToContainTextAsync("Grigory Testerov");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Person to merge" })).ToContainTextAsync("Григорий Тестеров");
        await page.GetByRole(AriaRole.Button, new() { Name = "Merge", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Merge" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/persons/{keep}/history$"));
        await Expect(page.GetByRole(AriaRole.Listitem).First).ToContainTextAsync("merged another person in");
        var catalog = browser.Server.Database.Get<CatalogQueries>();
        Assert.Contains("Григорий Тестеров", (await catalog.GetPersonAsync(keep))!.Variants);
        Assert.Null(await catalog.GetPersonAsync(duplicate));

        await page.GetByRole(AriaRole.Button, new() { Name = "Undo merge" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Undo the merge" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Listitem).First).ToContainTextAsync("merge undone");
        Assert.NotNull(await catalog.GetPersonAsync(duplicate));
        Assert.DoesNotContain("Григорий Тестеров", (await catalog.GetPersonAsync(keep))!.Variants);
    }

    [Fact]
    public async Task A_deleted_event_waits_in_the_trash_and_comes_back_from_it()
    {
        var source = (await browser.Server.Database.Get<CatalogQueries>().SearchSourcesAsync("Agranov")).Items[0].Id;
        var e = new Event
        {
            Kind = EventKind.Meeting, Title = "Plenum discusses the Testov affair", Start = Timeline.Domain.Dates.HistoricalDate.Create(1937, 2),
            Evidence = [new EvidenceLink { SourceId = source, Locator = "l. 100" }],
        };
        var id = Assert.IsType<SaveOutcome.Saved>(await browser.Server.Database.Get<EventCommands>().SaveAsync(Editor, e, 0)).Id;
        await using var w = await browser.SignedInPageAsync(TestAccounts.Editor);
        var page = w.Page;
        await w.GotoAsync($"/events/{id}/edit");

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete event" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/trash$"));
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Plenum discusses the Testov affair" });
        await Expect(row).ToContainTextAsync(TestAccounts.Editor);
        Assert.Null(await browser.Server.Database.Get<EventQueries>().GetAsync(id));

        await row.GetByRole(AriaRole.Button, new() { Name = "Restore Plenum discusses the Testov affair" }).ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        Assert.NotNull(await browser.Server.Database.Get<EventQueries>().GetAsync(id));
    }
}
