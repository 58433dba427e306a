using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Timeline.Domain.Queries;
using Timeline.Tests.Support;
using Timeline.Web.Components.Pages.Browse;

namespace Timeline.Tests.Components;

/// <summary>
/// The year histogram chooses years by pointer and keyboard (its drag across bars in a real browser is in BrowseTests).
/// The arrows, Home and End move the focus in the browser (histogram.js, also tested in BrowseTests); here the tests
/// play the browser's part, sending the focus events of those moves, and check the server's: the tab stop follows
/// the focus events, and the years chosen are read from the bars the keys were pressed on.
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

    private static IEnumerable<string> TabStops(IRenderedComponent<YearHistogram> cut) =>
        cut.FindAll("[role=button]").Where(b => b.GetAttribute("tabindex") == "0").Select(b => b.GetAttribute("aria-label")!.Split(':')[0]);

    private static KeyboardEventArgs Key(string key, bool shift = false) => new() { Key = key, ShiftKey = shift };

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
    public void Shift_and_the_arrows_extend_from_the_bar_pressed_on_and_letting_go_of_shift_chooses_them_however_late_the_focus_follows()
    {
        var cut = Render();

        // The range counts from the bars the keys were pressed on, in whatever order the focus events of the browser's
        // moves arrive (here after both keys).
        Bar(cut, 1929).KeyDown(Key("ArrowLeft", shift: true));
        Bar(cut, 1928).KeyDown(Key("ArrowLeft", shift: true));
        Bar(cut, 1928).Focus();
        Bar(cut, 1927).Focus();
        Assert.Empty(_chosen);
        Assert.Equal(["1927", "1928", "1929"], cut.FindAll("[aria-pressed=true]").Select(b => b.GetAttribute("aria-label")!.Split(':')[0]));
        Chart(cut).KeyUp(Key("Shift"));

        Assert.Equal([(1927, 1929)], _chosen);
        Assert.Equal(["1927"], TabStops(cut));
    }

    [Fact]
    public void Shift_with_home_or_end_extends_to_the_first_or_last_year_and_never_past_either_end()
    {
        var cut = Render();

        Bar(cut, 1936).KeyDown(Key("End", shift: true));
        Bar(cut, 1945).KeyDown(Key("ArrowRight", shift: true));
        Chart(cut).KeyUp(Key("Shift"));
        Bar(cut, 1923).KeyDown(Key("Home", shift: true));
        Bar(cut, 1922).KeyDown(Key("ArrowLeft", shift: true));
        Chart(cut).KeyUp(Key("Shift"));

        Assert.Equal([(1936, 1945), (1922, 1923)], _chosen);
    }

    [Fact]
    public void The_tab_stop_is_the_bar_the_browser_focused_last_and_keys_never_move_the_focus_from_the_server()
    {
        var cut = Render();
        Bar(cut, 1929).Focus();

        foreach (var key in new[] { "ArrowRight", "End", "Home", "ArrowLeft" }) Bar(cut, 1929).KeyDown(Key(key));
        Bar(cut, 1929).KeyDown(Key("ArrowRight", shift: true));
        Assert.Equal(["1929"], TabStops(cut));
        Bar(cut, 1930).Focus();
        Assert.Equal(["1930"], TabStops(cut));

        Assert.DoesNotContain(_ctx.JSInterop.Invocations, i => i.Identifier == "Blazor._internal.domWrapper.focus");
    }

    [Fact]
    public void Enter_chooses_the_year_it_is_pressed_on_and_escape_drops_an_extension()
    {
        var cut = Render();
        Bar(cut, 1929).Focus();

        Bar(cut, 1929).KeyDown(Key("ArrowRight"));
        Bar(cut, 1930).Focus();
        Bar(cut, 1930).KeyDown(Key("ArrowRight", shift: true));
        Bar(cut, 1931).Focus();
        Bar(cut, 1931).KeyDown(Key("Escape"));
        Chart(cut).KeyUp(Key("Shift"));
        Bar(cut, 1931).KeyDown(Key("End"));
        // Enter counts from the bar it is pressed on, whichever focus event the server heard last.
        Bar(cut, 1945).KeyDown(Key("Enter"));
        Bar(cut, 1945).Focus();

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
