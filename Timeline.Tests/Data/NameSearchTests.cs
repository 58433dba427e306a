using Timeline.Domain.ImportExport;
using Timeline.Domain.Queries;
using Timeline.Tests.Support;

namespace Timeline.Tests.Data;

/// <summary>
/// Name filters match whole names and their starts at a word break (issue 11: "Miasnikov" pulled in his son Boris
/// and anyone named Miasnikova), say which persons they matched, and the person search finds a name by the starts
/// of its words in any order.
/// </summary>
public sealed class NameSearchTests : IAsyncLifetime, IDisposable
{
    private readonly TestDatabase _db = new();

    private const string Dataset = """
        {
          "sources": [ { "id": "doc-a", "title": "A case file", "kind": "archival-document" } ],
          "persons": [
            { "id": "miasnikov-gavriil", "name": "Gavriil Miasnikov", "variants": ["Myasnikov", "Гавриил Ильич Мясников"],
              "born": "1889", "died": "1945-11-16", "description": "Left communist." },
            { "id": "miasnikov-boris", "name": "Boris Miasnikov", "variants": ["Boris Myasnikov"], "died": "1944-10-10" },
            { "id": "miasnikova-darya", "name": "Darya Miasnikova", "variants": ["Miasnikova"] },
            { "id": "zinoviev-grigory", "name": "Grigory Zinoviev", "variants": ["Zinov'ev"] },
            { "id": "zinoviev-alexander", "name": "Alexander Zinoviev" },
            { "id": "pritt-denis", "name": "Denis Pritt", "variants": ["Pritt", { "name": "Pratt", "note": "misprint" }] }
          ],
          "events": [
            { "id": "gavriil", "kind": "other", "title": "G", "start": "1923", "claimStatus": "stated",
              "participants": [ { "person": "miasnikov-gavriil", "role": "subject" } ], "evidence": [ { "source": "doc-a", "locator": "l. 1" } ] },
            { "id": "boris", "kind": "death", "title": "B", "start": "1944", "claimStatus": "stated",
              "participants": [ { "person": "miasnikov-boris", "role": "deceased" } ], "evidence": [ { "source": "doc-a", "locator": "l. 2" } ] },
            { "id": "darya", "kind": "other", "title": "D", "start": "1945", "claimStatus": "stated",
              "participants": [ { "person": "miasnikova-darya", "role": "subject" } ], "evidence": [ { "source": "doc-a", "locator": "l. 3" } ] },
            { "id": "grigory", "kind": "other", "title": "Z", "start": "1936", "claimStatus": "stated",
              "participants": [ { "person": "zinoviev-grigory", "role": "subject" } ], "evidence": [ { "source": "doc-a", "locator": "l. 4" } ] },
            { "id": "alexander", "kind": "other", "title": "A", "start": "1976", "claimStatus": "stated",
              "participants": [ { "person": "zinoviev-alexander", "role": "author" } ], "evidence": [ { "source": "doc-a", "locator": "l. 5" } ] },
            { "id": "pritt", "kind": "other", "title": "P", "start": "1936", "claimStatus": "stated",
              "participants": [ { "person": "pritt-denis", "role": "witness" } ], "evidence": [ { "source": "doc-a", "locator": "l. 6" } ] }
          ]
        }
        """;

    public async Task InitializeAsync()
    {
        var file = Path.Combine(_db.Folder, "names.json");
        await File.WriteAllTextAsync(file, Dataset);
        await _db.Get<DatasetImporter>().ImportAsync(file);
    }

    public Task DisposeAsync() => Task.CompletedTask;
    public void Dispose() => _db.Dispose();

    private async Task<string[]> Keys(params string[] names) =>
        (await _db.Get<EventQueries>().SearchAsync(new EventFilter { PersonNames = names })).Items.Select(e => e.Key!).Order().ToArray();

    [Theory]
    [InlineData("Miasnikov", new[] { "gavriil" })]
    [InlineData("Мясников", new[] { "gavriil" })]
    [InlineData("Gavriil", new[] { "gavriil" })]
    [InlineData("гавриил ильич", new[] { "gavriil" })]
    [InlineData("Boris", new[] { "boris" })]
    [InlineData("Miasnikova", new[] { "darya" })]
    [InlineData("Zinoviev", new[] { "grigory" })]
    [InlineData("Pratt", new[] { "pritt" })]
    public async Task A_name_matches_whole_names_and_their_starts_at_a_word_break(string name, string[] expected)
    {
        Assert.Equal(expected, await Keys(name));
    }

    [Theory]
    [InlineData("Miasnik")]
    [InlineData("iasnikov")]
    [InlineData("Gav")]
    [InlineData("misprint")]
    public async Task Parts_of_words_and_notes_match_nothing(string name)
    {
        Assert.Empty(await Keys(name));
    }

    [Fact]
    public async Task The_page_says_which_persons_each_name_matched()
    {
        var page = await _db.Get<EventQueries>().SearchAsync(new EventFilter { PersonNames = ["Myasnikov", "Zinoviev", "nobody"] });

        Assert.Equal(["Myasnikov", "Zinoviev", "nobody"], page.MatchedPersons.Select(m => m.Name));
        var gavriil = Assert.Single(page.MatchedPersons[0].Persons);
        Assert.Equal(("Gavriil Miasnikov", "1889 – 16 Nov 1945"), (gavriil.Name, gavriil.LifeDates));
        Assert.Equal(1, page.MatchedPersons[1].Total);
        Assert.Empty(page.MatchedPersons[2].Persons);
        Assert.Empty((await _db.Get<EventQueries>().SearchAsync(new EventFilter())).MatchedPersons);
    }

    [Theory]
    [InlineData("miasnikov gavriil", "miasnikov-gavriil")]
    [InlineData("Gav Mias", "miasnikov-gavriil")]
    [InlineData("мясн гавр", "miasnikov-gavriil")]
    [InlineData("ilich", "miasnikov-gavriil")]
    [InlineData("zinov grig", "zinoviev-grigory")]
    public async Task The_person_search_finds_a_name_by_the_starts_of_its_words_in_any_order(string q, string key)
    {
        var page = await _db.Get<CatalogQueries>().SearchPersonsAsync(q);

        var person = Assert.Single(page.Items);
        Assert.Equal(key, person.Key);
    }

    [Fact]
    public async Task Each_word_of_a_person_search_needs_a_word_of_its_own()
    {
        Assert.Empty((await _db.Get<CatalogQueries>().SearchPersonsAsync("miasnikov miasnikov")).Items);
        Assert.Equal(3, (await _db.Get<CatalogQueries>().SearchPersonsAsync("mias")).Total); // Gavriil, Boris and Darya
    }

    [Fact]
    public async Task The_person_search_returns_life_dates_descriptions_and_variant_notes()
    {
        var gavriil = Assert.Single((await _db.Get<CatalogQueries>().SearchPersonsAsync("gavriil")).Items);
        Assert.Equal(("1889 – 16 Nov 1945", "Left communist."), (gavriil.LifeDisplay, gavriil.Description));
        var pritt = Assert.Single((await _db.Get<CatalogQueries>().SearchPersonsAsync("pratt")).Items);
        Assert.Equal("misprint", pritt.VariantNotes!["Pratt"]);
    }

    [Fact]
    public void Query_words_are_given_distinct_name_words()
    {
        Assert.True(PersonQueries.EachBeginsADifferentWord(["g", "gav"], ["gavriil", "gan"]));
        Assert.False(PersonQueries.EachBeginsADifferentWord(["gav", "gav"], ["gavriil", "miasnikov"]));
    }
}
