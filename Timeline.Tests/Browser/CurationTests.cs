using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Timeline.Domain.Curation;
using Timeline.Domain.Dates;
using Timeline.Domain.Model;
using Timeline.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Timeline.Tests.Browser;

/// <summary>Curation through the browser: editors create, edit and restore; readers and visitors cannot.</summary>
[Collection(BrowserTests.Name)]
public class CurationTests(BrowserFixture browser)
{
    private static readonly Regex EditLink = new("^Edit ");
    private static readonly Actor OtherEditor = new("u-other", "other.editor@example.org", new HashSet<string> { Roles.Editor });

    /// <summary>An arrest saved straight through the domain service, as another session would.</summary>
    private async Task<int> SaveArrestAsync(string title)
    {
        var database = browser.Server.Database;
        int sourceId;
        using (var db = database.NewContext()) sourceId = db.Sources.OrderBy(x => x.Id).First().Id;
        var e = new Event
        {
            Kind = EventKind.Arrest, Title = title, Summary = "Taken from the Lux hotel.", ClaimStatus = ClaimStatus.Stated,
            Start = DateInput.Parse("c. 1937-03").Start, ArrestAgency = "NKVD",
            Participants = [new Participation { Person = new Person { Name = title + " (person)" }, Role = ParticipantRole.Arrested }],
            Evidence = [new EvidenceLink { SourceId = sourceId, Locator = "l. 5" }],
        };
        return Assert.IsType<SaveOutcome.Saved>(await database.Get<EventCommands>().SaveAsync(OtherEditor, e, 0)).Id;
    }

    /// <summary>Opens the labelled select and picks the option with exactly this name.</summary>
    internal static async Task SelectAsync(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

    /// <summary>Types into the labelled search picker and takes the first candidate whose name starts with <paramref name="option"/>.</summary>
    internal static async Task PickAsync(IPage page, ILocator picker, string search, string option)
    {
        await picker.FillAsync(search);
        await page.GetByRole(AriaRole.Option, new() { NameRegex = new Regex("^" + Regex.Escape(option)) }).First.ClickAsync();
        // The choice comes back from the server and redraws the row: a field typed into before then could lose its text
        // (a save once found the evidence's locator empty just after a source was picked).
        await Expect(picker).ToHaveValueAsync(new Regex("^" + Regex.Escape(option)));
    }

    /// <summary>The message a field shows is part of its accessible description (with its hints).</summary>
    internal static Regex Says(string message) => new(Regex.Escape(message));

    private static async Task<string> CreateArrestAsync(IPage page, string title, string person)
    {
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Summary").FillAsync("Arrested at home at night, according to his daughter's memoir.");
        await SelectAsync(page, page.GetByLabel("Kind", new() { Exact = true }), "Arrest");
        await page.GetByLabel("Date", new() { Exact = true }).FillAsync("c. 1937-03");
        await Expect(page.Locator("#event-date-preview")).ToContainTextAsync("Displays as c. Mar 1937");
        await Expect(page.Locator("#event-date-preview")).ToContainTextAsync("sorts at 1 Mar 1937");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add an arrested person" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "New person as arrested person" }).ClickAsync();
        await page.GetByLabel("Name of the new person").FillAsync(person);
        await page.GetByLabel("Arresting agency").FillAsync("NKVD");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add the first evidence" }).ClickAsync();
        await PickAsync(page, page.GetByLabel("Source of evidence 1", new() { Exact = true }), "Agranov", "Memorandum of Ya. S. Agranov");
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
        var row = BrowseTests.EventRows(page).Filter(new() { HasText = "NKVD arrests Pavel Testovsky" });
        await Expect(row).ToContainTextAsync("c. Mar 1937");
        await w.GotoAsync("/timeline?q=Testovsky");
        await Expect(page.Locator(".vis-item").Filter(new() { HasText = "NKVD arrests Pavel Testovsky" })).ToBeVisibleAsync();
        Assert.NotEmpty(id);
    }

    [Fact]
    public async Task An_editor_edits_an_event_and_its_history_shows_each_field_change()
    {
        var id = await SaveArrestAsync("Comintern official arrested");
        await using var w = await browser.SignedInPageAsync(TestAccounts.Editor);
        var page = w.Page;
        await w.GotoAsync($"/events/{id}/edit");

        await page.GetByLabel("Title").FillAsync("Comintern official arrested at the Lux");
        await page.GetByLabel("Place", new() { Exact = true }).FillAsync("Moscow");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/events/{id}$"));

        await w.GotoAsync($"/events/{id}/history");
        var latest = page.GetByRole(AriaRole.Listitem, new() { Name = "Revision 2" });
        await Expect(latest).ToContainTextAsync("edited");
        await Expect(latest).ToContainTextAsync(TestAccounts.Editor);
        var title = latest.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Title", Exact = true }) });
        await Expect(title).ToContainTextAsync("Comintern official arrested");
        await Expect(title.Locator(".tl-after")).ToHaveTextAsync("Comintern official arrested at the Lux");
        await Expect(latest.GetByRole(AriaRole.Row).Filter(new() { HasText = "Place" }).Locator(".tl-after")).ToHaveTextAsync("Moscow");
        await Expect(page.GetByRole(AriaRole.Listitem, new() { Name = "Revision 1" })).ToContainTextAsync("other.editor@example.org");
    }

    [Fact]
    public async Task Restoring_the_first_revision_brings_the_original_values_back_as_a_new_revision()
    {
        var id = await SaveArrestAsync("Editor of Pravda arrested");
        await using var w = await browser.SignedInPageAsync(TestAccounts.Editor);
        var page = w.Page;
        await w.GotoAsync($"/events/{id}/edit");
        await page.GetByLabel("Title").FillAsync("Former editor of Pravda arrested");
        await page.GetByLabel("Date", new() { Exact = true }).FillAsync("1937-03-16");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/events/{id}$"));

        await w.GotoAsync($"/events/{id}/history");
        await page.GetByRole(AriaRole.Button, new() { Name = "View revision 1" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Definition).Filter(new() { HasText = "Editor of Pravda arrested" }).First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Restore revision 1" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Restore" }).ClickAsync();

        var restored = page.GetByRole(AriaRole.Listitem, new() { Name = "Revision 3" });
        await Expect(restored).ToContainTextAsync("restored an earlier revision");
        await Expect(restored.GetByRole(AriaRole.Row).Filter(new() { HasText = "Title" }).Locator(".tl-after")).ToHaveTextAsync("Editor of Pravda arrested");
        await w.GotoAsync($"/events/{id}/edit");
        await Expect(page.GetByLabel("Title")).ToHaveValueAsync("Editor of Pravda arrested");
        await Expect(page.GetByLabel("Date", new() { Exact = true })).ToHaveValueAsync("c. 1937-03");
    }

