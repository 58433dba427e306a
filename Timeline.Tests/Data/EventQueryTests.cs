using Timeline.Domain.Model;
using Timeline.Domain.Queries;
using Timeline.Tests.Support;

namespace Timeline.Tests.Data;

public sealed class EventQueryTests : IAsyncLifetime, IDisposable
{
    private readonly TestDatabase _db = new();
    private Dictionary<string, int> _ids = [];

    public async Task InitializeAsync() => _ids = await SmallDataset.LoadAsync(_db);
    public Task DisposeAsync() => Task.CompletedTask;
    public void Dispose() => _db.Dispose();

    private async Task<string[]> Keys(EventFilter filter)
    {
        var page = await _db.Get<EventQueries>().SearchAsync(filter, 1, 500);
        Assert.Equal(page.Items.Count, page.Total);
        return page.Items.Select(e => e.Key!).ToArray();
    }

    [Fact]
    public async Task No_filter_returns_every_event_in_chronological_order()
    {
        Assert.Equal(["mias-expelled", "mias-arrest", "trotsky-deported", "blumkin-meets-trotsky", "blumkin-arrest", "blumkin-shot", "trial-1936", "mias-return"],
            await Keys(new EventFilter()));
    }

    [Theory]
    [InlineData("Miasnikov")]
    [InlineData("myasnikov")]
    [InlineData("MJASNIKOV")]
    [InlineData("Мясников")]
    [InlineData("Gavriil")]
    public async Task A_person_filter_matches_every_spelling_of_the_name(string name)
    {
        Assert.Equal(["mias-expelled", "mias-arrest", "mias-return"], await Keys(new EventFilter { PersonNames = [name] }));
    }

    [Fact]
    public async Task Two_persons_match_events_of_either()
    {
        Assert.Equal(["trotsky-deported", "blumkin-meets-trotsky", "blumkin-arrest", "blumkin-shot"],
            await Keys(new EventFilter { PersonNames = ["Blumkin", "Троцкий"] }));
    }

    [Fact]
    public async Task An_unknown_person_matches_nothing_rather_than_everything()
    {
        Assert.Empty(await Keys(new EventFilter { PersonNames = ["Nobody-at-all"] }));
    }

    [Fact]
    public async Task A_year_range_keeps_events_whose_dates_reach_into_it()
    {
        Assert.Equal(["trotsky-deported", "blumkin-meets-trotsky", "blumkin-arrest", "blumkin-shot"],
            await Keys(new EventFilter { FromYear = 1929, ToYear = 1929 }));
        // A trial running 19-24 Aug 1936 is in 1936; "before 1945" may lie in 1936 too.
        Assert.Equal(["trial-1936", "mias-return"], await Keys(new EventFilter { FromYear = 1936, ToYear = 1936 }));
        Assert.Equal(["mias-expelled", "mias-arrest"], await Keys(new EventFilter { ToYear = 1923 }));
    }

    [Fact]
    public async Task Kinds_and_claim_statuses_filter_and_combine()
    {
        Assert.Equal(["mias-arrest", "blumkin-arrest"], await Keys(new EventFilter { Kinds = [EventKind.Arrest] }));
        Assert.Equal(["mias-arrest", "blumkin-meets-trotsky"], await Keys(new EventFilter { Statuses = [ClaimStatus.Attributed] }));
        Assert.Equal(["blumkin-arrest"], await Keys(new EventFilter { Kinds = [EventKind.Arrest], Statuses = [ClaimStatus.Stated], PersonNames = ["blumkin"], FromYear = 1929 }));
        Assert.Empty(await Keys(new EventFilter { Kinds = [EventKind.Trial], PersonNames = ["Miasnikov"] }));
    }

