using Microsoft.EntityFrameworkCore;
using Timeline.Domain.Curation;
using Timeline.Domain.Data;
using Timeline.Domain.Dates;
using Timeline.Domain.ImportExport;
using Timeline.Domain.Model;
using Timeline.Domain.Queries;
using Timeline.Domain.Text;
using Timeline.Tests.Support;

namespace Timeline.Tests.Data;

/// <summary>
/// The faster paths for persons (issue 13): each person's stored event count, the person filter's total, the person
/// search's order and the timeline's extent must equal the plain answers, whatever changed the data.
/// </summary>
public sealed class PersonPathTests : IDisposable
{
    private readonly TestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private static readonly Actor Editor = TestActors.Editor;

    /// <summary>What the stored counts must be: each person's distinct live events, counted from the rows.</summary>
    private static async Task<Dictionary<int, int>> CountedAsync(TimelineDbContext ctx)
    {
        var live = (await ctx.Events.Select(e => e.Id).ToListAsync()).ToHashSet();
        var pairs = await ctx.Participations.IgnoreQueryFilters().Select(p => new { p.PersonId, p.EventId }).ToListAsync();
        return pairs.Where(p => live.Contains(p.EventId)).Distinct().GroupBy(p => p.PersonId).ToDictionary(g => g.Key, g => g.Count());
    }

    private async Task AssertStoredCountsAreExactAsync()
    {
        using var ctx = _db.NewContext();
        var counted = await CountedAsync(ctx);
        var stored = await ctx.Persons.IgnoreQueryFilters().OrderBy(p => p.Id).Select(p => new { p.Id, p.EventCount }).ToListAsync();
        Assert.Equal(stored.Select(p => (p.Id, counted.GetValueOrDefault(p.Id))), stored.Select(p => (p.Id, p.EventCount)));

        // And per sort month and span class (PersonMonthCounts): each person's distinct live events.
        var live = await ctx.Events.Select(e => new { e.Id, e.SortMonth, e.SpanClass }).ToDictionaryAsync(e => e.Id);
        var pairs = await ctx.Participations.IgnoreQueryFilters().Select(p => new { p.PersonId, p.EventId }).ToListAsync();
        var months = pairs.Where(p => live.ContainsKey(p.EventId)).Distinct()
            .GroupBy(p => (p.PersonId, live[p.EventId].SortMonth, live[p.EventId].SpanClass))
            .Select(g => new MonthRow(g.Key.PersonId, g.Key.SortMonth, g.Key.SpanClass, g.Count()))
            .OrderBy(r => r.PersonId).ThenBy(r => r.Month).ThenBy(r => r.SpanClass).ToList();
        var storedMonths = await ctx.Database.SqlQueryRaw<MonthRow>(
            """SELECT "PersonId", "Month", "SpanClass", "Count" FROM "PersonMonthCounts" ORDER BY 1, 2, 3""").ToListAsync();
        Assert.Equal(months, storedMonths);

        // And each person's live events with their days, span class, kind and status (PersonEvents).
        var rows = await ctx.Events.Select(e => new { e.Id, e.SortDay, e.SpanClass, e.EarliestDay, e.LatestDay, e.Kind, e.ClaimStatus })
            .ToDictionaryAsync(e => e.Id);
        var expectedRows = pairs.Where(p => rows.ContainsKey(p.EventId)).Distinct()
            .Select(p => rows[p.EventId] is var e
                ? new EventRow(p.PersonId, e.SortDay, e.Id, e.SpanClass, e.EarliestDay, e.LatestDay, e.Kind.ToString(), e.ClaimStatus.ToString())
                : null!)
            .OrderBy(r => r.PersonId).ThenBy(r => r.SortDay).ThenBy(r => r.EventId).ToList();
        var storedRows = await ctx.Database.SqlQueryRaw<EventRow>("""
            SELECT "PersonId", "SortDay", "EventId", "SpanClass", "EarliestDay", "LatestDay", "Kind", "ClaimStatus"
            FROM "PersonEvents" ORDER BY 1, 2, 3
            """).ToListAsync();
        Assert.Equal(expectedRows, storedRows);
    }

    private sealed record EventRow(int PersonId, int SortDay, int EventId, int SpanClass, int EarliestDay, int LatestDay, string Kind,
        string ClaimStatus);

    private sealed record MonthRow(int PersonId, int Month, int SpanClass, int Count);

    private int PersonId(string key)
    {
        using var ctx = _db.NewContext();
        return ctx.Persons.Single(p => p.Key == key).Id;
    }

