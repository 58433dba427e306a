using Timeline.Domain.Dates;
using Timeline.Domain.Model;
using Timeline.Domain.Queries;
using Timeline.Tests.Support;

namespace Timeline.Tests.Data;

/// <summary>The regular dataset of <see cref="TimelineQueryTests"/>, built once for the class.</summary>
public sealed class TimelineData : IAsyncLifetime, IDisposable
{
    public static readonly DateOnly First = new(1930, 1, 1);

    public TestDatabase Database { get; } = new();

    public Task InitializeAsync() => FillAsync(Database);
    public Task DisposeAsync() => Task.CompletedTask;
    public void Dispose() => Database.Dispose();

    public static async Task FillAsync(TestDatabase db)
    {
        // 1,200 events, one every 3 days from 1 Jan 1930, kinds in rotation; every tenth involves Radek,
        // every fifteenth Bukharin; a long exile spans the whole decade.
        using var ctx = db.NewContext();
        var source = new Source { Title = "Register", Kind = SourceKind.ArchivalDocument };
        var radek = new Person { Name = "Karl Radek" };
        var bukharin = new Person { Name = "Nikolai Bukharin" };
        // Found by surname, as the seed's persons are: the name filter matches whole names and their starts.
        radek.SetNames(["Radek"]);
        bukharin.SetNames(["Bukharin"]);
        var kinds = new[] { EventKind.Arrest, EventKind.Trial, EventKind.Meeting };
        for (var i = 0; i < 1200; i++)
        {
            var d = First.AddDays(3 * i);
            var e = new Event
            {
                Title = $"Event {i}", Kind = kinds[i % 3], ClaimStatus = ClaimStatus.Stated,
                Start = HistoricalDate.Create(d.Year, d.Month, d.Day),
                Evidence = [new EvidenceLink { Source = source, Locator = $"l. {i}" }],
            };
            if (e.Kind == EventKind.Trial) e.Participants.Add(new Participation { Person = new Person { Name = $"Defendant {i}" }, Role = ParticipantRole.Defendant });
            if (e.Kind == EventKind.Arrest) e.Participants.Add(new Participation { Person = new Person { Name = $"Arrested {i}" }, Role = ParticipantRole.Arrested });
            if (i % 10 == 0) e.Participants.Add(new Participation { Person = radek, Role = ParticipantRole.Witness });
            if (i % 15 == 0) e.Participants.Add(new Participation { Person = bukharin, Role = ParticipantRole.Witness });
            ctx.Events.Add(e);
        }
        ctx.Events.Add(new Event
        {
            Title = "A long exile", Kind = EventKind.Exile, ClaimStatus = ClaimStatus.Stated,
            Start = HistoricalDate.ParseEdtf("1929"), End = HistoricalDate.ParseEdtf("1939"),
            Evidence = [new EvidenceLink { Source = source, Locator = "l. 9999" }],
        });
        await ctx.SaveChangesAsync();
    }
}

public sealed class TimelineQueryTests(TimelineData data) : IClassFixture<TimelineData>
{
    private static readonly DateOnly First = TimelineData.First;
    private readonly TestDatabase _db = data.Database;

    private Task<TimelineWindow> Window(DateOnly from, DateOnly to, EventFilter? filter = null) =>
        Window(_db, from, to, filter);

    private static Task<TimelineWindow> Window(TestDatabase db, DateOnly from, DateOnly to, EventFilter? filter = null) =>
        db.Get<TimelineQueries>().WindowAsync(filter ?? new EventFilter(), from, to);

    [Fact]
    public async Task A_sparse_range_returns_its_events_and_the_long_ones_crossing_it()
    {
        var w = await Window(new DateOnly(1931, 1, 1), new DateOnly(1931, 3, 31));

        Assert.False(w.IsDensity);
        Assert.Equal(31, w.Items.Count); // 30 events of the quarter + the exile that spans it
        Assert.Contains(w.Items, i => i.Title == "A long exile" && i.Uncertain);
        Assert.Equal(w.Items.Count, w.Total);
        Assert.All(w.Items, i => Assert.True(i.Latest >= new DateOnly(1931, 1, 1) && i.Earliest <= new DateOnly(1931, 3, 31)));
    }

