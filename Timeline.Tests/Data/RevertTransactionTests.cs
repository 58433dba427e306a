using Microsoft.EntityFrameworkCore;
using Timeline.Domain.Curation;
using Timeline.Tests.Support;
using static Timeline.Tests.Support.TestActors;

namespace Timeline.Tests.Data;

/// <summary>Restoring an event's revision writes the change and its "reverted" revision together or not at all.</summary>
public sealed class RevertTransactionTests : IDisposable
{
    private readonly TestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task A_failure_while_recording_the_reverted_revision_leaves_neither_the_change_nor_the_revision()
    {
        var ids = await SmallDataset.LoadAsync(_db);
        var events = _db.Get<EventCommands>();
        var e = (await events.LoadForEditAsync(ids["mias-arrest"]))!;
        e.Title = "Miasnikov arrested by the GPU";
        Assert.IsType<SaveOutcome.Saved>(await events.SaveAsync(Editor, e, e.Version));
        var original = (await _db.Get<RevisionQueries>().HistoryAsync(EntityTypes.Event, e.Id))[^1];
        // The database refuses any "reverted" revision, as a full disk or a lock would refuse the write after the change.
        using (var c = _db.OpenConnection())
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = """
                CREATE TRIGGER refuse_revert_insert BEFORE INSERT ON "Revisions" WHEN NEW."Action" = 'Reverted' BEGIN SELECT RAISE(ABORT, 'refused'); END;
                CREATE TRIGGER refuse_revert_update BEFORE UPDATE OF "Action" ON "Revisions" WHEN NEW."Action" = 'Reverted' BEGIN SELECT RAISE(ABORT, 'refused'); END;
                """;
            cmd.ExecuteNonQuery();
        }
        var before = DatabaseSnapshot.Of(_db);

        await Assert.ThrowsAnyAsync<Exception>(() => events.RevertAsync(Editor, original.Id));

        Assert.Equal(before, DatabaseSnapshot.Of(_db));
        await using var ctx = _db.NewContext();
        Assert.Equal("Miasnikov arrested by the GPU", (await ctx.Events.SingleAsync(x => x.Id == e.Id)).Title);
    }

    [Fact]
    public async Task Restoring_records_one_reverted_revision_naming_the_revision_restored()
    {
        var ids = await SmallDataset.LoadAsync(_db);
        var events = _db.Get<EventCommands>();
        var e = (await events.LoadForEditAsync(ids["mias-arrest"]))!;
        e.Title = "Miasnikov arrested by the GPU";
        Assert.IsType<SaveOutcome.Saved>(await events.SaveAsync(Editor, e, e.Version));
        var original = (await _db.Get<RevisionQueries>().HistoryAsync(EntityTypes.Event, e.Id))[^1];

        Assert.IsType<SaveOutcome.Saved>(await events.RevertAsync(Editor, original.Id));

        var latest = (await _db.Get<RevisionQueries>().HistoryAsync(EntityTypes.Event, e.Id))[0];
        Assert.Equal(Timeline.Domain.Model.RevisionAction.Reverted, latest.Action);
        Assert.Equal(3, (await _db.Get<RevisionQueries>().HistoryAsync(EntityTypes.Event, e.Id)).Count);
    }
}
