using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Bunit;
using MudBlazor;
using Timeline.Domain.Queries;
using Timeline.Tests.Support;
using Timeline.Web.Components.Pages.Browse;

namespace Timeline.Tests.Components;

/// <summary>The table keeps its page and order in the address: a link opens on them, and sorting writes them back.</summary>
public sealed partial class TableStateTests : IClassFixture<SeededDatabase>, IDisposable
{
    private readonly SeededDatabase _data;
    private readonly ComponentContext _ctx;

    public TableStateTests(SeededDatabase data)
    {
        _data = data;
        _ctx = new ComponentContext(data.Database);
        _ctx.Render<MudPopoverProvider>();
    }

    public void Dispose() => _ctx.Dispose();

    /// <summary>The table at an address, once its rows are there.</summary>
    private IRenderedComponent<TablePage> Table(string address)
    {
        var cut = _ctx.At(address).Render<TablePage>();
        cut.WaitForState(() => cut.FindAll("[role=status]").Any(s => Count().IsMatch(s.Read())) && Links(cut).Length > 0);
        return cut;
    }

    private static string[] Links(IRenderedComponent<TablePage> cut) =>
        cut.FindAll("[role=region][aria-label=Events] a[href^='/events/']").Select(a => a.GetAttribute("href")!).ToArray();

    private async Task<string[]> ExpectedAsync(int page, EventSort sort) =>
        (await _data.Database.Get<EventQueries>().SearchAsync(new EventFilter(), page, 50, sort)).Items.Select(e => $"/events/{e.Id}").ToArray();

    [Fact]
    public async Task A_link_to_a_page_opens_on_that_page_in_date_order()
    {
        var expected = await ExpectedAsync(2, EventSort.Date);
        var cut = Table("/table?page=2");

        cut.WaitForAssertion(() => Assert.Equal(expected, Links(cut)));
        Assert.EndsWith("/table?page=2", _ctx.Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_with_an_order_opens_sorted_by_it()
    {
        var cut = Table("/table?sort=-title");

        Assert.Equal(await ExpectedAsync(1, EventSort.TitleDescending), Links(cut));
        Assert.Equal("descending", Header(cut, "Title").GetAttribute("aria-sort"));
    }

    [Fact]
    public async Task Sorting_by_a_column_puts_the_order_in_the_address_in_place_of_the_page_as_a_new_history_entry()
    {
        var second = await ExpectedAsync(2, EventSort.Date);
        var cut = Table("/table?page=2");
        cut.WaitForAssertion(() => Assert.Equal(second, Links(cut)));

        Header(cut, "Title").QuerySelectorAll("button").Single(b => b.GetAttribute("aria-label") == "Sort").Click();

        cut.WaitForAssertion(() => Assert.EndsWith("/table?sort=title", _ctx.Navigation.Uri, StringComparison.Ordinal));
        // Back returns to page 2 in date order.
        Assert.False(_ctx.Navigation.History.First().Options.ReplaceHistoryEntry);
        var expected = await ExpectedAsync(1, EventSort.Title);
        cut.WaitForAssertion(() => Assert.Equal(expected, Links(cut)));
    }

    private static IElement Header(IRenderedComponent<TablePage> cut, string column) =>
        cut.FindAll("table[aria-label=Events] th").Single(h => h.Read() == column);

    [Fact]
    public async Task A_link_with_a_page_size_shows_that_many_rows_and_the_pager_counts_pages_of_it()
    {
        var expected = (await _data.Database.Get<EventQueries>().SearchAsync(new EventFilter(), 2, 25)).Items.Select(e => $"/events/{e.Id}").ToArray();
        var cut = Table("/table?page=2&pageSize=25");

        cut.WaitForAssertion(() => Assert.Equal(expected, Links(cut)));
        var total = (await _data.Database.Get<EventQueries>().CountAsync(new EventFilter()));
        Assert.Contains($"Page 2 of {(total + 24) / 25:N0}", cut.Find("nav[aria-label=Pagination]").Read());
        Assert.Equal("page", cut.FindAll("nav[aria-label=Pagination] a").Single(a => a.GetAttribute("aria-label") == "Page 2").GetAttribute("aria-current"));
    }

    [Fact]
    public async Task Going_to_another_view_leaves_the_table_as_it_is_until_the_view_replaces_it()
    {
        var expected = await ExpectedAsync(1, EventSort.Title);
        var cut = Table("/table?sort=title");
        var renders = cut.RenderCount;

        // The table is still there when the address changes: the router replaces it only once the list is ready. Read as
        // the table's own address, /list (no order) made it start over in date order, with a new, empty grid.
        _ctx.Navigation.NavigateTo("/list");
        await cut.InvokeAsync(() => { });

        Assert.Equal(renders, cut.RenderCount);
        Assert.Equal(expected, Links(cut));
        Assert.Contains(cut.FindAll("[role=status]"), s => Count().IsMatch(s.Read()));
    }

    [Fact]
    public async Task Pages_asked_for_in_quick_succession_end_on_the_rows_of_the_last()
    {
        var expected = await ExpectedAsync(4, EventSort.Date);
        var cut = Table("/table");

        // Each address reloads the grid, the next arriving while the one before may still be loading.
        foreach (var page in new[] { 2, 3, 4 }) _ctx.Navigation.NavigateTo($"/table?page={page}");

        cut.WaitForAssertion(() => Assert.Equal(expected, Links(cut)));
        Assert.Equal("page", cut.FindAll("nav[aria-label=Pagination] a").Single(a => a.GetAttribute("aria-label") == "Page 4").GetAttribute("aria-current"));
    }

    [GeneratedRegex(@"^[\d,]+ events$")]
    private static partial Regex Count();
}
