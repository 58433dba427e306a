using Timeline.Domain.Dates;
using Timeline.Domain.Model;
using Timeline.Domain.Queries;
using Timeline.Tests.Support;

namespace Timeline.Tests.Data;

public sealed class DetailQueryTests : IAsyncLifetime, IDisposable
{
    private readonly TestDatabase _db = new();
    private Dictionary<string, int> _ids = [];

    public async Task InitializeAsync()
    {
        _ids = await SmallDataset.LoadAsync(_db);
        foreach (var (key, id) in await SmallDataset.LoadDetailsAsync(_db)) _ids[key] = id;
    }

    public Task DisposeAsync() => Task.CompletedTask;
    public void Dispose() => _db.Dispose();

    private DetailQueries Queries => _db.Get<DetailQueries>();

    private string KeyOf(int id) => _ids.Single(p => p.Value == id).Key;

    private static DateOnly Day(int year, int month, int day) => new(year, month, day);

    [Fact]
    public async Task Related_events_share_a_person_and_lie_within_a_year_in_date_order()
    {
        var details = await Queries.GetEventAsync(_ids["blumkin-arrest"]);
        Assert.NotNull(details);
        Assert.Equal("OGPU arrests Blumkin", details.Event.Title);
        Assert.Equal(["blumkin-meets-trotsky", "blumkin-shot"], details.Related.Select(r => KeyOf(r.Id)));
        Assert.All(details.Related, r => Assert.Equal(["Yakov Blumkin"], r.Shared.Select(p => p.Name)));
        Assert.Equal(2, details.RelatedTotal);
    }

    [Fact]
    public async Task Related_events_name_every_shared_person_in_the_events_own_order()
    {
        var details = await Queries.GetEventAsync(_ids["mias-trial-1945"]);
        Assert.NotNull(details);
        // "Before 1945" reaches back to 1935, so it may lie within the year too.
        Assert.Equal(["mias-arrest-1945", "mias-shot-1945", "mias-return"], details.Related.Select(r => KeyOf(r.Id)));
        Assert.Equal(["Gavriil Miasnikov", "Vasily Ulrikh"], details.Related[1].Shared.Select(p => p.Name));
        Assert.Equal(SmallDataset.PersonId(_db, "ulrikh"), details.Related[1].Shared[1].Id);
        Assert.Equal("16 Nov 1945", details.Related[1].DateDisplay);
    }

    [Fact]
    public async Task Events_of_the_same_person_more_than_a_year_away_are_not_related()
    {
        // Expelled 20 Feb 1922; the next arrest is c. May 1923, whose earliest day is 1 Apr 1923.
        var details = await Queries.GetEventAsync(_ids["mias-expelled"]);
        Assert.NotNull(details);
        Assert.Empty(details.Related);
        Assert.Equal(0, details.RelatedTotal);
    }

    [Fact]
    public async Task Related_events_are_capped_to_the_closest_in_time_and_the_total_is_kept()
    {
        var center = new DateOnly(1930, 6, 15);
        using (var ctx = _db.NewContext())
        {
            var person = new Person { Key = "busy", Name = "Busy Person" };
            person.SetNames([]);
            var source = ctx.Sources.Single(s => s.Key == "essay");
            Event At(string key, DateOnly day) => new()
            {
                Key = key, Kind = EventKind.Meeting, Title = key, ClaimStatus = ClaimStatus.Stated,
                Start = HistoricalDate.Create(day.Year, day.Month, day.Day),
                Participants = [new Participation { Person = person, Role = ParticipantRole.Participant }],
                Evidence = [new EvidenceLink { Source = source, Locator = "p. 9" }],
            };
            ctx.Events.Add(At("busy-center", center));
            for (var week = 1; week <= 12; week++) ctx.Events.Add(At($"busy-before-{week}", center.AddDays(-7 * week)));
            for (var week = 1; week <= 13; week++) ctx.Events.Add(At($"busy-after-{week}", center.AddDays(7 * week)));
            await ctx.SaveChangesAsync();
            foreach (var e in ctx.Events.Where(e => e.Key!.StartsWith("busy-"))) _ids[e.Key!] = e.Id;
        }

        var details = await Queries.GetEventAsync(_ids["busy-center"]);
        Assert.NotNull(details);
        Assert.Equal(25, details.RelatedTotal);
        Assert.Equal(DetailQueries.RelatedLimit, details.Related.Count);
        var expected = Enumerable.Range(1, 10).Reverse().Select(w => $"busy-before-{w}")
            .Concat(Enumerable.Range(1, 10).Select(w => $"busy-after-{w}"));
        Assert.Equal(expected, details.Related.Select(r => r.Title));
    }

