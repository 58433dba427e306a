using AngleSharp.Dom;
using Bunit;
using Timeline.Domain.Dates;
using Timeline.Domain.Model;
using Timeline.Tests.Support;
using Timeline.Web.Components.Pages.Events;
using Timeline.Web.Components.Pages.Persons;
using Timeline.Web.Components.Pages.Sources;
using Timeline.Web.Components.Shared;

namespace Timeline.Tests.Web;

/// <summary>The small dataset with its detail rows, plus a few rows only these page tests need.</summary>
public sealed class PageMarkupData : IAsyncLifetime, IDisposable
{
    public TestDatabase Db { get; } = new();
    public Dictionary<string, int> Events { get; } = [];

    public async Task InitializeAsync()
    {
        foreach (var (k, v) in await SmallDataset.LoadAsync(Db)) Events[k] = v;
        foreach (var (k, v) in await SmallDataset.LoadDetailsAsync(Db)) Events[k] = v;
        using var ctx = Db.NewContext();
        var trotsky = ctx.Persons.Single(p => p.Key == "trotsky");
        var expulsion = new Event
        {
            Key = "trotsky-expelled", Kind = EventKind.Expulsion, Title = "Trotsky expelled from the party", Summary = "Expelled.",
            ClaimStatus = ClaimStatus.Stated, Start = HistoricalDate.ParseEdtf("1927-11-14"),
            ExpelledFrom = ExpulsionScope.Party, ExpelledFromOrganisation = "VKP(b)",
            ExpellingBody = "Central Committee and Central Control Commission", ExpulsionReason = "Factional activity",
            Participants = [new Participation { Person = trotsky, Role = ParticipantRole.Expelled }],
            Evidence = [new EvidenceLink { Source = ctx.Sources.Single(s => s.Key == "essay"), Locator = "p. 4" }],
        };
        var loner = new Person { Key = "loner", Name = "Nobody In Particular" };
        loner.SetNames([]);
        ctx.AddRange(expulsion, loner, new Source { Key = "unsafe", Title = "Uncited leaflet", Kind = SourceKind.Other, Url = "javascript:alert(1)" });
        await ctx.SaveChangesAsync();
        Events["trotsky-expelled"] = expulsion.Id;
    }

    public Task DisposeAsync() => Task.CompletedTask;
    public void Dispose() => Db.Dispose();
}

public sealed class PageMarkupTests(PageMarkupData data) : IClassFixture<PageMarkupData>, IDisposable
{
    private readonly ComponentContext _ctx = new(data.Db);

    public void Dispose() => _ctx.Dispose();

    private INodeList EventPage(string key) => EventPage(data.Events[key]);

    private INodeList EventPage(int id, ComponentContext? ctx = null) =>
        (ctx ?? _ctx).RenderLoaded<EventPage>(p => p.Add(x => x.Id, id)).Nodes;

    [Fact]
    public void Editors_see_edit_and_history_links_on_an_event_page_and_readers_do_not()
    {
        var id = data.Events.Values.First();
        using var editor = new ComponentContext(data.Db).SignIn("editor@example.org", Timeline.Domain.Curation.Roles.Editor);
        var asEditor = EventPage(id, editor);
        var asReader = EventPage(id);

        Assert.Single(asEditor.QuerySelectorAll($"a[href='/events/{id}/edit']"));
        Assert.Single(asEditor.QuerySelectorAll($"a[href='/events/{id}/history']"));
        Assert.Empty(asReader.QuerySelectorAll($"a[href='/events/{id}/edit']"));
        Assert.Empty(asReader.QuerySelectorAll($"a[href='/events/{id}/history']"));
    }

    private INodeList PersonPage(int id) => _ctx.RenderLoaded<PersonPage>(p => p.Add(x => x.Id, id)).Nodes;

    private INodeList SourcePage(int id) => _ctx.RenderLoaded<SourcePage>(p => p.Add(x => x.Id, id)).Nodes;

    private int Person(string key) => SmallDataset.PersonId(data.Db, key);
    private int Source(string key) => SmallDataset.SourceId(data.Db, key);

    [Fact]
    public void An_event_page_spells_out_an_old_style_date_with_its_precision_qualifier_and_gregorian_equivalent()
    {
        var doc = EventPage("mias-soviet-1917");
        Assert.Equal("Motovilikha soviet backs the rising", doc.QuerySelector("h1")!.Read());
        Assert.Equal("c. 25 Oct (7 Nov) 1917", doc.QuerySelector(".tl-detail-date")!.Read());
        var date = doc.Region("Date").Read();
        Assert.Contains("Day precision · circa · Julian (Old Style); Gregorian 7 Nov 1917", date);
        Assert.Contains("31 Oct 1917 – 14 Nov 1917", date);
        Assert.Contains("No source gives another date for this event.", date);
        Assert.Contains("Place: Motovilikha", doc.QuerySelector("header")!.Read());
        Assert.Equal("Summary of Motovilikha soviet backs the rising.", doc.QuerySelector(".tl-summary")!.Read());
    }

