using Microsoft.EntityFrameworkCore;
using Timeline.Domain.Curation;
using Timeline.Domain.ImportExport;
using Timeline.Domain.Model;
using Timeline.Domain.Queries;
using Timeline.Tests.Support;

namespace Timeline.Tests.Data;

/// <summary>The per-day and per-month counts are derived data; whatever changes the events must keep them exact.</summary>
public sealed class EventCountsTests : IDisposable
{
    private readonly TestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private sealed record Row(int Key, string Kind, string ClaimStatus, int Count);

    private async Task AssertCountsMatchEventsAsync()
    {
        using var ctx = _db.NewContext();
        async Task<List<Row>> Query(string sql) =>
            (await ctx.Database.SqlQueryRaw<Row>(sql).ToListAsync()).OrderBy(r => r.Key).ThenBy(r => r.Kind).ThenBy(r => r.ClaimStatus).ToList();
        Assert.Equal(
            await Query("""SELECT "SortDay" AS "Key", "Kind", "ClaimStatus", COUNT(*) AS "Count" FROM "Events" WHERE "IsDeleted" = 0 GROUP BY 1, 2, 3"""),
            await Query("""SELECT "Day" AS "Key", "Kind", "ClaimStatus", "Count" FROM "EventDayCounts" WHERE "Count" > 0"""));
        Assert.Equal(
            await Query("""SELECT "SortMonth" AS "Key", "Kind", "ClaimStatus", COUNT(*) AS "Count" FROM "Events" WHERE "IsDeleted" = 0 GROUP BY 1, 2, 3"""),
            await Query("""SELECT "Month" AS "Key", "Kind", "ClaimStatus", "Count" FROM "EventMonthCounts" WHERE "Count" > 0"""));
    }

    [Fact]
    public async Task Counts_follow_saves_edits_deletions_restores_and_bulk_imports()
    {
        var ids = await SmallDataset.LoadAsync(_db);
        await AssertCountsMatchEventsAsync();

        var editor = new Actor("u", "editor", new HashSet<string> { Roles.Editor });
        var commands = _db.Get<EventCommands>();
        var e = (await commands.LoadForEditAsync(ids["blumkin-arrest"]))!;
        e.Start = Timeline.Domain.Dates.HistoricalDate.ParseEdtf("1930-02-03");
        e.ClaimStatus = ClaimStatus.Disputed;
        Assert.IsType<SaveOutcome.Saved>(await commands.SaveAsync(editor, e, e.Version));
        await AssertCountsMatchEventsAsync();

        var shot = (await commands.LoadForEditAsync(ids["blumkin-shot"]))!;
        Assert.IsType<SaveOutcome.Saved>(await commands.DeleteAsync(editor, shot.Id, shot.Version));
        await AssertCountsMatchEventsAsync();
        Assert.IsType<SaveOutcome.Saved>(await commands.RestoreAsync(editor, shot.Id));
        await AssertCountsMatchEventsAsync();

        await _db.Get<DatasetImporter>().ImportAsync(
            new SyntheticData(new SyntheticOptions { Events = 2_000, Persons = 300, Sources = 50, Seed = 7 }).Entries(), null);
        await AssertCountsMatchEventsAsync();

        // And the totals read from them agree with counting the events.
        var queries = _db.Get<EventQueries>();
        foreach (var filter in new[]
                 {
                     new EventFilter(), new EventFilter { Kinds = [EventKind.Arrest, EventKind.Trial] },
                     new EventFilter { Statuses = [ClaimStatus.Disputed], FromYear = 1936, ToYear = 1938 },
                     new EventFilter { FromYear = 1929, ToYear = 1929 },
                 })
        {
            var page = await queries.SearchAsync(filter, 1, 1);
            using var ctx = _db.NewContext();
            var (a, b) = (new DateOnly(filter.FromYear ?? 1, 1, 1).DayNumber, new DateOnly(filter.ToYear ?? 9999, 12, 31).DayNumber);
            var kinds = filter.Kinds.ToList();
            var statuses = filter.Statuses.ToList();
            var expected = await ctx.Events.CountAsync(x => x.EarliestDay <= b && x.LatestDay >= a
                && (kinds.Count == 0 || kinds.Contains(x.Kind)) && (statuses.Count == 0 || statuses.Contains(x.ClaimStatus)));
            Assert.Equal(expected, page.Total);
            var perKind = await queries.KindCountsAsync(filter);
            Assert.Equal(expected, perKind.Values.Sum());
        }
    }
}