    [Fact]
    public async Task A_person_page_lists_the_persons_events_by_date_with_roles_outcomes_and_bounds()
    {
        var details = await Queries.GetPersonAsync(SmallDataset.PersonId(_db, "miasnikov"));
        Assert.NotNull(details);
        Assert.Equal("Gavriil Miasnikov", details.Person.Name);
        Assert.Equal(["Myasnikov", "Гавриил Мясников"], details.Person.Variants);
        // "Before 1945" sorts at its latest day, after everything else in 1945.
        Assert.Equal(["mias-soviet-1917", "mias-expelled", "mias-arrest", "mias-arrest-1945", "mias-trial-1945", "mias-shot-1945", "mias-return"],
            details.Events.Select(e => KeyOf(e.EventId)));
        var rows = details.Events.ToDictionary(e => KeyOf(e.EventId));
        Assert.Equal([ParticipantRole.Speaker], rows["mias-soviet-1917"].Roles);
        Assert.Equal("c. 25 Oct (7 Nov) 1917", rows["mias-soviet-1917"].DateDisplay);
        Assert.Equal(Day(1917, 10, 31).DayNumber, rows["mias-soviet-1917"].EarliestDay);
        Assert.Equal(Day(1917, 11, 14).DayNumber, rows["mias-soviet-1917"].LatestDay);
        Assert.Equal([ParticipantRole.Defendant], rows["mias-trial-1945"].Roles);
        Assert.Equal("Shot on 16 Nov 1945", rows["mias-trial-1945"].Outcome);
        Assert.Equal(ClaimStatus.Disputed, rows["mias-trial-1945"].ClaimStatus);
        Assert.Equal(EventKind.Trial, rows["mias-trial-1945"].Kind);
        Assert.Equal("Held in Butyrki", rows["mias-arrest-1945"].Outcome);
        Assert.Null(rows["mias-expelled"].Outcome);
    }

    [Fact]
    public async Task The_people_a_person_appears_with_most_come_first_with_their_counts()
    {
        var miasnikov = await Queries.GetPersonAsync(SmallDataset.PersonId(_db, "miasnikov"));
        Assert.NotNull(miasnikov);
        Assert.Equal([("Vasily Ulrikh", 2), ("I. O. Matulevich", 1)], miasnikov.Companions.Select(c => (c.Name, c.SharedEvents)));
        Assert.Equal(SmallDataset.PersonId(_db, "ulrikh"), miasnikov.Companions[0].PersonId);

        var trotsky = await Queries.GetPersonAsync(SmallDataset.PersonId(_db, "trotsky"));
        Assert.Equal([("Yakov Blumkin", 1)], trotsky!.Companions.Select(c => (c.Name, c.SharedEvents)));

        var zinoviev = await Queries.GetPersonAsync(SmallDataset.PersonId(_db, "zinoviev"));
        Assert.Equal(["trial-1936"], zinoviev!.Events.Select(e => KeyOf(e.EventId)));
        Assert.Empty(zinoviev.Companions);
    }

    [Fact]
    public async Task A_person_with_two_roles_in_one_event_is_listed_once_with_both_and_counted_once()
    {
        using (var ctx = _db.NewContext())
        {
            ctx.Participations.Add(new Participation
            {
                EventId = _ids["mias-trial-1945"], PersonId = SmallDataset.PersonId(_db, "matulevich"),
                Role = ParticipantRole.Witness, Outcome = "Questioned the defendant", Position = 9,
            });
            await ctx.SaveChangesAsync();
        }
        var details = await Queries.GetPersonAsync(SmallDataset.PersonId(_db, "matulevich"));
        var trial = Assert.Single(details!.Events);
        Assert.Equal([ParticipantRole.Judge, ParticipantRole.Witness], trial.Roles);
        Assert.Equal("Questioned the defendant", trial.Outcome);
        Assert.Equal([("Gavriil Miasnikov", 1), ("Vasily Ulrikh", 1)], details.Companions.Select(c => (c.Name, c.SharedEvents)));
    }