    [Fact]
    public void An_event_page_shows_its_claim_status_with_what_it_means()
    {
        var doc = EventPage("mias-trial-1945");
        var line = doc.QuerySelector(".tl-claim-line")!.Read();
        Assert.Equal("Disputed The sources disagree.", line);
    }

    [Fact]
    public void An_event_page_lists_its_evidence_with_source_locator_stance_note_and_archival_reference()
    {
        var doc = EventPage("mias-trial-1945");
        var table = doc.Region("Evidence").Table("Where each source attests this event");
        Assert.Equal(["Source", "Locator", "Stance", "Note", "Evidence date", "Archival reference"], table.ColumnHeaders());
        Assert.Equal(
            [
                ["NKGB case file of G. I. Miasnikov", "l. 94-126", "supports", "Minutes of the closed session", "", "TsA FSB f. R-33833 d. 1 t. 3 l. 94-126"],
                ["Essay on the Moscow Trials", "p. 7", "mentions", "", "", ""],
            ],
            table.Rows());
        Assert.Equal($"/sources/{Source("case-file")}", table.Link("NKGB case file of G. I. Miasnikov").Href());
    }

    [Fact]
    public void A_trial_shows_its_court_bench_and_defendants_with_charge_verdict_and_sentence_in_a_table()
    {
        var doc = EventPage("mias-trial-1945");
        var trial = doc.Region("Trial");
        var facts = trial.QuerySelectorAll("dt").Select(dt => (dt.Read(), dt.NextElementSibling!.Read())).ToList();
        Assert.Equal(
            [
                ("Court", "Military Collegium of the Supreme Court of the USSR"),
                ("Presiding judge", "Vasily Ulrikh"),
                ("Judges", "I. O. Matulevich"),
                ("Prosecutor", "not recorded"),
            ],
            facts);
        Assert.Equal($"/persons/{Person("ulrikh")}", trial.Link("Vasily Ulrikh").Href());
        var defendants = trial.Table("Defendants");
        Assert.Equal(["Defendant", "Charge", "Verdict", "Sentence", "Outcome"], defendants.ColumnHeaders());
        Assert.Equal([["Gavriil Miasnikov", "Treason (art. 58-1a)", "Guilty", "Death by shooting", "Shot on 16 Nov 1945"]], defendants.Rows());
        Assert.Equal("row", defendants.QuerySelector("tbody th")!.GetAttribute("scope"));
    }

    [Fact]
    public void Rival_dates_show_each_date_with_its_source_and_locator_and_mark_the_preferred_one()
    {
        var doc = EventPage("mias-trial-1945");
        var claims = doc.Region("Date").Table("Dates the sources give");
        Assert.Equal(
            [
                ["24 Oct 1945", "NKGB case file of G. I. Miasnikov", "l. 94-126", "", "Preferred"],
                ["25 Oct 1945", "Essay on the Moscow Trials", "p. 7", "A day late", ""],
            ],
            claims.Rows());
        Assert.Contains("tl-preferred", claims.QuerySelector("tbody tr")!.ClassList);
        Assert.Equal($"/sources/{Source("essay")}", claims.Link("Essay on the Moscow Trials").Href());
    }

    [Fact]
    public void Participants_are_listed_with_roles_and_outcomes_and_link_to_their_person_pages()
    {
        var doc = EventPage("mias-trial-1945");
        var people = doc.Region("People");
        Assert.Equal(
            ["Gavriil Miasnikov defendant — Shot on 16 Nov 1945", "Vasily Ulrikh presiding judge", "I. O. Matulevich judge"],
            people.QuerySelectorAll("li").Select(li => li.Read()));
        Assert.Equal($"/persons/{Person("miasnikov")}", people.Link("Gavriil Miasnikov").Href());
        Assert.Equal($"/persons/{Person("matulevich")}", people.Link("I. O. Matulevich").Href());
    }

