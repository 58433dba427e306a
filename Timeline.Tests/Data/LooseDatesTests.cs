using Microsoft.EntityFrameworkCore;
using Timeline.Domain.Dates;
using Timeline.Domain.Model;
using Timeline.Domain.Queries;
using Timeline.Tests.Support;

namespace Timeline.Tests.Data;

/// <summary>
/// A June 1937 crowded by loosely dated events, as a million-event database is: 600 dated only to 1937, 150 only to June
/// 1937, 30 by a range over 1936–1938, beside 40 dated to a day and 5 three-day events. Karl Radek takes part in three
/// of every four.
/// </summary>
public sealed class LooseData : IAsyncLifetime, IDisposable
{
    public TestDatabase Database { get; } = new();

    public Task InitializeAsync() => FillAsync(Database);
    public Task DisposeAsync() => Task.CompletedTask;
    public void Dispose() => Database.Dispose();

    private static async Task FillAsync(TestDatabase db)
    {
        using var ctx = db.NewContext();
        var source = new Source { Title = "Register", Kind = SourceKind.ArchivalDocument };
        var radek = new Person { Name = "Karl Radek" };
        radek.SetNames(["Radek"]);
        var n = 0;
        void Add(EventKind kind, HistoricalDate start, HistoricalDate? end = null)
        {
            var e = new Event
            {
                Title = $"Event {n}", Kind = kind, ClaimStatus = ClaimStatus.Stated, Start = start, End = end,
                Evidence = [new EvidenceLink { Source = source, Locator = $"l. {n}" }],
            };
            if (n++ % 4 != 3) e.Participants.Add(new Participation { Person = radek, Role = ParticipantRole.Participant });
            ctx.Events.Add(e);
        }
        for (var i = 0; i < 600; i++) Add(i % 3 == 0 ? EventKind.Document : EventKind.Meeting, HistoricalDate.Create(1937));
        for (var i = 0; i < 150; i++) Add(EventKind.Meeting, HistoricalDate.Create(1937, 6));
        for (var i = 0; i < 30; i++) Add(EventKind.Document, HistoricalDate.Create(1936), HistoricalDate.Create(1938));
        for (var i = 0; i < 40; i++) Add(i % 2 == 0 ? EventKind.Meeting : EventKind.Document, HistoricalDate.Create(1937, 6, 1 + i / 2));
        for (var i = 0; i < 5; i++) Add(EventKind.Document, HistoricalDate.Create(1937, 6, 13), HistoricalDate.Create(1937, 6, 15));
        await ctx.SaveChangesAsync();
    }
}

public sealed class LooseDatesTests(LooseData data) : IClassFixture<LooseData>
{
    private readonly TestDatabase _db = data.Database;