    [Fact]
    public async Task A_source_page_lists_every_event_it_evidences_by_date_with_locator_stance_and_note()
    {
        var details = await Queries.GetSourceAsync(SmallDataset.SourceId(_db, "case-file"));
        Assert.NotNull(details);
        Assert.Equal("TsA FSB f. R-33833 d. 1 t. 3 l. 94-126", details.Source.Archive?.ToString());
        Assert.Equal(3, details.Source.EvidenceCount);
        Assert.Equal(
            [
                ("mias-arrest-1945", "l. 3", Stance.Supports, (string?)null, "1945-01"),
                ("mias-trial-1945", "l. 94-126", Stance.Supports, "Minutes of the closed session", null),
                ("mias-shot-1945", "l. 130", Stance.Supports, null, "1945-11-16"),
            ],
            details.Events.Select(x => (KeyOf(x.EventId), x.Locator, x.Stance, x.Note, x.EvidenceDate?.ToEdtf())));
        Assert.Equal("Military Collegium tries Miasnikov", details.Events[1].Title);
        Assert.Equal("c. Jan 1945", details.Events[0].DateDisplay);
    }

    [Fact]
    public async Task Deleted_events_leave_the_person_and_source_pages()
    {
        using (var ctx = _db.NewContext())
        {
            ctx.Events.Single(e => e.Key == "mias-shot-1945").IsDeleted = true;
            await ctx.SaveChangesAsync();
        }
        var person = await Queries.GetPersonAsync(SmallDataset.PersonId(_db, "miasnikov"));
        Assert.DoesNotContain(person!.Events, e => e.EventId == _ids["mias-shot-1945"]);
        // Equal counts go by name.
        Assert.Equal([("I. O. Matulevich", 1), ("Vasily Ulrikh", 1)], person.Companions.Select(c => (c.Name, c.SharedEvents)));
        var source = await Queries.GetSourceAsync(SmallDataset.SourceId(_db, "case-file"));
        Assert.Equal(["mias-arrest-1945", "mias-trial-1945"], source!.Events.Select(x => KeyOf(x.EventId)));
        var trial = await Queries.GetEventAsync(_ids["mias-trial-1945"]);
        Assert.DoesNotContain(trial!.Related, r => r.Id == _ids["mias-shot-1945"]);
    }

    [Fact]
    public async Task A_source_is_read_a_page_at_a_time_with_the_years_of_the_whole_list()
    {
        var id = SmallDataset.SourceId(_db, "case-file");
        var first = await Queries.GetSourceAsync(id, page: 1, pageSize: 2);
        var second = await Queries.GetSourceAsync(id, page: 2, pageSize: 2);

        Assert.Equal(["mias-arrest-1945", "mias-trial-1945"], first!.Events.Select(x => KeyOf(x.EventId)));
        Assert.Equal(["mias-shot-1945"], second!.Events.Select(x => KeyOf(x.EventId)));
        Assert.Equal((3, 3, 2), (first.TotalLinks, first.TotalEvents, first.PageCount));
        // One year, 1945, whose first row is on page 1.
        Assert.Equal([new SourceYearView(1945, 3, 3, 1)], first.Years);
        // A page past the end shows the last page rather than nothing.
        Assert.Equal(2, (await Queries.GetSourceAsync(id, page: 9, pageSize: 2))!.Page);
    }

    [Fact]
    public async Task A_deleted_record_is_told_apart_from_one_that_never_existed()
    {
        var id = _ids["mias-arrest-1945"];
        Assert.False(await Queries.IsDeletedAsync("event", id));
        using (var ctx = _db.NewContext())
        {
            ctx.Events.Single(e => e.Id == id).IsDeleted = true;
            await ctx.SaveChangesAsync();
        }
        Assert.True(await Queries.IsDeletedAsync("event", id));
        Assert.False(await Queries.IsDeletedAsync("event", 99_999));
        Assert.False(await Queries.IsDeletedAsync("person", SmallDataset.PersonId(_db, "miasnikov")));
    }

    [Fact]
    public async Task Missing_records_give_null()
    {
        Assert.Null(await Queries.GetEventAsync(99_999));
        Assert.Null(await Queries.GetPersonAsync(99_999));
        Assert.Null(await Queries.GetSourceAsync(99_999));
    }
}