    [Fact]
    public async Task Text_search_covers_titles_people_and_sources()
    {
        Assert.Equal(["blumkin-meets-trotsky"], await Keys(new EventFilter { Text = "Prinkipo" }));
        Assert.Equal(["blumkin-meets-trotsky", "blumkin-arrest"], await Keys(new EventFilter { Text = "dossier" }));
        Assert.Equal(["trial-1936"], await Keys(new EventFilter { Text = "Zinovyev" }));
        Assert.Equal(["mias-expelled", "mias-arrest", "mias-return"], await Keys(new EventFilter { Text = "Мясников" }));
        Assert.Equal(["blumkin-arrest"], await Keys(new EventFilter { Text = "ogpu arr" }));
    }

    [Fact]
    public async Task A_quoted_phrase_finds_exactly_the_events_holding_its_words_in_that_order()
    {
        Assert.Equal(["mias-arrest"], await Keys(new EventFilter { Text = "\"arrested in Moscow\"" }));
        Assert.Empty(await Keys(new EventFilter { Text = "\"Moscow arrested\"" }));
        Assert.Equal(["mias-arrest"], await Keys(new EventFilter { Text = "Moscow arrested" }));
    }

    /// <summary>
    /// Search syntax a reader may type (or paste) is never passed to the full-text engine: each input finds what a
    /// search for the plain words it holds finds. Operators are words like any other (no event holds a word starting
    /// with "or", so OR finds nothing rather than either name), and text without a word finds nothing.
    /// </summary>
    [Theory]
    [InlineData("\"Miasnikov arr", "Miasnikov arr", "mias-arrest")]
    [InlineData("Blumk*", "Blumk", "blumkin-meets-trotsky blumkin-arrest blumkin-shot")]
    [InlineData("-Trotsky", "Trotsky", "trotsky-deported blumkin-meets-trotsky")]
    [InlineData("Blumkin:shot ^", "Blumkin shot", "blumkin-shot")]
    [InlineData("(Zinovyev)", "Zinovyev", "trial-1936")]
    [InlineData("Blumkin OR Trotsky", "blumkin or trotsky", "")]
    [InlineData("AND OR NOT", "and or not", "")]
    [InlineData("* \" ^", "", "")]
    public async Task Text_search_reads_search_syntax_as_the_plain_words_it_holds(string typed, string words, string keys)
    {
        var expected = keys.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(expected, await Keys(new EventFilter { Text = typed }));
        if (words.Length > 0) Assert.Equal(expected, await Keys(new EventFilter { Text = words }));
    }

    [Fact]
    public async Task Paging_splits_the_ordered_result_and_reports_the_total()
    {
        var q = _db.Get<EventQueries>();
        var first = await q.SearchAsync(new EventFilter(), 1, 3);
        var third = await q.SearchAsync(new EventFilter(), 3, 3);
        Assert.Equal(8, first.Total);
        Assert.Equal(["mias-expelled", "mias-arrest", "trotsky-deported"], first.Items.Select(e => e.Key));
        Assert.Equal(["trial-1936", "mias-return"], third.Items.Select(e => e.Key));
    }

    [Fact]
    public async Task A_view_carries_its_participants_evidence_and_kind_details()
    {
        var e = await _db.Get<EventQueries>().GetAsync(_ids["trial-1936"]);
        Assert.NotNull(e);
        Assert.Equal("19 Aug 1936 – 24 Aug 1936", e.DateDisplay);
        Assert.Equal("Grigory Zinoviev", Assert.Single(e.Participants).Name);
        Assert.Equal("Essay on the Moscow Trials", Assert.Single(e.Evidence).Source);
        Assert.NotNull(e.Trial);
        Assert.Null(e.Arrest);
    }

    [Fact]
    public async Task Deleted_events_disappear_from_queries()
    {
        using (var ctx = _db.NewContext())
        {
            var e = ctx.Events.Single(x => x.Key == "blumkin-shot");
            e.IsDeleted = true;
            await ctx.SaveChangesAsync();
        }
        Assert.DoesNotContain("blumkin-shot", await Keys(new EventFilter()));
        Assert.DoesNotContain("blumkin-shot", await Keys(new EventFilter { Text = "shot" }));
        Assert.Null(await _db.Get<EventQueries>().GetAsync(_ids["blumkin-shot"]));
    }
}
