using Microsoft.EntityFrameworkCore;
using Timeline.Domain.Curation;
using Timeline.Domain.Dates;
using Timeline.Domain.Model;
using Timeline.Domain.Queries;
using Timeline.Tests.Support;

namespace Timeline.Tests.Data;

public sealed class CurationTests : IAsyncLifetime, IDisposable
{
    private static readonly Actor Editor = new("u-editor", "editor@example.org", new HashSet<string> { Roles.Editor });
    private static readonly Actor OtherEditor = new("u-other", "other@example.org", new HashSet<string> { Roles.Editor });

    private readonly TestDatabase _db = new();
    private Dictionary<string, int> _ids = [];

    public async Task InitializeAsync() => _ids = await SmallDataset.LoadAsync(_db);
    public Task DisposeAsync() => Task.CompletedTask;
    public void Dispose() => _db.Dispose();

    private EventCommands Events => _db.Get<EventCommands>();
    private PersonCommands Persons => _db.Get<PersonCommands>();

    private async Task<Event> Edit(string key) => (await Events.LoadForEditAsync(_ids[key]))!;

    private static int SavedVersion(SaveOutcome outcome) => Assert.IsType<SaveOutcome.Saved>(outcome).Version;

    [Fact]
    public async Task A_second_editor_saving_a_stale_copy_gets_a_conflict_showing_the_first_editors_changes()
    {
        var mine = await Edit("blumkin-arrest");
        var theirs = await Edit("blumkin-arrest");

        theirs.Title = "OGPU arrests Yakov Blumkin at the Kazan station";
        theirs.Place = "Moscow";
        SavedVersion(await Events.SaveAsync(OtherEditor, theirs, theirs.Version));

        mine.Summary = "My own summary.";
        var outcome = await Events.SaveAsync(Editor, mine, mine.Version);

        var conflict = Assert.IsType<SaveOutcome.Conflict>(outcome);
        Assert.Equal("other@example.org", conflict.ChangedBy);
        Assert.Contains(conflict.TheirChanges, c => c.Field == "Title" && c.After == "OGPU arrests Yakov Blumkin at the Kazan station");
        Assert.Contains(conflict.TheirChanges, c => c.Field == "Place" && c.After == "Moscow");
        // Nothing of mine was written.
        Assert.Equal("OGPU arrests Yakov Blumkin at the Kazan station", (await Edit("blumkin-arrest")).Title);
        Assert.Equal("Summary of OGPU arrests Blumkin.", (await Edit("blumkin-arrest")).Summary);

        // Overwriting is a deliberate second step.
        SavedVersion(await Events.SaveAsync(Editor, mine, conflict.CurrentVersion));
        Assert.Equal("My own summary.", (await Edit("blumkin-arrest")).Summary);
    }

    [Fact]
    public async Task History_records_each_change_and_restoring_brings_back_the_earlier_values_as_a_new_revision()
    {
        var e = await Edit("mias-arrest");
        e.Title = "Miasnikov arrested by the GPU";
        SavedVersion(await Events.SaveAsync(Editor, e, e.Version));
        e = await Edit("mias-arrest");
        e.Place = "Moscow";
        e.Start = HistoricalDate.ParseEdtf("1923-05-25");
        SavedVersion(await Events.SaveAsync(OtherEditor, e, e.Version));

        var history = await _db.Get<RevisionQueries>().HistoryAsync(EntityTypes.Event, _ids["mias-arrest"]);

        Assert.Equal(3, history.Count); // baseline, edit, edit
        Assert.Equal("other@example.org", history[0].UserName);
        Assert.Contains(history[0].Changes, c => c.Field == "Date" && c.Before == "c. May 1923" && c.After == "25 May 1923");
        Assert.Contains(history[1].Changes, c => c.Field == "Title" && c.Before == "Miasnikov arrested in Moscow");
        var original = history[^1];
        Assert.Equal(RevisionAction.Created, original.Action);

        SavedVersion(await Events.RevertAsync(Editor, original.Id));

        var restored = await Edit("mias-arrest");
        Assert.Equal("Miasnikov arrested in Moscow", restored.Title);
        Assert.Null(restored.Place);
        Assert.Equal("1923-05~", restored.Start.ToEdtf());
        Assert.Single(restored.Evidence);
        var after = await _db.Get<RevisionQueries>().HistoryAsync(EntityTypes.Event, _ids["mias-arrest"]);
        Assert.Equal(4, after.Count);
        Assert.Equal(RevisionAction.Reverted, after[0].Action);
    }

