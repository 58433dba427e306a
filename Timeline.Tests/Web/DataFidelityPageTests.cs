using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Timeline.Domain.ImportExport;
using Timeline.Tests.Support;
using Timeline.Web.Components.Pages.Events;
using Timeline.Web.Components.Pages.Persons;

namespace Timeline.Tests.Web;

/// <summary>The pages show what issue 11 records: unnamed defendants, what a date rests on, notes on names and loose life dates.</summary>
public sealed class DataFidelityPageTests : IAsyncLifetime, IDisposable
{
    private readonly TestDatabase _db = new();
    private readonly ComponentContext _ctx;

    public DataFidelityPageTests() => _ctx = new ComponentContext(_db);

    private const string Dataset = """
        {
          "sources": [ { "id": "doc-a", "title": "A compilation", "kind": "book" } ],
          "persons": [
            { "id": "krylenko", "name": "Nikolai Krylenko" },
            { "id": "ramzin", "name": "Leonid Ramzin" },
            { "id": "pritt", "name": "Denis Pritt", "variants": ["D. N. Pritt", { "name": "Pratt", "note": "misprint in Davies" }] },
            { "id": "tiunov", "name": "Sergei Tiunov", "born": "1895~", "lifeDatesNote": "The notes give 1894 and 1896." }
          ],
          "events": [
            { "id": "shakhty", "kind": "trial", "title": "Shakhty trial", "start": "1928-05-18", "claimStatus": "stated",
              "participants": [ { "person": "krylenko", "role": "prosecutor" }, { "person": "pritt", "role": "witness" }, { "person": "tiunov", "role": "witness" } ],
              "evidence": [ { "source": "doc-a", "locator": "p. 12" } ],
              "trial": { "unnamedDefendants": 53, "defendantsNote": "The source names none of the engineers tried." } },
            { "id": "industrial-party", "kind": "trial", "title": "Industrial Party trial", "start": "1930~", "claimStatus": "stated",
              "dateNote": "The passage gives no year; the section covers 1930.",
              "participants": [ { "person": "ramzin", "role": "defendant" } ], "evidence": [ { "source": "doc-a", "locator": "p. 20" } ],
              "trial": { "defendantsNote": "Seven engineers in all; the source names only Ramzin." } }
          ]
        }
        """;

    public async Task InitializeAsync()
    {
        var file = Path.Combine(_db.Folder, "pages.json");
        await File.WriteAllTextAsync(file, Dataset);
        await _db.Get<DatasetImporter>().ImportAsync(file);
    }

    public Task DisposeAsync() => Task.CompletedTask;
    public void Dispose()
    {
        _ctx.Dispose();
        _db.Dispose();
    }

    private async Task<INodeList> EventPage(string key)
    {
        await using var ctx = _db.NewContext();
        var id = (await ctx.Events.SingleAsync(e => e.Key == key)).Id;
        return _ctx.RenderLoaded<EventPage>(p => p.Add(x => x.Id, id)).Nodes;
    }

    private async Task<INodeList> PersonPage(string key)
    {
        await using var ctx = _db.NewContext();
        var id = (await ctx.Persons.SingleAsync(p => p.Key == key)).Id;
        return _ctx.RenderLoaded<PersonPage>(p => p.Add(x => x.Id, id)).Nodes;
    }

    [Fact]
    public async Task A_trial_without_named_defendants_says_how_many_and_who_they_were()
    {
        var doc = await EventPage("shakhty");

        Assert.Equal("53 unnamed defendants: The source names none of the engineers tried.", doc.QuerySelector(".tl-unnamed-defendants")!.TextContent.Trim());
        Assert.Null(doc.QuerySelector(".tl-defendants"));
    }

    [Fact]
    public async Task Unnamed_defendants_follow_the_named_ones_and_the_date_says_what_it_rests_on()
    {
        var doc = await EventPage("industrial-party");

        Assert.NotNull(doc.QuerySelector(".tl-defendants"));
        Assert.Equal("And unnamed defendants: Seven engineers in all; the source names only Ramzin.", doc.QuerySelector(".tl-unnamed-defendants")!.TextContent.Trim());
        Assert.Equal("The passage gives no year; the section covers 1930.", doc.QuerySelector(".tl-date-note")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_variant_shows_its_note_beside_it_and_loose_life_dates_their_uncertainty_and_note()
    {
        var pritt = await PersonPage("pritt");
        Assert.Contains(pritt.QuerySelectorAll(".tl-variants li"), li => li.TextContent.Trim() == "Pratt — misprint in Davies");

        var tiunov = await PersonPage("tiunov");
        var life = tiunov.QuerySelector(".tl-life")!.TextContent;
        Assert.Contains("c. 1895 – ?", life, StringComparison.Ordinal);
        Assert.Contains("(The notes give 1894 and 1896.)", life, StringComparison.Ordinal);
    }
}
