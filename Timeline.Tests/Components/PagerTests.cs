using Bunit;
using Timeline.Tests.Support;
using Timeline.Web.Components.Pages.Browse;

namespace Timeline.Tests.Components;

public sealed class PagerTests : IDisposable
{
    private readonly ComponentContext _ctx = new();

    public void Dispose() => _ctx.Dispose();

    private IRenderedComponent<Pager> Render(int page, int total) => _ctx.Render<Pager>(p => p.Add(x => x.Page, page).Add(x => x.Total, total)
        .Add(x => x.PageSize, 50).Add(x => x.Label, "Pagination").Add(x => x.Href, n => $"/table?page={n}"));

    private static string Named(AngleSharp.Dom.IElement e) => e.GetAttribute("aria-label") ?? e.Read();

    [Fact]
    public void Each_page_is_a_link_the_current_one_marked_and_the_way_back_disabled_on_the_first()
    {
        var nav = Render(1, 1_000).Find("nav[aria-label=Pagination]");

        Assert.Equal(["Page 1", "Page 2", "Page 3", "Page 20", "Next page", "Last page"], nav.QuerySelectorAll("a[href]").Select(Named));
        Assert.Equal("/table?page=20", nav.QuerySelectorAll("a[href]").Single(a => Named(a) == "Last page").GetAttribute("href"));
        Assert.Equal("page", nav.QuerySelectorAll("a").Single(a => Named(a) == "Page 1").GetAttribute("aria-current"));
        Assert.All(nav.QuerySelectorAll("button").Where(b => Named(b) is "First page" or "Previous page"), b => Assert.True(b.HasAttribute("disabled")));
        Assert.Contains("Page 1 of 20", nav.Read());
    }

    [Fact]
    public void In_the_middle_both_ends_show_with_gaps_and_every_arrow_leads_somewhere()
    {
        var nav = Render(10, 1_000).Find("nav[aria-label=Pagination]");

        Assert.Equal(["First page", "Previous page", "Page 1", "Page 8", "Page 9", "Page 10", "Page 11", "Page 12", "Page 20", "Next page", "Last page"],
            nav.QuerySelectorAll("a[href]").Select(Named));
        Assert.Equal("/table?page=9", nav.QuerySelectorAll("a").Single(a => Named(a) == "Previous page").GetAttribute("href"));
        Assert.Equal(2, nav.QuerySelectorAll("[aria-hidden=true]").Count(e => e.Read() == "…"));
    }

    [Fact]
    public void One_page_needs_no_pager()
    {
        Assert.Empty(Render(1, 50).FindAll("nav"));
    }
}