    [Fact]
    public async Task Deleting_is_soft_hides_the_event_everywhere_and_restoring_brings_it_back()
    {
        var id = _ids["blumkin-shot"];
        var e = await Edit("blumkin-shot");
        SavedVersion(await Events.DeleteAsync(Editor, id, e.Version));

        var queries = _db.Get<EventQueries>();
        Assert.Null(await queries.GetAsync(id));
        Assert.DoesNotContain((await queries.SearchAsync(new EventFilter { Text = "shot" })).Items, x => x.Id == id);
        Assert.DoesNotContain((await queries.SearchAsync(new EventFilter { PersonNames = ["Blumkin"] })).Items, x => x.Id == id);
        var trash = await _db.Get<RevisionQueries>().TrashAsync();
        Assert.Contains(trash, t => t.Id == id && t.EntityType == EntityTypes.Event && t.DeletedBy == "editor@example.org");
        using (var ctx = _db.NewContext()) Assert.True(ctx.Events.IgnoreQueryFilters().Single(x => x.Id == id).IsDeleted);

        SavedVersion(await Events.RestoreAsync(Editor, id));

        Assert.NotNull(await queries.GetAsync(id));
        Assert.Contains((await queries.SearchAsync(new EventFilter { Text = "shot" })).Items, x => x.Id == id);
        Assert.DoesNotContain(await _db.Get<RevisionQueries>().TrashAsync(), t => t.Id == id);
    }

    [Fact]
    public async Task A_new_event_is_saved_with_new_persons_and_sources_created_inline()
    {
        var e = new Event
        {
            Kind = EventKind.Arrest, Title = "NKVD arrests Karl Radek", Summary = "Radek is taken into custody.",
            ClaimStatus = ClaimStatus.Stated, Start = DateInput.Parse("c. 1936-09").Start, ArrestAgency = "NKVD",
            Participants = [new Participation { Person = NewPerson("Karl Radek", "Карл Радек"), Role = ParticipantRole.Arrested }],
            Evidence = [new EvidenceLink { Source = new Source { Title = "Arrest file", Kind = SourceKind.ArchivalDocument }, Locator = "l. 1" }],
        };

        var saved = Assert.IsType<SaveOutcome.Saved>(await Events.SaveAsync(Editor, e, 0));

        var view = await _db.Get<EventQueries>().GetAsync(saved.Id);
        Assert.Equal("Karl Radek", Assert.Single(view!.Participants).Name);
        Assert.Equal("Arrest file", Assert.Single(view.Evidence).Source);
        Assert.Equal("NKVD", view.Arrest!.Agency);
        Assert.Single((await _db.Get<EventQueries>().SearchAsync(new EventFilter { PersonNames = ["Карл Радек"] })).Items);
        var personId = view.Participants[0].PersonId;
        Assert.Single(await _db.Get<RevisionQueries>().HistoryAsync(EntityTypes.Person, personId));
    }

    [Fact]
    public async Task An_invalid_event_is_refused_by_the_service_even_if_the_form_let_it_through()
    {
        var e = await Edit("trial-1936");
        e.Participants.Clear();
        e.Evidence.Clear();

        var invalid = Assert.IsType<SaveOutcome.Invalid>(await Events.SaveAsync(Editor, e, e.Version));

        Assert.Contains(invalid.Errors, x => x.ErrorMessage.StartsWith("A trial must name at least one defendant", StringComparison.Ordinal));
        Assert.Contains(invalid.Errors, x => x.PropertyName == nameof(Event.Evidence));
        Assert.Equal("Grigory Zinoviev", (await _db.Get<EventQueries>().GetAsync(_ids["trial-1936"]))!.Participants.Single().Name);
    }

    [Fact]
    public async Task A_new_source_with_a_bad_address_is_refused_with_the_error_at_its_place_in_the_event()
    {
        var e = await Edit("blumkin-arrest");
        e.Evidence.Add(new EvidenceLink { Source = new Source { Title = "Web copy", Url = "javascript:alert(1)" }, Locator = "para. 2" });

        var invalid = Assert.IsType<SaveOutcome.Invalid>(await Events.SaveAsync(Editor, e, e.Version));

        Assert.Equal($"Evidence[{e.Evidence.Count - 1}].Source.Url", Assert.Single(invalid.Errors).PropertyName);
        Assert.Equal(e.Version, (await Edit("blumkin-arrest")).Version);
    }

