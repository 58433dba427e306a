using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Caching.Memory;
using Timeline.Domain.Data;
using Timeline.Domain.Model;
using Timeline.Domain.Queries;

namespace Timeline.Tests.Data;

/// <summary>
/// The edges under a year filter of kinds and statuses (events dated outside the years that reach in) come from one SQL text
/// per use, so that EF does not compile a new 44-arm union for each mix of filters and order. They must be exactly what
/// the LINQ union (<see cref="Overlap.Edges"/>) gives.
/// </summary>
public sealed class EdgeTextTests(YearPagingTests.Synthetic data) : IClassFixture<YearPagingTests.Synthetic>
{
    private readonly Support.TestDatabase _db = data.Db;

    public static TheoryData<EventSort> Sorts() => new(Enum.GetValues<EventSort>());

    // Kinds and statuses, one and several, over years and with each end open.
    private static readonly EventFilter[] Filters =
    [
        new EventFilter { FromYear = 1918, ToYear = 1920 },
        new EventFilter { FromYear = 1937, ToYear = 1937, Kinds = [EventKind.Arrest] },
        new EventFilter { FromYear = 1930, ToYear = 1940, Kinds = [EventKind.Arrest, EventKind.Trial], Statuses = [ClaimStatus.Disputed] },
        new EventFilter { FromYear = 1950, Statuses = [ClaimStatus.Stated, ClaimStatus.Attributed] },
        new EventFilter { ToYear = 1921 },
    ];

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task The_edges_from_one_SQL_text_equal_the_LINQ_union_in_every_order(EventSort sort)
    {
        using var ctx = _db.NewContext();
        var some = 0;
        foreach (var filter in Filters)
        {
            var (a, b) = EventQueries.YearDays(filter);
            var events = await EventQueries.FilterAsync(ctx, filter with { FromYear = null, ToYear = null }, default);
            var expected = await SortKey.Sort(Overlap.Edges(events, a, b, e => new SortKey
            {
                Id = e.Id, SortDay = e.SortDay, Title = e.SortTitle, Kind = e.Kind, Status = e.ClaimStatus,
            }), sort).ToListAsync();
            var (kinds, statuses) = AggregateCounts.Lists(filter);
            var got = await Overlap.EdgeKeysAsync(ctx, a, b, kinds, statuses, sort, int.MaxValue, default);
            var cut = await Overlap.EdgeKeysAsync(ctx, a, b, kinds, statuses, sort, 7, default);

            // Titles are read only for a title order.
            var titled = sort is EventSort.Title or EventSort.TitleDescending;
            Assert.Equal(expected.Select(k => titled ? k : k with { Title = "" }), got);
            Assert.Equal(got.Take(7), cut);
            Assert.Equal(expected.Count, await Overlap.EdgeCountAsync(ctx, a, b, kinds, statuses, default));
            Assert.Equal(expected.Select(k => k.SortDay).Order(), (await Overlap.EdgeDaysAsync(ctx, a, b, kinds, statuses, default)).Order());
            Assert.Equal(expected.GroupBy(k => k.Kind.ToString()).Select(g => (Key: g.Key, Count: g.Count())).OrderBy(g => g.Key),
                (await Overlap.EdgeKindsAsync(ctx, a, b, kinds, statuses, default)).Select(r => (Key: r.Kind, r.Count)).OrderBy(g => g.Key));
            some += expected.Count;
        }
        Assert.True(some > 20, "The dataset should have events reaching into the years from outside.");
    }

    [Fact]
    public async Task Pages_under_years_with_other_kinds_statuses_and_orders_compile_no_new_edge_query()
    {
        // A context factory whose EF query cache starts empty (a cache of its own), with its compilations logged here.
        var compiled = new List<string>();
        var options = new DbContextOptionsBuilder<TimelineDbContext>().UseSqlite(_db.ConnectionString)
            .UseMemoryCache(new MemoryCache(new MemoryCacheOptions()))
            .LogTo(m => { lock (compiled) compiled.Add(m); }, [CoreEventId.QueryCompilationStarting]).Options;
        var queries = new EventQueries(new PooledDbContextFactory<TimelineDbContext>(options));
        int EdgeQueries() { lock (compiled) return compiled.Count(q => q.Contains("SpanClass", StringComparison.Ordinal)); }

        // Every order once, with one kind: the edges' count and each order's page are compiled.
        foreach (var sort in Enum.GetValues<EventSort>())
            await queries.SearchAsync(new EventFilter { FromYear = 1930, ToYear = 1935, Kinds = [EventKind.Arrest] }, 3, 25, sort);
        var first = EdgeQueries();
        Assert.InRange(first, 1, 9);

        // Other mixes of kinds and statuses, over other years, in every order: nothing new to compile for the edges.
        EventFilter[] others =
        [
            new EventFilter { FromYear = 1920, ToYear = 1925 },
            new EventFilter { FromYear = 1937, ToYear = 1937, Statuses = [ClaimStatus.Disputed] },
            new EventFilter { FromYear = 1940, ToYear = 1944, Kinds = [EventKind.Trial, EventKind.Exile], Statuses = [ClaimStatus.Stated, ClaimStatus.Attributed] },
        ];
        foreach (var filter in others)
            foreach (var sort in Enum.GetValues<EventSort>())
                await queries.SearchAsync(filter, 2, 25, sort);
        Assert.Equal(first, EdgeQueries());
    }
}