    [Fact]
    public void Related_events_link_to_their_pages_and_name_the_shared_people()
    {
        var doc = EventPage("mias-trial-1945");
        var related = doc.Region("Related events");
        Assert.Equal(
            [
                "c. Jan 1945 Miasnikov arrested on arrival in Moscow Arrest with Gavriil Miasnikov",
                "16 Nov 1945 Miasnikov shot Execution with Gavriil Miasnikov, Vasily Ulrikh",
                "before 1945 Miasnikov returns to Moscow Other with Gavriil Miasnikov",
            ],
            related.QuerySelectorAll("li").Select(li => li.Read()));
        Assert.Equal($"/events/{data.Events["mias-shot-1945"]}", related.Link("Miasnikov shot").Href());

        var lonely = EventPage("mias-expelled");
        Assert.Contains("No other event with these people falls within a year of this one.", lonely.Region("Related events").Read());
    }

    [Fact]
    public void An_arrest_shows_who_was_arrested_by_whom_where_and_on_what_charge()
    {
        var arrest = (EventPage("mias-arrest-1945")).Region("Arrest");
        Assert.Equal(
            [("Arrested", "Gavriil Miasnikov"), ("By", "NKGB"), ("Where", "Moscow"), ("Charge", "Treason")],
            arrest.QuerySelectorAll("dt").Select(dt => (dt.Read(), dt.NextElementSibling!.Read())));
        Assert.Equal($"/persons/{Person("miasnikov")}", arrest.Link("Gavriil Miasnikov").Href());
    }

    [Fact]
    public void An_expulsion_shows_who_from_what_by_which_body_and_why()
    {
        var expulsion = (EventPage("trotsky-expelled")).Region("Expulsion");
        Assert.Equal(
            [
                ("Expelled", "Leon Trotsky"), ("From", "the party"), ("Organisation", "VKP(b)"),
                ("Expelled by", "Central Committee and Central Control Commission"), ("Reason given", "Factional activity"),
            ],
            expulsion.QuerySelectorAll("dt").Select(dt => (dt.Read(), dt.NextElementSibling!.Read())));
    }

    [Fact]
    public void A_missing_event_person_or_source_hands_over_to_the_not_found_page_which_says_what_is_missing_with_a_way_back()
    {
        var notFound = 0;
        _ctx.Navigation.OnNotFound += (_, _) => notFound++;
        _ctx.Render<EventPage>(p => p.Add(x => x.Id, 99_999)).WaitForState(() => notFound == 1);
        _ctx.Render<PersonPage>(p => p.Add(x => x.Id, 99_999)).WaitForState(() => notFound == 2);
        _ctx.Render<SourcePage>(p => p.Add(x => x.Id, 99_999)).WaitForState(() => notFound == 3);

        var eventDoc = _ctx.At("/events/99999").RenderLoaded<Timeline.Web.Components.Pages.NotFound>().Nodes;
        Assert.Equal("No such event", eventDoc.QuerySelector("h1")!.Read());
        Assert.Contains("There is no event number 99999", eventDoc.QuerySelector("[role=status]")!.Read());
        Assert.Equal("/timeline", eventDoc.Link("Back to the timeline").Href());

        var personDoc = _ctx.At("/persons/99999").RenderLoaded<Timeline.Web.Components.Pages.NotFound>().Nodes;
        Assert.Equal("No such person", personDoc.QuerySelector("h1")!.Read());
        Assert.Equal("/persons", personDoc.Link("Back to all persons").Href());

        var sourceDoc = _ctx.At("/sources/99999").RenderLoaded<Timeline.Web.Components.Pages.NotFound>().Nodes;
        Assert.Equal("No such source", sourceDoc.QuerySelector("h1")!.Read());
        Assert.Equal("/sources", sourceDoc.Link("Back to all sources").Href());
    }