    [Fact]
    public async Task An_invalid_form_is_not_saved_and_says_what_is_wrong_next_to_each_field()
    {
        await using var w = await browser.SignedInPageAsync(TestAccounts.Editor);
        var page = w.Page;
        await w.GotoAsync("/events/new");
        await SelectAsync(page, page.GetByLabel("Kind", new() { Exact = true }), "Arrest");

        // A message appears as soon as a field is left wrong, before any save.
        await page.GetByLabel("Title").FillAsync("x");
        await page.GetByLabel("Title").BlurAsync();
        await page.GetByLabel("Title").FillAsync("");
        await page.GetByLabel("Title").BlurAsync();
        await Expect(page.GetByLabel("Title")).ToHaveAccessibleDescriptionAsync(Says("Give the event a title."));
        await page.GetByLabel("Date", new() { Exact = true }).FillAsync("1937-02-30");
        await page.GetByLabel("Date", new() { Exact = true }).BlurAsync();
        await Expect(page.GetByLabel("Date", new() { Exact = true })).ToHaveAccessibleDescriptionAsync(Says("Feb 1937 has no day 30."));

        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Arrested", Exact = true }).Locator(".validation-message"))
            .ToHaveTextAsync("An arrest must name at least one arrested person.");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Evidence", Exact = true }).Locator(".validation-message").First)
            .ToContainTextAsync("An event needs at least one piece of evidence");
        var summary = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "The event cannot be saved yet" });
        await Expect(summary).ToContainTextAsync("Give the event a title.");
        await Expect(summary).ToContainTextAsync("Feb 1937 has no day 30.");
        await Expect(summary).ToContainTextAsync("An arrest must name at least one arrested person.");
        await Expect(page).ToHaveURLAsync(new Regex("/events/new$"));

        // Fixing a field clears its message at once.
        await page.GetByLabel("Title").FillAsync("Arrest of nobody in particular");
        await page.GetByLabel("Title").BlurAsync();
        await Expect(page.GetByLabel("Title")).Not.ToHaveAccessibleDescriptionAsync(Says("Give the event a title."));
    }

    [Fact]
    public async Task The_date_controls_rewrite_the_typed_date_and_the_preview_follows()
    {
        await using var w = await browser.SignedInPageAsync(TestAccounts.Editor);
        var page = w.Page;
        await w.GotoAsync("/events/new");
        var date = page.GetByLabel("Date", new() { Exact = true });
        var preview = page.Locator("#event-date-preview");
        var controls = page.GetByRole(AriaRole.Group, new() { Name = "Date: precision, qualifier and calendar" });

        await date.FillAsync("25 Oct 1917");
        await Expect(preview).ToContainTextAsync("Displays as 25 Oct 1917");
        await SelectAsync(page, controls.GetByLabel("Calendar"), "Julian (Old Style)");
        await Expect(date).ToHaveValueAsync("1917-10-25 OS");
        await Expect(preview).ToContainTextAsync("Displays as 25 Oct (7 Nov) 1917");
        await Expect(preview).ToContainTextAsync("sorts at 7 Nov 1917");
        await SelectAsync(page, controls.GetByLabel("Precision"), "Month");
        await SelectAsync(page, controls.GetByLabel("Qualifier"), "Circa (c.)");
        await Expect(date).ToHaveValueAsync("c. 1917-10 OS");

        await date.FillAsync("1936-08-19/1936-08-24");
        await Expect(preview).ToContainTextAsync("Displays as 19 Aug 1936 – 24 Aug 1936");
        await date.FillAsync("..1930");
        await Expect(preview).ToContainTextAsync("Displays as before 1930");
        await Expect(preview).ToContainTextAsync("can mean 1 Jan 1920 – 31 Dec 1930; sorts at 31 Dec 1930");
    }

    [Fact]
    public async Task Rival_dates_are_kept_with_their_evidence_and_the_event_takes_the_preferred_one()
    {
        var id = await SaveArrestAsync("Old Bolshevik arrested in spring");
        await using var w = await browser.SignedInPageAsync(TestAccounts.Editor);
        var page = w.Page;
        await w.GotoAsync($"/events/{id}/edit");
        var evidence = page.GetByRole(AriaRole.Group, new() { Name = "Evidence 1", Exact = true });

        await evidence.GetByRole(AriaRole.Button, new() { Name = "Add an alternative date claim tied to this evidence" }).ClickAsync();
        await evidence.GetByRole(AriaRole.Button, new() { Name = "Add an alternative date claim tied to this evidence" }).ClickAsync();
        var second = evidence.GetByRole(AriaRole.Group, new() { Name = "Date claim 2 of this evidence" });
        await second.GetByLabel("Date this evidence gives", new() { Exact = true }).FillAsync("1937-04-02");
        await second.GetByLabel("Preferred date").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        var rule = page.GetByRole(AriaRole.Region, new() { Name = "When sources disagree on the date" });
        await Expect(rule.Locator(".validation-message")).ToHaveTextAsync("The event's date must be its preferred date claim.");
        await rule.GetByRole(AriaRole.Button, new() { Name = "Set the event's date from the preferred claim" }).ClickAsync();
        await Expect(page.GetByLabel("Date", new() { Exact = true })).ToHaveValueAsync("1937-04-02");
        await Expect(rule.Locator(".validation-message")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/events/{id}$"));
        var saved = (await browser.Server.Database.Get<EventCommands>().LoadForEditAsync(id))!;
        Assert.Equal("1937-04-02", saved.Start.ToEdtf());
        Assert.Equal(["1937-03~", "1937-04-02"], saved.DateClaims.OrderBy(c => c.Id).Select(c => c.Start.ToEdtf()));
        Assert.Equal("1937-04-02", saved.DateClaims.Single(c => c.IsPreferred).Start.ToEdtf());
        Assert.All(saved.DateClaims, c => Assert.Equal(saved.Evidence[0].Id, c.EvidenceLinkId));
    }

    [Fact]
    public async Task Saving_over_another_editors_change_shows_their_change_and_overwrites_only_when_asked()
    {
        var id = await SaveArrestAsync("Deputy commissar arrested");
        await using var w = await browser.SignedInPageAsync(TestAccounts.Editor);
        var page = w.Page;
        await w.GotoAsync($"/events/{id}/edit");
        await page.GetByLabel("Place", new() { Exact = true }).FillAsync("Moscow");

        // Meanwhile another editor renames it.
        var commands = browser.Server.Database.Get<EventCommands>();
        var theirs = (await commands.LoadForEditAsync(id))!;
        theirs.Title = "Deputy commissar of heavy industry arrested";
        Assert.IsType<SaveOutcome.Saved>(await commands.SaveAsync(OtherEditor, theirs, theirs.Version));

        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("other.editor@example.org");
        await Expect(dialog.GetByRole(AriaRole.Row).Filter(new() { HasText = "Title" })).ToContainTextAsync("Deputy commissar of heavy industry arrested");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Overwrite with mine" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/events/{id}$"));
        var saved = (await commands.LoadForEditAsync(id))!;
        Assert.Equal("Moscow", saved.Place);
        Assert.Equal("Deputy commissar arrested", saved.Title);
    }

    [Fact]
    public async Task Leaving_a_changed_form_asks_first_and_staying_keeps_the_changes()
    {
        await using var w = await browser.SignedInPageAsync(TestAccounts.Editor);
        var page = w.Page;
        await w.GotoAsync("/events/new");
        await page.GetByRole(AriaRole.Link, new() { Name = "Cancel" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/list$"));

        await w.GotoAsync("/events/new");
        await page.GetByLabel("Title").FillAsync("Half-written event");
        await page.GetByLabel("Title").BlurAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Cancel" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Your changes have not been saved");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Stay on the page" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/events/new$"));
        await Expect(page.GetByLabel("Title")).ToHaveValueAsync("Half-written event");
    }

    [Fact]
    public async Task Readers_and_visitors_see_no_edit_controls_and_are_refused_at_the_edit_addresses()
    {
        await using (var editor = await browser.SignedInPageAsync(TestAccounts.Editor))
        {
            await editor.GotoAsync("/list?q=Blumkin");
            await Expect(editor.Page.GetByRole(AriaRole.Link, new() { NameRegex = EditLink }).First).ToBeVisibleAsync();
            await editor.Page.GotoAsync("/admin/users");
            await Expect(editor.Page.GetByText("Your account may read but not change this")).ToBeVisibleAsync();
        }

        await using (var reader = await browser.SignedInPageAsync(TestAccounts.Reader))
        {
            var page = reader.Page;
            await reader.GotoAsync("/list?q=Blumkin");
            await Expect(page.Locator(".tl-list-title").First).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = EditLink })).ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "New event" })).ToHaveCountAsync(0);
            foreach (var path in new[] { "/events/1/edit", "/events/new", "/trash", "/admin/users", "/events/1/history", "/persons/merge" })
            {
                await page.GotoAsync(path);
                await Expect(page.GetByText("Your account may read but not change this")).ToBeVisibleAsync();
                await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToHaveCountAsync(0);
            }
        }

        await using (var visitor = await browser.NewPageAsync())
        {
            var page = visitor.Page;
            await visitor.GotoAsync("/list?q=Blumkin");
            await Expect(page.Locator(".tl-list-title").First).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = EditLink })).ToHaveCountAsync(0);
            foreach (var path in new[] { "/events/1/edit", "/events/new", "/trash", "/admin/users" })
            {
                await page.GotoAsync(path);
                await Expect(page).ToHaveURLAsync(new Regex(@"/account/login\?ReturnUrl=", RegexOptions.IgnoreCase));
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
            }
        }
    }

    [Fact]
    public async Task An_administrator_creates_an_editor_and_changes_roles_on_the_users_page()
    {
        await using var w = await browser.SignedInPageAsync(TestAccounts.Admin);
        var page = w.Page;
        await w.GotoAsync("/admin/users");
        var editorRow = page.GetByRole(AriaRole.Row, new() { Name = TestAccounts.Editor });
        await Expect(editorRow.GetByRole(AriaRole.Checkbox, new() { Name = "Editor" })).ToBeCheckedAsync();

        var form = page.GetByRole(AriaRole.Form, new() { Name = "New user" });
        await form.GetByLabel("Email").FillAsync("newcomer@example.org");
        await form.GetByLabel("Password (at least 12 characters)").FillAsync("too short");
        await form.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("at least 12 characters");

        await form.GetByLabel("Password (at least 12 characters)").FillAsync("newcomer's long passphrase");
        await form.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row, new() { Name = "newcomer@example.org" });
        await Expect(row.GetByRole(AriaRole.Checkbox, new() { Name = "Editor" })).ToBeCheckedAsync();

        await row.GetByRole(AriaRole.Checkbox, new() { Name = "Admin" }).CheckAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Save roles of newcomer@example.org" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "newcomer@example.org" }).GetByRole(AriaRole.Checkbox, new() { Name = "Admin" }))
            .ToBeCheckedAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Lock newcomer@example.org" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "newcomer@example.org" })).ToContainTextAsync("Locked");
    }
}