    [Fact]
    public async Task Stored_event_counts_and_rows_follow_saves_edits_deletions_restores_merges_and_imports()
    {
        var ids = await SmallDataset.LoadAsync(_db);
        await AssertStoredCountsAreExactAsync();
        var (trotsky, blumkin, zinoviev) = (PersonId("trotsky"), PersonId("blumkin"), PersonId("zinoviev"));
        using (var ctx = _db.NewContext()) Assert.Equal(3, (await ctx.Persons.SingleAsync(p => p.Id == blumkin)).EventCount);

        // An edit gives the arrest Trotsky in two roles (one event for him) instead of Blumkin.
        var events = _db.Get<EventCommands>();
        var arrest = (await events.LoadForEditAsync(ids["blumkin-arrest"]))!;
        arrest.Participants.Clear();
        arrest.Participants.Add(new Participation { PersonId = trotsky, Role = ParticipantRole.Arrested });
        arrest.Participants.Add(new Participation { PersonId = trotsky, Role = ParticipantRole.Witness });
        Assert.IsType<SaveOutcome.Saved>(await events.SaveAsync(Editor, arrest, arrest.Version));
        await AssertStoredCountsAreExactAsync();

        // A new date moves it to another month and span class of its persons' month counts, with no participation
        // changed (the editor replaces an event's participations; a plain save of the date must be enough too).
        using (var ctx = _db.NewContext())
        {
            var tracked = await ctx.Events.SingleAsync(e => e.Id == ids["blumkin-arrest"]);
            tracked.Start = HistoricalDate.ParseEdtf("1926");
            await ctx.SaveChangesAsync();
        }
        await AssertStoredCountsAreExactAsync();

        // A new kind or status changes the rows of its persons too (a page filtered by them reads those rows).
        using (var ctx = _db.NewContext())
        {
            var tracked = await ctx.Events.SingleAsync(e => e.Id == ids["blumkin-arrest"]);
            tracked.ClaimStatus = tracked.ClaimStatus == ClaimStatus.Disputed ? ClaimStatus.Stated : ClaimStatus.Disputed;
            await ctx.SaveChangesAsync();
        }
        await AssertStoredCountsAreExactAsync();
        using (var ctx = _db.NewContext())
        {
            var tracked = await ctx.Events.SingleAsync(e => e.Id == ids["blumkin-arrest"]);
            tracked.Kind = EventKind.Other;
            await ctx.SaveChangesAsync();
        }
        await AssertStoredCountsAreExactAsync();

        var shot = (await events.LoadForEditAsync(ids["blumkin-shot"]))!;
        Assert.IsType<SaveOutcome.Saved>(await events.DeleteAsync(Editor, shot.Id, shot.Version));
        await AssertStoredCountsAreExactAsync();
        Assert.IsType<SaveOutcome.Saved>(await events.RestoreAsync(Editor, shot.Id));
        await AssertStoredCountsAreExactAsync();

        // A person edited with a stale count in hand does not write it back.
        var persons = _db.Get<PersonCommands>();
        var z = (await persons.LoadForEditAsync(zinoviev))!;
        z.EventCount = 99;
        z.Description = "Edited.";
        Assert.IsType<SaveOutcome.Saved>(await persons.SaveAsync(Editor, z, z.Version));
        await AssertStoredCountsAreExactAsync();

        var merge = await persons.MergeAsync(Editor, trotsky, blumkin);
        await AssertStoredCountsAreExactAsync();
        var revision = (await _db.Get<RevisionQueries>().HistoryAsync(EntityTypes.Person, trotsky)).First(r => r.IsMerge);
        await persons.UndoMergeAsync(Editor, revision.Id);
        await AssertStoredCountsAreExactAsync();
        Assert.NotEmpty(merge.MovedParticipations);

        await _db.Get<DatasetImporter>().ImportAsync(
            new SyntheticData(new SyntheticOptions { Events = 1_000, Persons = 150, Sources = 20, Seed = 5 }).Entries(), null);
        await AssertStoredCountsAreExactAsync();
    }

    [Fact]
    public async Task A_person_filter_totals_each_live_event_once_as_the_plain_count_does()
    {
        var ids = await SmallDataset.LoadAsync(_db);
        var (trotsky, blumkin) = (PersonId("trotsky"), PersonId("blumkin"));
        var events = _db.Get<EventCommands>();
        var arrest = (await events.LoadForEditAsync(ids["blumkin-arrest"]))!;
        arrest.Participants.Add(new Participation { PersonId = blumkin, Role = ParticipantRole.Witness });
        Assert.IsType<SaveOutcome.Saved>(await events.SaveAsync(Editor, arrest, arrest.Version));
        var shot = (await events.LoadForEditAsync(ids["blumkin-shot"]))!;
        Assert.IsType<SaveOutcome.Saved>(await events.DeleteAsync(Editor, shot.Id, shot.Version));

        var queries = _db.Get<EventQueries>();
        foreach (var filter in new[]
                 {
                     new EventFilter { PersonIds = [blumkin] }, new EventFilter { PersonIds = [blumkin, trotsky] },
                     new EventFilter { PersonNames = ["Blumkin"] }, new EventFilter { PersonNames = ["Blumkin", "Trotsky"], PersonIds = [blumkin] },
                 })
        {
            using var ctx = _db.NewContext();
            var plain = await (await EventQueries.FilterAsync(ctx, filter, default)).CountAsync();
            var page = await queries.SearchAsync(filter);
            Assert.Equal(plain, page.Total);
            Assert.Equal(plain, page.Items.Count);
        }
        Assert.Equal(2, (await queries.SearchAsync(new EventFilter { PersonIds = [blumkin] })).Total); // the arrest once, the meeting
    }

