using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Timeline.Domain.Data;
using Timeline.Domain.Dates;
using Timeline.Domain.ImportExport;
using Timeline.Domain.Model;
using Timeline.Domain.Queries;
using Timeline.Tests.Support;

namespace Timeline.Tests.Data;

/// <summary>
/// The faster paths for busy persons (issue 13): timeline windows answered from the persons' month counts, and person
/// pages that test events read from another index against the persons' events, must give what the plain paths give.
/// </summary>
public sealed class BusyPersonTests : IAsyncLifetime, IDisposable
{
    private readonly TestDatabase _db = new();
    private int _busiest, _second;
    private List<int> _many = [];

    public void Dispose() => _db.Dispose();
    public Task DisposeAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        // Zipf-shaped participation: the busiest persons are in hundreds of events, densest in 1936–38, with month, year,
        // circa and ranged dates among them.
        await _db.Get<DatasetImporter>().ImportAsync(
            new SyntheticData(new SyntheticOptions { Events = 6_000, Persons = 150, Sources = 30, Seed = 13 }).Entries(), null);
        using var ctx = _db.NewContext();
        var busiest = await ctx.Participations.GroupBy(p => p.PersonId).OrderByDescending(g => g.Count()).Select(g => g.Key).Take(2).ToListAsync();
        (_busiest, _second) = (busiest[0], busiest[1]);
        // More persons than the timeline has lanes, as a common surname's namesakes are.
        _many = await ctx.Participations.GroupBy(p => p.PersonId).OrderBy(g => g.Count()).Select(g => g.Key).Take(TimelineQueries.MaxPersonLanes + 8).ToListAsync();
        // A crowd of loosely dated events of a few of them (and shared between two): a week of 1937 then has more than the
        // cap reaching into it, fewer of them placeable, and the rest summed per lane.
        for (var i = 0; i < 700; i++)
        {
            var (start, end) = (i % 4) switch
            {
                0 => ("1937", null), 1 => ("1937-03", null), 2 => ("1936", "1938"), _ => ($"1937-03-{1 + i % 28:00}", null),
            };
            ctx.Events.Add(new Event
            {
                Title = $"Loose {i}", Kind = EventKind.Meeting, ClaimStatus = ClaimStatus.Attributed,
                Start = HistoricalDate.ParseEdtf(start), End = end is null ? null : HistoricalDate.ParseEdtf(end),
                Participants = i % 5 == 0
                    ? [new Participation { PersonId = _many[0], Role = ParticipantRole.Participant },
                       new Participation { PersonId = _many[1], Role = ParticipantRole.Participant }]
                    : [new Participation { PersonId = _many[i % 3], Role = ParticipantRole.Participant }],
            });
        }
        await ctx.SaveChangesAsync();
        // Deleted events count for no one: some of the busiest person's, deleted as the trash does it (derived data recounted).
        await ctx.Database.ExecuteSqlRawAsync("""
            UPDATE "Events" SET "IsDeleted" = 1 WHERE "Id" % 7 = 0 AND "Id" IN (SELECT "EventId" FROM "Participations" WHERE "PersonId" = {0})
            """, _busiest);
        await EventCounts.RebuildAsync(ctx);
        await PersonEventCounts.RebuildAsync(ctx);
    }

    private static string Json(TimelineWindow w) => JsonSerializer.Serialize(new { w.From, w.To, w.Total, w.Unit, w.Lanes, w.Items, w.Buckets, w.Loose });

    [Fact]
    public async Task Person_windows_from_the_month_counts_equal_those_read_from_the_events()
    {
        var fast = _db.Get<TimelineQueries>();
        var plain = new TimelineQueries(_db.Factory) { ReadPersonMonths = false };
        string surname;
        List<int> days;
        using (var ctx = _db.NewContext())
        {
            surname = (await ctx.Persons.SingleAsync(p => p.Id == _busiest)).Name.Split(' ')[^1];
            days = await ctx.Events.Where(e => e.Participants.Any(p => p.PersonId == _busiest)).Select(e => e.SortDay).ToListAsync();
            Assert.True(days.Count > TimelineQueries.Cap, $"The busiest person should be in more than {TimelineQueries.Cap} live events, not {days.Count}.");
        }
        days.Sort();
        var random = new Random(7);
        var (monthBars, looseOfMany) = (0, 0);
        foreach (var filter in new[]
                 {
                     new EventFilter { PersonIds = [_busiest] }, new EventFilter { PersonIds = [_busiest, _second] },
                     new EventFilter { PersonNames = [surname] }, new EventFilter { PersonIds = _many },
                     new EventFilter { PersonIds = [.. _many, _second] },
                 })
        {
            // The whole span, then windows from a week to decades around the person's events, and ragged month ends.
            var windows = new List<(DateOnly, DateOnly)> { (DateOnly.FromDayNumber(days[0]), DateOnly.FromDayNumber(days[^1])) };
            foreach (var length in new[] { 6, 20, 45, 100, 200, 400, 800, 1500, 4000, 12000, 40000 })
                for (var i = 0; i < 4; i++)
                {
                    var around = days[random.Next(days.Count)] - random.Next(length);
                    windows.Add((DateOnly.FromDayNumber(around), DateOnly.FromDayNumber(around + length)));
                }
            // Whole months and years: a window as wide as the events dated to it (the bound of the placeable ones).
            for (var month = 0; month < 36; month += 5)
            {
                var first = new DateOnly(1936, 1, 1).AddMonths(month);
                windows.Add((first, first.AddMonths(1).AddDays(-1)));
            }
            windows.Add((new DateOnly(1937, 1, 1), new DateOnly(1937, 12, 31)));
            windows.Add((new DateOnly(1937, 3, 1), new DateOnly(1937, 3, 31)));
            windows.Add((new DateOnly(1937, 3, 8), new DateOnly(1937, 3, 14)));
            windows.Add((new DateOnly(1937, 3, 20), new DateOnly(1937, 4, 10)));
            foreach (var (from, to) in windows)
            {
                var expected = await plain.WindowAsync(filter, from, to);
                var got = await fast.WindowAsync(filter, from, to);
                Assert.Equal(Json(expected), Json(got));
                if (got.Unit >= BucketUnit.Month) monthBars++;
                if (filter.PersonIds.Count > 2 && got.Loose.Count > 0) looseOfMany++;
            }
        }
        Assert.True(monthBars > 10, "The month counts should have drawn bars.");
        Assert.True(looseOfMany > 3, $"Many persons' windows should have summed loosely dated events, not {looseOfMany}.");
    }

    [Fact]
    public async Task Busy_person_pages_equal_the_plain_query_in_every_order_and_with_other_filters()
    {
        var queries = _db.Get<EventQueries>();
        foreach (var filter in new[]
                 {
                     new EventFilter { PersonIds = [_busiest] }, new EventFilter { PersonIds = [_second] },
                     new EventFilter { PersonIds = [_busiest, _second] },
                     new EventFilter { PersonIds = [_busiest], Kinds = [EventKind.Meeting] },
                     new EventFilter { PersonIds = [_busiest], Statuses = [ClaimStatus.Stated] },
                     new EventFilter { PersonIds = [_busiest], Kinds = [EventKind.Arrest], Statuses = [ClaimStatus.Attributed] },
                     new EventFilter { PersonIds = [_busiest], FromYear = 1936, ToYear = 1938 },
                     new EventFilter { PersonIds = [_second], FromYear = 1937, ToYear = 1937, Statuses = [ClaimStatus.Disputed] },
                     // Persons sharing events: each counted and listed once.
                     new EventFilter { PersonIds = [.. _many, _second], Kinds = [EventKind.Meeting], FromYear = 1937, ToYear = 1937 },
                     new EventFilter { PersonIds = _many, Statuses = [ClaimStatus.Attributed, ClaimStatus.Stated] },
                 })
        {
            using var ctx = _db.NewContext();
            var matching = await EventQueries.FilterAsync(ctx, filter, default);
            var total = await matching.CountAsync();
            Assert.True(total > 0, $"{JsonSerializer.Serialize(filter)} should match events.");
            foreach (var sort in Enum.GetValues<EventSort>())
            {
                var order = await EventQueries.Sort(matching, sort).Select(e => e.Id).ToListAsync();
                foreach (var page in new[] { 1, 3 })
                {
                    var got = await queries.SearchAsync(filter, page, 50, sort);
                    Assert.Equal(total, got.Total);
                    Assert.Equal(order.Skip((page - 1) * 50).Take(50), got.Items.Select(e => e.Id));
                }
            }
        }
    }
}