    [Fact]
    public async Task A_dense_range_returns_buckets_never_items_beyond_the_cap()
    {
        var w = await Window(new DateOnly(1925, 1, 1), new DateOnly(1945, 12, 31));

        Assert.True(w.IsDensity);
        Assert.Empty(w.Items);
        Assert.Equal(1201, w.Total);
        Assert.Equal(BucketUnit.Quarter, w.Unit);
        Assert.InRange(w.Buckets.Count, 1, TimelineQueries.Cap);
    }

    [Fact]
    public async Task Bars_are_items_too_so_a_range_that_would_need_more_than_the_cap_gets_a_wider_unit()
    {
        // Every kind on every day of 60 days: 60 days x 11 kinds would be 660 day bars.
        using var db = new TestDatabase();
        using (var ctx = db.NewContext())
        {
            var source = new Source { Title = "Daily register", Kind = SourceKind.ArchivalDocument };
            var kinds = Enum.GetValues<EventKind>().Take(11).ToList();
            var first = new DateOnly(1937, 3, 1);
            for (var day = 0; day < 60; day++)
                foreach (var kind in kinds)
                {
                    var d = first.AddDays(day);
                    var e = new Event
                    {
                        Title = $"{kind} {d}", Kind = kind, ClaimStatus = ClaimStatus.Stated,
                        Start = HistoricalDate.Create(d.Year, d.Month, d.Day),
                        Evidence = [new EvidenceLink { Source = source, Locator = $"l. {day}" }],
                    };
                    if (kind == EventKind.Trial) e.Participants.Add(new Participation { Person = new Person { Name = $"Defendant {day}" }, Role = ParticipantRole.Defendant });
                    if (kind == EventKind.Arrest) e.Participants.Add(new Participation { Person = new Person { Name = $"Arrested {day}" }, Role = ParticipantRole.Arrested });
                    ctx.Events.Add(e);
                }
            await ctx.SaveChangesAsync();
        }

        var w = await Window(db, new DateOnly(1937, 3, 1), new DateOnly(1937, 4, 29));

        Assert.True(w.IsDensity);
        Assert.Equal(BucketUnit.Week, w.Unit);
        Assert.InRange(w.Buckets.Count, 1, TimelineQueries.Cap);
        Assert.Equal(660, w.Buckets.Sum(x => x.Count));
    }