    [Fact]
    public void A_person_page_lists_name_variants_events_in_date_order_and_the_people_they_appear_with()
    {
        var doc = PersonPage(Person("miasnikov"));
        Assert.Equal("Gavriil Miasnikov", doc.QuerySelector("h1")!.Read());
        var names = doc.Region("Names").QuerySelectorAll("li");
        Assert.Equal(["Myasnikov", "Гавриил Мясников"], names.Select(li => li.Read()));
        Assert.Equal("ru", names[1].GetAttribute("lang"));

        var events = doc.Region("Events").QuerySelector("ol")!;
        Assert.Equal(
            [
                "c. 25 Oct (7 Nov) 1917 Motovilikha soviet backs the rising Meeting or congress speaker",
                "20 Feb 1922 Miasnikov expelled from the party Expulsion expelled",
                "c. May 1923 Miasnikov arrested in Moscow Arrest arrested Attributed",
                "c. Jan 1945 Miasnikov arrested on arrival in Moscow Arrest arrested — Held in Butyrki",
                "24 Oct 1945 Military Collegium tries Miasnikov Trial defendant — Shot on 16 Nov 1945 Disputed",
                "16 Nov 1945 Miasnikov shot Execution executed",
                "before 1945 Miasnikov returns to Moscow Other subject",
            ],
            events.QuerySelectorAll("li").Select(li => li.Read()));
        Assert.Equal($"/events/{data.Events["mias-trial-1945"]}", events.Link("Military Collegium tries Miasnikov").Href());

        var companions = doc.Region("Appears most often with");
        Assert.Equal(["Vasily Ulrikh 2 shared events", "I. O. Matulevich 1 shared event"], companions.QuerySelectorAll("li").Select(li => li.Read()));
        Assert.Equal($"/persons/{Person("ulrikh")}", companions.Link("Vasily Ulrikh").Href());
        Assert.Equal($"/timeline?personId={Person("miasnikov")}", doc.Link("See Gavriil Miasnikov on the timeline").Href());
    }

    [Fact]
    public void A_person_page_draws_a_mini_timeline_with_one_linked_titled_mark_per_event()
    {
        var doc = PersonPage(Person("miasnikov"));
        var svg = doc.Region("Events").QuerySelector("svg")!;
        Assert.Equal("Gavriil Miasnikov's events, 1917–1945", svg.GetAttribute("aria-label"));
        var marks = svg.QuerySelectorAll("a");
        Assert.Equal(7, marks.Length);
        Assert.Equal($"/events/{data.Events["mias-shot-1945"]}", marks.Single(m => m.QuerySelector("title")!.Read() == "16 Nov 1945 — Miasnikov shot").Href());
        Assert.Equal(["1920", "1925", "1930", "1935", "1940", "1945"], svg.QuerySelectorAll("text").Select(t => t.Read()));
    }

    [Fact]
    public void Empty_person_lists_say_so_in_words()
    {
        var doc = PersonPage(Person("loner"));
        Assert.Equal("Life dates unknown", doc.QuerySelector(".tl-life")!.Read());
        Assert.Contains("No other spellings are recorded.", doc.Region("Names").Read());
        Assert.Contains("No events are recorded for this person.", doc.Region("Events").Read());
        Assert.Null(doc.QuerySelector("svg"));
        Assert.Contains("Nobody else appears in this person's events.", doc.Region("Appears most often with").Read());
    }

    [Fact]
    public void A_source_page_shows_its_metadata_formatted_archival_reference_and_the_events_it_evidences()
    {
        var doc = SourcePage(Source("case-file"));
        Assert.Equal("NKGB case file of G. I. Miasnikov", doc.QuerySelector("h1")!.Read());
        var about = doc.Region("About this source");
        var facts = about.QuerySelectorAll("dt").ToDictionary(dt => dt.Read(), dt => dt.NextElementSibling!.Read());
        Assert.Equal("Archival document", facts["Kind"]);
        Assert.Equal("NKGB", facts["Author"]);
        Assert.Equal("1945", facts["Date"]);
        Assert.Equal("Russian (ru)", facts["Language"]);
        Assert.Equal("Published in part, 1995", facts["Publication"]);
        Assert.Equal("TsA FSB f. R-33833 d. 1 t. 3 l. 94-126", facts["Archival reference"]);
        var url = about.Link("https://example.org/case-file");
        Assert.Equal("noopener noreferrer", url.GetAttribute("rel"));

        var evidenced = doc.Region("Events it evidences");
        Assert.Equal("Cited 3 times for 3 events.", evidenced.QuerySelector("[role=status]")!.Read());
        var table = evidenced.Table("In date order");
        Assert.Equal(["Date", "Event", "Locator", "Stance", "Note", "Evidence date"], table.ColumnHeaders());
        Assert.Equal(
            [
                ["1945"],
                ["c. Jan 1945", "Miasnikov arrested on arrival in Moscow Arrest", "l. 3", "supports", "", "Jan 1945"],
                ["24 Oct 1945", "Military Collegium tries Miasnikov Trial", "l. 94-126", "supports", "Minutes of the closed session", ""],
                ["16 Nov 1945", "Miasnikov shot Execution", "l. 130", "supports", "", "16 Nov 1945"],
            ],
            table.Rows());
        Assert.Equal($"/events/{data.Events["mias-trial-1945"]}", table.Link("Military Collegium tries Miasnikov").Href());
        Assert.Equal($"/timeline?source={Source("case-file")}", doc.Link("See the events it evidences on the timeline").Href());
    }

