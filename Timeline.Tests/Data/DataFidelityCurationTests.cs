using Timeline.Domain.Curation;
using Timeline.Domain.Queries;
using Timeline.Tests.Support;

namespace Timeline.Tests.Data;

/// <summary>Editing and restoring keep what issue 11 records: date notes, unnamed defendants, notes on names, loose life dates.</summary>
public sealed class DataFidelityCurationTests : IAsyncLifetime, IDisposable
{
    private static readonly Actor Editor = new("u-editor", "editor@example.org", new HashSet<string> { Roles.Editor });

    private readonly TestDatabase _db = new();
    private Dictionary<string, int> _ids = [];

    public async Task InitializeAsync() => _ids = await SmallDataset.LoadAsync(_db);
    public Task DisposeAsync() => Task.CompletedTask;
    public void Dispose() => _db.Dispose();

    private EventCommands Events => _db.Get<EventCommands>();

    [Fact]
    public async Task A_trials_unnamed_defendants_and_date_note_are_saved_shown_in_history_and_restored()
    {
        var trial = (await Events.LoadForEditAsync(_ids["trial-1936"]))!;
        trial.UnnamedDefendants = 14;
        trial.DefendantsNote = "Fourteen others, unnamed in the source.";
        trial.DateNote = "The verdict's date; the opening day is not given.";
        Assert.IsType<SaveOutcome.Saved>(await Events.SaveAsync(Editor, trial, trial.Version));

        var saved = (await _db.Get<EventQueries>().GetAsync(_ids["trial-1936"]))!;
        Assert.Equal((14, "Fourteen others, unnamed in the source."), (saved.Trial!.UnnamedDefendants, saved.Trial.DefendantsNote));
        Assert.Equal("The verdict's date; the opening day is not given.", saved.DateNote);
        var history = await _db.Get<RevisionQueries>().HistoryAsync(EntityTypes.Event, _ids["trial-1936"]);
        Assert.Contains(history[0].Changes, c => c.Field == "Unnamed defendants" && c.After == "14");

        // Restoring the state before the edit clears them; an unrelated edit keeps them.
        Assert.IsType<SaveOutcome.Saved>(await Events.RevertAsync(Editor, history[^1].Id));
        Assert.Null((await _db.Get<EventQueries>().GetAsync(_ids["trial-1936"]))!.Trial!.DefendantsNote);
        Assert.IsType<SaveOutcome.Saved>(await Events.RevertAsync(Editor, history[0].Id));
        var again = (await Events.LoadForEditAsync(_ids["trial-1936"]))!;
        again.Title += " (edited)";
        Assert.IsType<SaveOutcome.Saved>(await Events.SaveAsync(Editor, again, again.Version));
        Assert.Equal(14, (await _db.Get<EventQueries>().GetAsync(_ids["trial-1936"]))!.Trial!.UnnamedDefendants);
    }

    [Fact]
    public async Task A_variant_note_and_a_life_dates_note_survive_edits_of_the_person()
    {
        var persons = _db.Get<PersonCommands>();
        var id = SmallDataset.PersonId(_db, "blumkin");
        var p = (await persons.LoadForEditAsync(id))!;
        p.Names.Single(n => n.Name == "Jakov Bljumkin").Note = "German transliteration";
        p.LifeDatesNote = "Born 1900 by most accounts.";
        Assert.IsType<SaveOutcome.Saved>(await persons.SaveAsync(Editor, p, p.Version));

        var edited = (await persons.LoadForEditAsync(id))!;
        edited.Description = "Chekist.";
        Assert.IsType<SaveOutcome.Saved>(await persons.SaveAsync(Editor, edited, edited.Version));

        var view = (await _db.Get<CatalogQueries>().GetPersonAsync(id))!;
        Assert.Equal("German transliteration", view.VariantNotes!["Jakov Bljumkin"]);
        Assert.Equal("Born 1900 by most accounts.", view.LifeDatesNote);
    }
}