    [Fact]
    public async Task The_person_search_ranks_names_starting_with_the_query_then_the_busiest_then_by_name()
    {
        await _db.Get<DatasetImporter>().ImportAsync(
            new SyntheticData(new SyntheticOptions { Events = 3_000, Persons = 400, Sources = 40, Seed = 11 }).Entries(), null);
        using var ctx = _db.NewContext();
        // Deleted events count for no one, and deleted persons are not found.
        await ctx.Database.ExecuteSqlRawAsync("""UPDATE "Events" SET "IsDeleted" = 1 WHERE "Id" % 13 = 0""");
        await ctx.Database.ExecuteSqlRawAsync("""UPDATE "Persons" SET "IsDeleted" = 1 WHERE "Id" % 29 = 0""");
        await PersonEventCounts.RebuildAsync(ctx);
        var counted = await CountedAsync(ctx);
        var names = (await ctx.PersonNames.Select(n => new { n.PersonId, n.Folded }).ToListAsync()).ToLookup(n => n.PersonId, n => n.Folded);
        var persons = await ctx.Persons.Select(p => new { p.Id, p.Name }).ToListAsync();
        var catalog = _db.Get<CatalogQueries>();
        var surname = NameFolding.Fold(persons[0].Name).Split(' ')[^1];
        // The commonest three-letter start of a name word, as a picker sees it after three keys.
        var prefix = names.SelectMany(g => g).SelectMany(n => n.Split(' ')).Where(w => w.Length >= 3)
            .GroupBy(w => w[..3]).OrderByDescending(g => g.Count()).First().Key;

        foreach (var q in new[] { "", "a", prefix, surname, surname[..3] + " " + NameFolding.Fold(persons[0].Name)[..2] })
        {
            var folded = NameFolding.Fold(q);
            var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var expected = persons
                .Where(p => words.Length == 0 || names[p.Id].Any(n => PersonQueries.EachBeginsADifferentWord(words, n.Split(' '))))
                .OrderByDescending(p => words.Length > 0 && names[p.Id].Any(n => n.StartsWith(folded, StringComparison.Ordinal)))
                .ThenByDescending(p => counted.GetValueOrDefault(p.Id)).ThenBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id)
                .Select(p => p.Id).ToList();
            Assert.True(expected.Count > 25 || q == surname || q.Contains(' ', StringComparison.Ordinal), $"'{q}' should find more than a page.");
            foreach (var page in new[] { 1, 2 })
            {
                var got = await catalog.SearchPersonsAsync(q, page, 25);
                Assert.Equal(expected.Count, got.Total);
                Assert.Equal(expected.Skip((page - 1) * 25).Take(25), got.Items.Select(p => p.Id));
            }
        }
    }

    [Fact]
    public async Task The_extent_is_the_first_and_last_sort_day_of_the_plain_query_for_every_kind_of_filter()
    {
        await _db.Get<DatasetImporter>().ImportAsync(
            new SyntheticData(new SyntheticOptions { Events = 2_000, Persons = 200, Sources = 30, Seed = 3 }).Entries(), null);
        using var ctx = _db.NewContext();
        await ctx.Database.ExecuteSqlRawAsync("""UPDATE "Events" SET "IsDeleted" = 1 WHERE "Id" % 11 = 0""");
        await EventCounts.RebuildAsync(ctx);
        var busiest = await ctx.Participations.GroupBy(p => p.PersonId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var word = (await ctx.Events.Select(e => e.Title).FirstAsync()).Split(' ')[0];
        var timeline = _db.Get<TimelineQueries>();
        foreach (var filter in new[]
                 {
                     new EventFilter(), new EventFilter { Kinds = [EventKind.Arrest] }, new EventFilter { Kinds = [EventKind.Arrest, EventKind.Trial] },
                     new EventFilter { Statuses = [ClaimStatus.Disputed] }, new EventFilter { PersonIds = [busiest] },
                     new EventFilter { Text = word }, new EventFilter { Text = "synthetic" }, new EventFilter { FromYear = 1937 },
                     new EventFilter { PersonNames = ["nobody at all"] },
                 })
        {
            var days = await (await EventQueries.FilterAsync(ctx, filter, default)).Select(e => e.SortDay).ToListAsync();
            var expected = days.Count == 0 ? ((DateOnly, DateOnly)?)null : (DateOnly.FromDayNumber(days.Min()), DateOnly.FromDayNumber(days.Max()));
            Assert.Equal(expected, await timeline.ExtentAsync(filter));
        }
    }
}