    [Fact]
    public void A_source_url_that_is_not_a_web_address_is_shown_but_never_linked()
    {
        var doc = SourcePage(Source("unsafe"));
        Assert.Contains("javascript:alert(1)", doc.Region("About this source").Read());
        Assert.DoesNotContain(doc.QuerySelectorAll("a[href]"), a => a.Href().StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("No event cites this source yet.", doc.Region("Events it evidences").Read());
    }

    [Fact]
    public void The_person_index_searches_every_spelling_and_links_each_person_with_life_dates_and_event_count()
    {
        var doc = _ctx.At("/persons?q=" + Uri.EscapeDataString("Мясников")).RenderLoaded<PersonIndex>().Nodes;
        Assert.Equal("1 person with a name or spelling containing “Мясников”.", doc.QuerySelector("[role=status]")!.Read());
        var item = Assert.Single(doc.QuerySelectorAll(".tl-index li"));
        Assert.Equal("Gavriil Miasnikov 7 events also Myasnikov · Гавриил Мясников", item.Read());
        Assert.Equal($"/persons/{Person("miasnikov")}", item.Link("Gavriil Miasnikov").Href());
        var box = doc.QuerySelector("form[role=search] input[name=q]")!;
        Assert.Equal("Мясников", box.GetAttribute("value"));
        Assert.Equal("Search persons", doc.QuerySelector($"label[for={box.Id}]")!.Read());
    }

    [Fact]
    public void The_person_index_says_when_nothing_matches()
    {
        var doc = _ctx.At("/persons?q=Nobody-at-all").RenderLoaded<PersonIndex>().Nodes;
        Assert.Equal("No person's name or spelling contains “Nobody-at-all”.", doc.QuerySelector("[role=status]")!.Read());
        Assert.Null(doc.QuerySelector(".tl-index"));
    }

    [Fact]
    public void An_index_shows_the_first_page_for_a_malformed_page_number_rather_than_failing()
    {
        var doc = _ctx.At("/persons?page=abc").RenderLoaded<PersonIndex>().Nodes;
        Assert.Equal("7 persons, the most often mentioned first.", doc.QuerySelector("[role=status]")!.Read());
        var sources = _ctx.At("/sources?page=-1&kind=scroll").RenderLoaded<SourceIndex>().Nodes;
        Assert.Equal("4 sources, the most cited first. (“scroll” is not a kind of source; all kinds are shown.)",
            sources.QuerySelector("[role=status]")!.Read());
    }

    [Fact]
    public void The_source_index_filters_by_kind_and_keeps_the_kind_when_searching()
    {
        var doc = _ctx.At("/sources?kind=archival-document").RenderLoaded<SourceIndex>().Nodes;
        Assert.Equal("2 sources of kind “Archival document”, the most cited first.", doc.QuerySelector("[role=status]")!.Read());
        Assert.Equal(["NKGB case file of G. I. Miasnikov", "OGPU dossier on Blumkin"],
            doc.QuerySelectorAll(".tl-index li > a").Select(a => a.Read()));
        Assert.Equal("archival-document", doc.QuerySelector("form[role=search] input[type=hidden][name=kind]")!.GetAttribute("value"));

        var searched = _ctx.At("/sources?q=essay").RenderLoaded<SourceIndex>().Nodes;
        Assert.Equal("/sources/" + Source("essay"), searched.Link("Essay on the Moscow Trials").Href());
    }

    [Fact]
    public void Page_links_keep_the_page_in_the_address_and_mark_the_current_page()
    {
        Func<int, string> href = n => $"/persons?q=a&page={n}";
        var doc = _ctx.Render<PageLinks>(p => p.Add(x => x.Total, 1000).Add(x => x.PageSize, 50).Add(x => x.Page, 7).Add(x => x.Href, href)).Nodes;
        var nav = doc.QuerySelector("nav[aria-label=Pages]")!;
        Assert.Equal(["Previous", "1", "…", "5", "6", "7", "8", "9", "…", "20", "Next"], nav.Children.Select(c => c.Read()));
        Assert.Equal("7", nav.QuerySelector("[aria-current=page]")!.Read());
        Assert.Equal("/persons?q=a&page=6", nav.Link("Previous").Href());
        Assert.Equal("/persons?q=a&page=20", nav.Link("20").Href());

        var single = _ctx.Render<PageLinks>(p => p.Add(x => x.Total, 50).Add(x => x.PageSize, 50).Add(x => x.Page, 1).Add(x => x.Href, href)).Nodes;
        Assert.Null(single.QuerySelector("nav"));
    }
}
