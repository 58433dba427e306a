using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Timeline.Domain.Queries;
using Timeline.Tests.Support;
using Timeline.Web.Components.Pages.Browse;

namespace Timeline.Tests.Components;

/// <summary>
/// The year histogram chooses years by pointer and keyboard (its drag across bars in a real browser is in BrowseTests).
/// On the small dataset: events in 1922, 1923, four in 1929, 1936 and one dated "before 1945".
/// </summary>
public sealed class YearHistogramTests : IAsyncLifetime, IDisposable
{
    private readonly TestDatabase _db = new();
    private readonly ComponentContext _ctx;
    private readonly List<(int From, int To)?> _chosen = [];

    public YearHistogramTests() => _ctx = new ComponentContext(_db);

    public async Task InitializeAsync() => await SmallDataset.LoadAsync(_db);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _ctx.Dispose();
        _db.Dispose();
    }

    private IRenderedComponent<YearHistogram> Render(EventFilter? filter = null) =>
        _ctx.RenderLoaded<YearHistogram>(p => p.Add(x => x.Filter, filter ?? new EventFilter())
            .Add(x => x.YearsChosen, ((int From, int To)? y) => _chosen.Add(y)));

    private static IElement Bar(IRenderedComponent<YearHistogram> cut, int year) =>
        cut.FindAll("[role=button]").Single(b => b.GetAttribute("aria-label")!.StartsWith($"{year}: ", StringComparison.Ordinal));

    private static IElement Chart(IRenderedComponent<YearHistogram> cut) => cut.Find("svg[role=group]");

    [Fact]
    public void Every_year_is_a_focusable_button_named_by_its_count_and_only_one_is_in_the_tab_order()
    {
        var cut = Render();

        var bars = cut.FindAll("[role=button]");
        Assert.Equal(Enumerable.Range(1922, 1945 - 1922 + 1).Select(y => y.ToString()), bars.Select(b => b.GetAttribute("aria-label")!.Split(':')[0]));
        Assert.Equal("1929: 4 events", Bar(cut, 1929).GetAttribute("aria-label"));
        Assert.Equal("1936: 1 event", Bar(cut, 1936).GetAttribute("aria-label"));
        Assert.Equal("1930: 0 events", Bar(cut, 1930).GetAttribute("aria-label"));
        Assert.Equal(["0"], bars.Select(b => b.GetAttribute("tabindex")).Where(t => t == "0"));
        Assert.Equal("Events per year, 1922 to 1945", Chart(cut).GetAttribute("aria-label"));
    }

    [Fact]
    public void A_press_and_release_on_a_bar_chooses_exactly_its_year()
    {
        var cut = Render();

        Bar(cut, 1929).PointerDown(new PointerEventArgs { Button = 0 });
        Chart(cut).PointerUp();

        Assert.Equal([(1929, 1929)], _chosen);
    }

    [Fact]
    public void Pressing_on_a_bar_and_releasing_over_another_chooses_the_years_between_and_a_right_press_nothing()
    {
        var cut = Render();

        Bar(cut, 1936).PointerDown(new PointerEventArgs { Button = 0 });
        Bar(cut, 1930).PointerEnter();
        Bar(cut, 1923).PointerEnter();
        // While the pointer is down the years under way show as chosen.
        Assert.Equal("true", Bar(cut, 1925).GetAttribute("aria-pressed"));
        Chart(cut).PointerUp();
        Bar(cut, 1929).PointerDown(new PointerEventArgs { Button = 2 });
        Chart(cut).PointerUp();

        Assert.Equal([(1923, 1936)], _chosen);
    }

    [Fact]
    public void Shift_and_the_arrows_extend_from_the_focused_year_and_letting_go_of_shift_chooses_them()
    {
        var cut = Render();
        Bar(cut, 1929).Focus();

        Chart(cut).KeyDown(new KeyboardEventArgs { Key = "ArrowLeft", ShiftKey = true });
        Chart(cut).KeyDown(new KeyboardEventArgs { Key = "ArrowLeft", ShiftKey = true });
        Assert.Empty(_chosen);
        Assert.Equal("0", Bar(cut, 1927).GetAttribute("tabindex"));
        Chart(cut).KeyUp(new KeyboardEventArgs { Key = "Shift" });

        Assert.Equal([(1927, 1929)], _chosen);
    }

    [Fact]
    public void Arrows_move_between_years_and_enter_chooses_the_one_focused_while_escape_drops_an_extension()
    {
        var cut = Render();
        Bar(cut, 1929).Focus();

        Chart(cut).KeyDown(new KeyboardEventArgs { Key = "ArrowRight" });
        Chart(cut).KeyDown(new KeyboardEventArgs { Key = "ArrowRight", ShiftKey = true });
        Chart(cut).KeyDown(new KeyboardEventArgs { Key = "Escape" });
        Chart(cut).KeyUp(new KeyboardEventArgs { Key = "Shift" });
        Chart(cut).KeyDown(new KeyboardEventArgs { Key = "End" });
        Chart(cut).KeyDown(new KeyboardEventArgs { Key = "Enter" });

        Assert.Equal([(1945, 1945)], _chosen);
    }

    [Fact]
    public void The_years_chosen_are_pressed_the_others_dimmed_and_all_years_clears_them()
    {
        var cut = Render(new EventFilter { FromYear = 1929, ToYear = 1936 });

        Assert.Equal("true", Bar(cut, 1929).GetAttribute("aria-pressed"));
        Assert.Equal("true", Bar(cut, 1936).GetAttribute("aria-pressed"));
        Assert.Equal("false", Bar(cut, 1923).GetAttribute("aria-pressed"));
        // The other years' bars stay, so the choice can widen again.
        Assert.Equal("1923: 1 event", Bar(cut, 1923).GetAttribute("aria-label"));
        Assert.Contains("1929–1936 chosen", cut.Find(".tl-hint").Read());

        cut.Nodes.Button("All years").Click();

        Assert.Equal([null], _chosen);
    }

    [Fact]
    public void A_single_year_has_a_year_axis_of_that_year()
    {
        var cut = Render(new EventFilter { Kinds = [Timeline.Domain.Model.EventKind.Trial] });

        Assert.Equal(["1936"], cut.FindAll("svg text").Select(t => t.Read()));
        Assert.Single(cut.FindAll("[role=button]"));
    }
}
