using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Timeline.Tests.Browser;

[Collection(BrowserTests.Name)]
public class DetailPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_reader_goes_from_a_person_search_to_a_person_an_event_and_its_source()
    {
        await using var w = await browser.NewPageAsync();
        await w.GotoAsync("/persons");
        var page = w.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Persons", Exact = true })).ToBeVisibleAsync();

        // A Cyrillic search finds the transliterated name.
        await page.GetByLabel("Search persons").FillAsync("Мясников");
        await page.GetByLabel("Search persons").PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex(@"/persons\?q="));
        // The page's count line, not the snackbar host (MudBlazor's notices also live in a status region).
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "persons" })).ToContainTextAsync("Мясников");
        await page.GetByRole(AriaRole.Link, new() { Name = "Gavriil Miasnikov", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Gavriil Miasnikov" })).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync(new Regex("Gavriil Miasnikov"));
        var events = page.GetByRole(AriaRole.Region, new() { Name = "Events", Exact = true });
        await Expect(events.GetByRole(AriaRole.Group)).ToBeVisibleAsync();
        var firstEvent = events.GetByRole(AriaRole.List).GetByRole(AriaRole.Link).First;
        var title = (await firstEvent.TextContentAsync())!.Trim();
        await firstEvent.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = title, Exact = true })).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/events/\d+$"));
        var evidence = page.GetByRole(AriaRole.Region, new() { Name = "Evidence", Exact = true });
        var source = evidence.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).First;
        var sourceTitle = (await source.TextContentAsync())!.Trim();
        await source.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = sourceTitle, Exact = true })).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/sources/\d+$"));
        // The source lists the event we came from, linking back to it.
        var evidenced = page.GetByRole(AriaRole.Region, new() { Name = "Events it evidences" });
        await Expect(evidenced.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).First).ToBeVisibleAsync();
    }

    // The layout may scroll inside a box of its own rather than the document, so every box from the main content up
    // to the document is checked.
    private const string NoSidewaysScroll =
        "(() => { for (let e = document.querySelector('main'); e; e = e.parentElement) if (e.scrollWidth > e.clientWidth) return false; return true; })()";

    [Fact]
    public async Task Detail_pages_fit_a_phone_screen_and_wide_tables_scroll_in_their_own_box()
    {
        await using var w = await browser.NewPageAsync(width: 375, height: 740);
        await w.GotoAsync("/persons?q=Miasnikov");
        var page = w.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Gavriil Miasnikov", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Gavriil Miasnikov" })).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>(NoSidewaysScroll), "The person page scrolls sideways on a phone.");

        var trial = page.GetByRole(AriaRole.Region, new() { Name = "Events", Exact = true })
            .GetByRole(AriaRole.List).GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Military Collegium" }).First;
        await trial.GetByRole(AriaRole.Link).ClickAsync();
        var defendants = page.GetByRole(AriaRole.Table, new() { Name = "Defendants" });
        await Expect(defendants).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>(NoSidewaysScroll), "The event page scrolls sideways on a phone.");
        Assert.True(await defendants.EvaluateAsync<bool>("t => t.parentElement.scrollWidth > t.parentElement.clientWidth"),
            "Expected the defendants table to be wider than a phone and scroll within its wrapper.");
    }

    [Fact]
    public async Task A_long_person_page_prints_in_full_not_just_one_screenful()
    {
        await using var w = await browser.NewPageAsync();
        await w.GotoAsync("/persons?q=Miasnikov");
        var page = w.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Gavriil Miasnikov", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Gavriil Miasnikov" })).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.True(await page.EvaluateAsync<bool>(
                """
                (() => {
                    // No box around the content may scroll or clip it: paper shows neither.
                    for (let e = document.querySelector('main'); e && e !== document.documentElement; e = e.parentElement) {
                        const overflow = getComputedStyle(e).overflowY;
                        if (overflow !== 'visible' && e.scrollHeight > e.clientHeight + 1) return false;
                    }
                    return document.documentElement.scrollHeight > window.innerHeight;
                })()
                """),
            "In print, the page body still scrolls, so paper would show only its first screenful.");
        await Expect(page.GetByRole(AriaRole.Banner)).ToBeHiddenAsync();
    }
}