    [Fact]
    public async Task Merging_two_persons_moves_their_events_and_names_and_undoing_it_restores_both()
    {
        int miasnikov, duplicate;
        using (var ctx = _db.NewContext())
        {
            miasnikov = ctx.Persons.Single(p => p.Key == "miasnikov").Id;
            var dup = NewPerson("G. Myasnikov", "Мясников Г. И.");
            var source = ctx.Sources.First();
            ctx.Events.Add(new Event
            {
                Title = "Myasnikov writes to Stalin", Kind = EventKind.Document, ClaimStatus = ClaimStatus.Stated,
                Start = HistoricalDate.ParseEdtf("1940"),
                Participants = [new Participation { Person = dup, Role = ParticipantRole.Author }],
                Evidence = [new EvidenceLink { SourceId = source.Id, Locator = "p. 9" }],
            });
            await ctx.SaveChangesAsync();
            duplicate = dup.Id;
        }

        await Persons.MergeAsync(Editor, miasnikov, duplicate);

        var queries = _db.Get<EventQueries>();
        var his = await queries.SearchAsync(new EventFilter { PersonIds = [miasnikov] });
        Assert.Contains(his.Items, e => e.Title == "Myasnikov writes to Stalin");
        Assert.Null(await _db.Get<CatalogQueries>().GetPersonAsync(duplicate));
        var kept = await _db.Get<CatalogQueries>().GetPersonAsync(miasnikov);
        Assert.Contains("G. Myasnikov", kept!.Variants);
        Assert.Contains("Мясников Г. И.", kept.Variants);

        var mergeRevision = (await _db.Get<RevisionQueries>().HistoryAsync(EntityTypes.Person, miasnikov)).First(r => r.IsMerge);
        await Persons.UndoMergeAsync(Editor, mergeRevision.Id);

        Assert.DoesNotContain((await queries.SearchAsync(new EventFilter { PersonIds = [miasnikov] })).Items, e => e.Title == "Myasnikov writes to Stalin");
        Assert.Contains((await queries.SearchAsync(new EventFilter { PersonIds = [duplicate] })).Items, e => e.Title == "Myasnikov writes to Stalin");
        Assert.DoesNotContain("G. Myasnikov", (await _db.Get<CatalogQueries>().GetPersonAsync(miasnikov))!.Variants);
        Assert.NotNull(await _db.Get<CatalogQueries>().GetPersonAsync(duplicate));
        await Assert.ThrowsAsync<CurationException>(() => Persons.UndoMergeAsync(Editor, mergeRevision.Id));
    }