    private static DateOnly Day(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private sealed record Plain(int Id, string Lane, int EarliestDay, int LatestDay);

    /// <summary>Every event reaching into [from, to], once per lane it is drawn in, read plainly.</summary>
    private async Task<List<Plain>> ReachingAsync(DateOnly from, DateOnly to, bool byPerson)
    {
        using var ctx = _db.NewContext();
        var events = await ctx.Events.AsNoTracking().Include(e => e.Participants).ThenInclude(p => p.Person).ToListAsync();
        return events.Where(e => e.EarliestDay <= to.DayNumber && e.LatestDay >= from.DayNumber)
            .SelectMany(e => byPerson
                ? e.Participants.Where(p => p.Person!.Name == "Karl Radek").Select(p => new Plain(e.Id, TimelineQueries.LaneOf(p.PersonId), e.EarliestDay, e.LatestDay))
                : [new Plain(e.Id, TimelineQueries.LaneOf(e.Kind), e.EarliestDay, e.LatestDay)])
            .ToList();
    }

    [Theory]
    [InlineData("1937-06-14", "1937-06-20", false)]
    [InlineData("1937-06-01", "1937-06-30", false)]
    [InlineData("1937-06-10", "1937-06-12", false)]
    [InlineData("1937-05-20", "1937-06-16", false)]
    [InlineData("1937-06-14", "1937-06-20", true)]
    [InlineData("1937-06-01", "1937-06-30", true)]
    public async Task Events_dated_in_a_crowded_window_are_drawn_and_the_loosely_dated_ones_summaries_add_up_to_the_true_counts(
        string fromIso, string toIso, bool byPerson)
    {
        DateOnly from = Day(fromIso), to = Day(toIso);
        var filter = byPerson ? new EventFilter { PersonNames = ["Radek"] } : new EventFilter();
        var plain = await ReachingAsync(from, to, byPerson);
        var maxSpan = to.DayNumber - from.DayNumber;
        // The window is crowded: drawing every event that reaches into it would pass the cap.
        Assert.True(plain.Count > TimelineQueries.Cap || byPerson);

        var w = await _db.Get<TimelineQueries>().WindowAsync(filter, from, to);

        Assert.False(w.IsDensity);
        var narrow = plain.Where(p => p.LatestDay - p.EarliestDay <= maxSpan).ToList();
        var wide = plain.Where(p => p.LatestDay - p.EarliestDay > maxSpan).ToList();
        if (plain.Count <= TimelineQueries.Cap)
        {
            // Not crowded (one person's share): every event is drawn, nothing is summarised.
            Assert.Empty(w.Loose);
            Assert.Equal(plain.Select(p => (p.Id, p.Lane)).Order(), w.Items.Select(i => (i.EventId, i.Lane)).Order());
            return;
        }
        Assert.NotEmpty(wide);
        // Drawn: exactly the events no wider than the window, each in its lanes.
        Assert.Equal(narrow.Select(p => (p.Id, p.Lane)).Order(), w.Items.Select(i => (i.EventId, i.Lane)).Order());
        Assert.Equal(narrow.Select(p => p.Id).Distinct().Count(), w.Total);
        // Summarised: the others, per lane and month, year or other span, adding up to the true counts.
        var expected = wide.GroupBy(p => (p.Lane, Period: LooseDates.PeriodOf(p.EarliestDay, p.LatestDay),
                Key: LooseDates.PeriodOf(p.EarliestDay, p.LatestDay) == LoosePeriod.Span ? 0 : p.EarliestDay))
            .Select(g => (g.Key.Lane, g.Key.Period, DateOnly.FromDayNumber(g.Min(p => p.EarliestDay)), DateOnly.FromDayNumber(g.Max(p => p.LatestDay)), g.Count()))
            .Order().ToList();
        Assert.Equal(expected, w.Loose.Select(l => (l.Lane, l.Period, l.From, l.To, l.Count)).Order().ToList());
        foreach (var lane in plain.Select(p => p.Lane).Distinct())
            Assert.Equal(plain.Count(p => p.Lane == lane), w.Items.Count(i => i.Lane == lane) + w.Loose.Where(l => l.Lane == lane).Sum(l => l.Count));
        // Every lane with a summary is shown.
        Assert.Subset(w.Lanes.Select(l => l.Id).ToHashSet(), w.Loose.Select(l => l.Lane).ToHashSet());
    }

    [Fact]
    public async Task A_week_of_June_1937_names_its_loose_events_by_month_year_and_span()
    {
        var w = await _db.Get<TimelineQueries>().WindowAsync(new EventFilter(), Day("1937-06-14"), Day("1937-06-20"));

        var meeting = TimelineQueries.LaneOf(EventKind.Meeting);
        var document = TimelineQueries.LaneOf(EventKind.Document);
        Assert.Equal(
            [
                // Lanes in the app's order of kinds (Meeting before Document); in a lane months and years in time, then other spans.
                (meeting, LoosePeriod.Year, Day("1937-01-01"), Day("1937-12-31"), 400),
                (meeting, LoosePeriod.Month, Day("1937-06-01"), Day("1937-06-30"), 150),
                (document, LoosePeriod.Year, Day("1937-01-01"), Day("1937-12-31"), 200),
                (document, LoosePeriod.Span, Day("1936-01-01"), Day("1938-12-31"), 30),
            ],
            w.Loose.Select(l => (l.Lane, l.Period, l.From, l.To, l.Count)));
        Assert.Equal(14 + 5, w.Total);
    }

    [Fact]
    public async Task A_window_whose_placeable_events_pass_the_cap_turns_to_bars()
    {
        // Over the whole of 1937 the year-dated events fit the window: 795 placeable events, more than the cap.
        var w = await _db.Get<TimelineQueries>().WindowAsync(new EventFilter(), Day("1937-01-01"), Day("1937-12-31"));

        Assert.True(w.IsDensity);
        Assert.Empty(w.Loose);
    }

    [Theory]
    [InlineData(0, 0, LoosePeriod.Span)]
    [InlineData(0, 30, LoosePeriod.Month)]
    [InlineData(0, 364, LoosePeriod.Year)]
    [InlineData(1, 30, LoosePeriod.Span)]
    [InlineData(0, 29, LoosePeriod.Span)]
    [InlineData(0, 729, LoosePeriod.Span)]
    public void Bounds_are_a_month_a_year_or_another_span(int startOffset, int length, LoosePeriod period)
    {
        var first = new DateOnly(1937, 1, 1).DayNumber + startOffset;
        Assert.Equal(period, LooseDates.PeriodOf(first, first + length));
    }
}