    [Theory]
    [InlineData("1925-01-01", "1945-12-31")]
    [InlineData("1930-01-01", "1934-06-30")]
    [InlineData("1930-02-10", "1936-11-20")]
    [InlineData("1929-05-01", "1934-05-01")]
    [InlineData("1933-03-03", "1937-12-31")]
    public async Task Density_buckets_add_up_to_the_true_count(string from, string to)
    {
        var a = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture);
        var b = DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture);
        var w = await Window(a, b);

        Assert.True(w.IsDensity);
        // The range widens to whole buckets; the bars count the events dated inside it, each once.
        Assert.True(w.From <= a && w.To >= b);
        Assert.Equal(Buckets.Floor(w.From, w.Unit!.Value), w.From);
        using var ctx = _db.NewContext();
        int Dated(EventKind? kind) => ctx.Events.Count(e => e.SortDay >= w.From.DayNumber && e.SortDay <= w.To.DayNumber && (kind == null || e.Kind == kind));
        Assert.Equal(Dated(null), w.Total);
        Assert.Equal(w.Total, w.Buckets.Sum(x => x.Count));
        Assert.All(w.Buckets, x =>
        {
            Assert.Equal(Buckets.Floor(x.Start, w.Unit!.Value), x.Start);
            Assert.True(x.End >= x.Start);
        });
        // Each kind's bars add up to that kind's events.
        Assert.Equal(Dated(EventKind.Arrest), w.Buckets.Where(x => x.Lane == TimelineQueries.LaneOf(EventKind.Arrest)).Sum(x => x.Count));
    }

    [Fact]
    public async Task The_total_of_a_dense_range_equals_the_filtered_count()
    {
        var filter = new EventFilter { FromYear = 1931, ToYear = 1935 };
        var w = await Window(new DateOnly(1931, 1, 1), new DateOnly(1935, 12, 31), filter);
        Assert.True(w.IsDensity);
        // Bars count events by sort date: the filter's count less the exile that began in 1929 and reaches in.
        Assert.Equal(await _db.Get<EventQueries>().CountAsync(filter) - 1, w.Total);
        Assert.Equal(w.Total, w.Buckets.Sum(x => x.Count));
    }

    [Fact]
    public async Task Filtering_by_persons_gives_one_lane_per_person()
    {
        var w = await Window(new DateOnly(1925, 1, 1), new DateOnly(1945, 12, 31), new EventFilter { PersonNames = ["Radek", "Bukharin"] });

        Assert.False(w.IsDensity); // 120 + 80 events, 40 shared: 160 events, 200 items
        Assert.Equal(160, w.Total);
        Assert.Equal(["Karl Radek", "Nikolai Bukharin"], w.Lanes.Select(l => l.Label));
        Assert.Equal(120, w.Items.Count(i => i.Lane == w.Lanes[0].Id));
        Assert.Equal(80, w.Items.Count(i => i.Lane == w.Lanes[1].Id));
    }

    [Fact]
    public async Task Dense_person_lanes_count_each_persons_events()
    {
        using var db = new TestDatabase();
        await TimelineData.FillAsync(db);
        using (var ctx = db.NewContext())
        {
            var radek = ctx.Persons.Single(p => p.Name == "Karl Radek");
            var source = ctx.Sources.Single();
            for (var i = 0; i < 450; i++)
                ctx.Events.Add(new Event
                {
                    Title = $"Radek meeting {i}", Kind = EventKind.Meeting, ClaimStatus = ClaimStatus.Attributed,
                    Start = HistoricalDate.Create(1935, 1 + i % 12, 1 + i % 28),
                    Participants = [new Participation { PersonId = radek.Id, Role = ParticipantRole.Participant }],
                    Evidence = [new EvidenceLink { SourceId = source.Id, Locator = "p. 1" }],
                });
            await ctx.SaveChangesAsync();
        }

        var w = await Window(db, new DateOnly(1925, 1, 1), new DateOnly(1945, 12, 31), new EventFilter { PersonNames = ["Radek"] });

        Assert.True(w.IsDensity);
        Assert.Equal(570, w.Total);
        Assert.Equal(570, w.Buckets.Sum(b => b.Count));
        Assert.Equal(["Karl Radek"], w.Lanes.Select(l => l.Label));
    }

    [Theory]
    [InlineData(30, BucketUnit.Day)]
    [InlineData(300, BucketUnit.Week)]
    [InlineData(2000, BucketUnit.Month)]
    [InlineData(7000, BucketUnit.Quarter)]
    [InlineData(20000, BucketUnit.Year)]
    [InlineData(70000, BucketUnit.Decade)]
    public void Bucket_width_follows_the_visible_span(int days, BucketUnit unit)
    {
        Assert.Equal(unit, Buckets.UnitFor(First, First.AddDays(days)));
    }

    [Fact]
    public async Task The_extent_spans_the_filtered_events()
    {
        var extent = await _db.Get<TimelineQueries>().ExtentAsync(new EventFilter { Kinds = [EventKind.Arrest] });
        Assert.Equal(First, extent!.Value.From);
        Assert.Null(await _db.Get<TimelineQueries>().ExtentAsync(new EventFilter { PersonNames = ["nobody"] }));
    }
}
