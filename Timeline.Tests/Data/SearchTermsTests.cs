using Microsoft.EntityFrameworkCore;
using Timeline.Domain.Data;
using Timeline.Domain.ImportExport;
using Timeline.Domain.Queries;
using Timeline.Tests.Support;

namespace Timeline.Tests.Data;

/// <summary>
/// The table of the index's words (<c>EventSearchTerms</c>), from which a typed prefix is expanded to whole words, holds
/// every word of the index after each way the index is written: the seed's saves, an edit, an import.
/// </summary>
public sealed class SearchTermsTests : IAsyncLifetime, IDisposable
{
    private readonly TestDatabase _db = new();

    public async Task InitializeAsync() => await SmallDataset.LoadAsync(_db);
    public Task DisposeAsync() => Task.CompletedTask;
    public void Dispose() => _db.Dispose();

    /// <summary>Words of the index (FTS5's own vocabulary) missing from the table.</summary>
    private async Task<List<string>> MissingAsync()
    {
        using var ctx = _db.NewContext();
        await ctx.Database.OpenConnectionAsync();
        await ctx.Database.ExecuteSqlRawAsync("CREATE VIRTUAL TABLE IF NOT EXISTS temp.\"Vocab\" USING fts5vocab(main, 'EventSearch', 'row');");
        return await ctx.Database.SqlQueryRaw<string>(
            "SELECT \"term\" AS \"Value\" FROM temp.\"Vocab\" WHERE \"term\" NOT IN (SELECT \"Term\" FROM \"EventSearchTerms\")").ToListAsync();
    }

    private async Task<int> TermCountAsync()
    {
        using var ctx = _db.NewContext();
        return await ctx.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"EventSearchTerms\"").SingleAsync();
    }

    [Fact]
    public async Task Every_word_of_the_seeded_index_is_in_the_table()
    {
        Assert.True(await TermCountAsync() > 20);
        Assert.Empty(await MissingAsync());
    }

    [Fact]
    public async Task A_word_a_save_brings_is_added_and_a_prefix_of_it_finds_the_event()
    {
        int id;
        using (var ctx = _db.NewContext())
        {
            // A word beginning like one the seed has ("Prinkipo"), so that its prefix expands to known words and must
            // take in the new one too.
            var e = await ctx.Events.OrderBy(x => x.Id).FirstAsync();
            e.Summary += " Prinkipovskaya";
            await ctx.SaveChangesAsync();
            id = e.Id;
        }

        Assert.Empty(await MissingAsync());
        var page = await _db.Get<EventQueries>().SearchAsync(new EventFilter { Text = "prinkip" });
        Assert.Contains(page.Items, x => x.Id == id);
        Assert.Contains(page.Items, x => x.Key == "blumkin-meets-trotsky");
    }

    [Fact]
    public async Task The_words_of_an_import_are_added()
    {
        var before = await TermCountAsync();

        await _db.Get<DatasetImporter>().ImportAsync(
            new SyntheticData(new SyntheticOptions { Events = 300, Persons = 60, Sources = 10, Seed = 3 }).Entries(), null);

        Assert.True(await TermCountAsync() > before);
        Assert.Empty(await MissingAsync());
    }
}