    [Fact]
    public async Task A_person_who_takes_part_in_events_cannot_be_deleted()
    {
        var person = (await Persons.LoadForEditAsync((await _db.Get<EventQueries>().GetAsync(_ids["blumkin-arrest"]))!.Participants[0].PersonId))!;
        var ex = await Assert.ThrowsAsync<CurationException>(() => Persons.DeleteAsync(Editor, person.Id, person.Version));
        Assert.Contains("merge", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Person_and_source_edits_are_versioned_and_revertible()
    {
        var person = (await Persons.LoadForEditAsync(await PersonId("trotsky")))!;
        person.Description = "Revolutionary, expelled in 1929.";
        person.SetNames([.. person.Variants(), "Trotskij"]);
        SavedVersion(await Persons.SaveAsync(Editor, person, person.Version));
        var stale = Assert.IsType<SaveOutcome.Conflict>(await Persons.SaveAsync(OtherEditor, person, person.Version));
        Assert.Contains(stale.TheirChanges, c => c.Field == "Variants" && c.After!.Contains("Trotskij", StringComparison.Ordinal));
        Assert.Single((await _db.Get<EventQueries>().SearchAsync(new EventFilter { PersonNames = ["Trotskij"] })).Items, e => e.Key == "trotsky-deported");

        var history = await _db.Get<RevisionQueries>().HistoryAsync(EntityTypes.Person, person.Id);
        SavedVersion(await Persons.RevertAsync(Editor, history[^1].Id));
        Assert.Null((await _db.Get<CatalogQueries>().GetPersonAsync(person.Id))!.Description);

        var sources = _db.Get<SourceCommands>();
        var source = (await sources.LoadForEditAsync(await SourceId("dossier")))!;
        source.Url = "javascript:alert(1)";
        Assert.IsType<SaveOutcome.Invalid>(await sources.SaveAsync(Editor, source, source.Version));
        source.Url = "https://example.org/dossier";
        SavedVersion(await sources.SaveAsync(Editor, source, source.Version));
        Assert.Equal("https://example.org/dossier", (await _db.Get<CatalogQueries>().GetSourceAsync(source.Id))!.Url);
        await Assert.ThrowsAsync<CurationException>(() => sources.DeleteAsync(Editor, source.Id, source.Version + 1));
    }

    [Fact]
    public async Task A_source_saved_with_blank_fields_stores_no_value_rather_than_empty_text()
    {
        var sources = _db.Get<SourceCommands>();
        var saved = Assert.IsType<SaveOutcome.Saved>(await sources.SaveAsync(Editor,
            new Source { Title = " Protocol ", Kind = SourceKind.ArchivalDocument, ArchiveName = "", Fond = " ", Url = "", Author = " Yagoda " }, 0));

        var source = (await sources.LoadForEditAsync(saved.Id))!;
        Assert.Equal("Protocol", source.Title);
        Assert.Equal("Yagoda", source.Author);
        Assert.Null(source.ArchiveName);
        Assert.Null(source.Fond);
        Assert.Null(source.Url);
        Assert.Null(source.Archive);
    }

    public static TheoryData<string> Mutations => new()
    {
        "create event", "edit event", "delete event", "restore event", "revert event",
        "create person", "edit person", "delete person", "restore person", "revert person", "merge persons", "undo merge",
        "create source", "edit source", "delete source", "restore source", "revert source",
    };

    [Theory]
    [MemberData(nameof(Mutations))]
    public async Task Anonymous_users_and_readers_cannot_change_anything(string mutation)
    {
        var reader = new Actor("u-reader", "reader@example.org", new HashSet<string>());
        foreach (var actor in new[] { Actor.Anonymous, reader })
        {
            var before = await Fingerprint();
            await Assert.ThrowsAsync<NotAuthorizedException>(() => Run(actor, mutation));
            Assert.Equal(before, await Fingerprint());
        }
    }

    private async Task Run(Actor actor, string mutation)
    {
        var e = await Edit("blumkin-arrest");
        var trotsky = await PersonId("trotsky");
        var blumkin = await PersonId("blumkin");
        var source = await SourceId("dossier");
        var sources = _db.Get<SourceCommands>();
        Task task = mutation switch
        {
            "create event" => Events.SaveAsync(actor, new Event { Title = "x", Evidence = e.Evidence }, 0),
            "edit event" => Events.SaveAsync(actor, e, e.Version),
            "delete event" => Events.DeleteAsync(actor, e.Id, e.Version),
            "restore event" => Events.RestoreAsync(actor, e.Id),
            "revert event" => Events.RevertAsync(actor, 1),
            "create person" => Persons.SaveAsync(actor, new Person { Name = "New" }, 0),
            "edit person" => Persons.SaveAsync(actor, (await Persons.LoadForEditAsync(trotsky))!, 1),
            "delete person" => Persons.DeleteAsync(actor, trotsky, 1),
            "restore person" => Persons.RestoreAsync(actor, trotsky),
            "revert person" => Persons.RevertAsync(actor, 1),
            "merge persons" => Persons.MergeAsync(actor, trotsky, blumkin),
            "undo merge" => Persons.UndoMergeAsync(actor, 1),
            "create source" => sources.SaveAsync(actor, new Source { Title = "New" }, 0),
            "edit source" => sources.SaveAsync(actor, (await sources.LoadForEditAsync(source))!, 1),
            "delete source" => sources.DeleteAsync(actor, source, 1),
            "restore source" => sources.RestoreAsync(actor, source),
            "revert source" => sources.RevertAsync(actor, 1),
            _ => throw new ArgumentOutOfRangeException(nameof(mutation)),
        };
        await task;
    }

    private async Task<string> Fingerprint()
    {
        using var ctx = _db.NewContext();
        return string.Join("|",
            await ctx.Events.IgnoreQueryFilters().SumAsync(e => e.Version + (e.IsDeleted ? 1000 : 0)),
            await ctx.Persons.IgnoreQueryFilters().SumAsync(p => p.Version + (p.IsDeleted ? 1000 : 0)),
            await ctx.Sources.IgnoreQueryFilters().SumAsync(s => s.Version + (s.IsDeleted ? 1000 : 0)),
            await ctx.Participations.IgnoreQueryFilters().CountAsync(), await ctx.Revisions.CountAsync());
    }

    private async Task<int> PersonId(string key)
    {
        using var ctx = _db.NewContext();
        return await ctx.Persons.Where(p => p.Key == key).Select(p => p.Id).SingleAsync();
    }

    private async Task<int> SourceId(string key)
    {
        using var ctx = _db.NewContext();
        return await ctx.Sources.Where(p => p.Key == key).Select(p => p.Id).SingleAsync();
    }

    private static Person NewPerson(string name, params string[] variants)
    {
        var p = new Person { Name = name };
        p.SetNames(variants);
        return p;
    }
}
