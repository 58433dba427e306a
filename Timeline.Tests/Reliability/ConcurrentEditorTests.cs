using Microsoft.EntityFrameworkCore;
using Timeline.Domain.Curation;
using Timeline.Tests.Support;

namespace Timeline.Tests.Reliability;

/// <summary>Editors saving one event at once: each save either wins with the next version or is refused as a conflict; none is lost.</summary>
[Trait("Category", "Reliability")]
public sealed class ConcurrentEditorTests : IDisposable
{
    private readonly TestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Parallel_saves_of_one_event_from_the_same_version_let_exactly_one_win()
    {
        var ids = await SmallDataset.LoadAsync(_db);
        var commands = _db.Get<EventCommands>();
        const int editors = 8;
        for (var round = 0; round < 5; round++)
        {
            var copies = new List<Timeline.Domain.Model.Event>();
            for (var i = 0; i < editors; i++) copies.Add((await commands.LoadForEditAsync(ids["blumkin-arrest"]))!);
            var version = copies[0].Version;
            var outcomes = await Task.WhenAll(copies.Select((e, i) => Task.Run(async () =>
            {
                e.Title = $"Round {round}, editor {i}";
                var actor = new Actor($"u-{i}", $"editor{i}@example.org", new HashSet<string> { Roles.Editor });
                return (Editor: i, Outcome: await commands.SaveAsync(actor, e, version));
            })));

            var won = Assert.Single(outcomes, o => o.Outcome is SaveOutcome.Saved);
            Assert.Equal(version + 1, ((SaveOutcome.Saved)won.Outcome).Version);
            Assert.All(outcomes.Where(o => o != won), o => Assert.Equal(version + 1, Assert.IsType<SaveOutcome.Conflict>(o.Outcome).CurrentVersion));
            await using var ctx = _db.NewContext();
            var stored = await ctx.Events.SingleAsync(e => e.Id == ids["blumkin-arrest"]);
            Assert.Equal((version + 1, $"Round {round}, editor {won.Editor}"), (stored.Version, stored.Title));
            Assert.Equal(1, await ctx.Revisions.CountAsync(r => r.EntityType == EntityTypes.Event && r.EntityId == stored.Id && r.Version == version + 1));
        }
    }
}
