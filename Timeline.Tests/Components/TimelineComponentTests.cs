using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.JSInterop;
using MudBlazor;
using Timeline.Domain.Queries;
using Timeline.Tests.Data;
using Timeline.Tests.Support;
using Timeline.Web.Components.Pages.Browse;

namespace Timeline.Tests.Components;

/// <summary>
/// The timeline's components without a browser: the toolbar's commands and help, the view's status line and what it asks
/// timeline.js to do (the module is bUnit's stand-in, which records each call), and the evidence panel.
/// </summary>
public sealed class TimelineComponentTests : IClassFixture<SeededDatabase>, IClassFixture<LooseData>, IDisposable
{
    private const int Handle = 7;
    private readonly SeededDatabase _seeded;
    private readonly LooseData _loose;
    private ComponentContext? _ctx;
    private BunitJSModuleInterop? _module;

    public TimelineComponentTests(SeededDatabase seeded, LooseData loose) => (_seeded, _loose) = (seeded, loose);

    public void Dispose() => _ctx?.Dispose();

    private ComponentContext Context(TestDatabase db)
    {
        _ctx = new ComponentContext(db);
        // As in the app's circuit, where the view asks for its first window before it is rendered.
        _ctx.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        _module = _ctx.JSInterop.SetupModule(i => i.Identifier == "import" && i.Arguments.Count == 1
            && i.Arguments[0] is string path && path.EndsWith("js/timeline.js", StringComparison.Ordinal));
        _module.Mode = JSRuntimeMode.Loose;
        _module.Setup<int>("create", _ => true).SetResult(Handle);
        return _ctx;
    }

    private List<JSRuntimeInvocation> Calls(string name) => _module!.Invocations[name].ToList();

    /// <summary>What the script asks for windows ahead of the view (the second object timeline.js's create is given).</summary>
    private TimelineScript Fetcher() => ((DotNetObjectReference<TimelineScript>)Calls("create").Single().Arguments[2]!).Value;

    private static string Args(JSRuntimeInvocation call) =>
        string.Join(" ", call.Arguments.Select(a => Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The component, after the popover host the layout gives it (its tooltips need one).</summary>
    private static IRenderedComponent<T> WithPopovers<T>(ComponentContext ctx, Action<ComponentParameterCollectionBuilder<T>> parameters)
        where T : IComponent
    {
        ctx.Render<MudPopoverProvider>();
        return ctx.Render(parameters);
    }

    private static DateOnly Day(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private IRenderedComponent<TimelineView> RenderView(TestDatabase db, EventFilter filter, DateOnly from, DateOnly to, List<(DateOnly, DateOnly)>? ranges = null) =>
        WithPopovers<TimelineView>(Context(db), p => p.Add(x => x.Filter, filter).Add(x => x.From, from).Add(x => x.To, to)
            .Add(x => x.RangeChanged, ((DateOnly From, DateOnly To) r) => ranges?.Add(r)));

    [Fact]
    public async Task The_status_line_describes_the_window_and_the_toolbar_zooms_moves_and_fits_every_event_of_the_filters()
    {
        var filter = new EventFilter { Kinds = [global::Timeline.Domain.Model.EventKind.Trial] };
        var cut = RenderView(_seeded.Database, filter, Day("1936-01-01"), Day("1938-12-31"));
        var expected = TimelineStatus.Describe(await _seeded.Database.Get<TimelineQueries>().WindowAsync(filter, Day("1936-01-01"), Day("1938-12-31")));

        cut.WaitForAssertion(() => Assert.Equal(expected, cut.Find("[role=status]").Read()));
        // Each found and clicked in one go: the view redraws after each command, asynchronously.
        foreach (var button in new[] { "Zoom in", "Zoom out", "Earlier", "Later", "Fit all" })
            await cut.InvokeAsync(() => cut.Nodes.Button(button).Click());

        Assert.Equal(["7 0.5", "7 2"], Calls("zoom").Select(Args));
        Assert.Equal(["7 -0.5", "7 0.5"], Calls("move").Select(Args));
        var (from, to) = TimelineSpan.Around((await _seeded.Database.Get<TimelineQueries>().ExtentAsync(filter))!.Value);
        cut.WaitForAssertion(() => Assert.StartsWith($"7 {TimelineJs.Iso(from)} {TimelineJs.Iso(to)} True ", Args(Calls("show").Single()), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fit_all_sends_the_window_of_every_event_with_the_move_and_puts_its_range_in_the_address()
    {
        var filter = new EventFilter { Kinds = [global::Timeline.Domain.Model.EventKind.Trial] };
        var ranges = new List<(DateOnly, DateOnly)>();
        var cut = RenderView(_seeded.Database, filter, Day("1936-08-01"), Day("1936-08-31"), ranges);
        cut.WaitForAssertion(() => Assert.Single(Calls("setData")));

        await cut.InvokeAsync(() => cut.Nodes.Button("Fit all").Click());

        var all = TimelineSpan.Around((await _seeded.Database.Get<TimelineQueries>().ExtentAsync(filter))!.Value);
        var window = await _seeded.Database.Get<TimelineQueries>().WindowAsync(filter, all.From, all.To);
        cut.WaitForAssertion(() => Assert.Single(Calls("show")));
        var show = Calls("show").Single();
        // The view glides there drawn: the data of the window come with the move, so the script asks for nothing.
        Assert.Equal(new object[] { Handle, TimelineJs.Iso(all.From), TimelineJs.Iso(all.To), true }, show.Arguments.Take(4));
        Assert.Equal(Json(TimelineJs.Items(window.Items, TimelineJs.LaneNames(window.Lanes))), Json(show.Arguments[5]));
        Assert.Equal(new[] { all }, ranges);
        Assert.Equal(TimelineStatus.Describe(window), cut.Find("[role=status]").Read());
    }

    [Fact]
    public async Task A_move_from_outside_jumps_to_the_new_range_with_its_window_drawn()
    {
        var filter = new EventFilter { Kinds = [global::Timeline.Domain.Model.EventKind.Trial] };
        var cut = RenderView(_seeded.Database, filter, Day("1930-01-01"), Day("1939-12-31"));
        cut.WaitForAssertion(() => Assert.Single(Calls("setData")));

        // Back, forward or a histogram click: the page gives the view a new range.
        cut.Render(p => p.Add(x => x.From, Day("1937-01-01")).Add(x => x.To, Day("1937-03-31")));

        var window = await _seeded.Database.Get<TimelineQueries>().WindowAsync(filter, Day("1937-01-01"), Day("1937-03-31"));
        cut.WaitForAssertion(() => Assert.Single(Calls("show")));
        var show = Calls("show").Single();
        Assert.Equal(new object[] { Handle, "1937-01-01", "1937-03-31", false }, show.Arguments.Take(4));
        Assert.Equal(Json(TimelineJs.Items(window.Items, TimelineJs.LaneNames(window.Lanes))), Json(show.Arguments[5]));
        Assert.Single(Calls("setData"));
        Assert.Equal(TimelineStatus.Describe(window), cut.Find("[role=status]").Read());
    }

    [Fact]
    public async Task A_new_filter_and_a_new_range_together_are_one_load_that_jumps_there()
    {
        var cut = RenderView(_seeded.Database, new EventFilter(), Day("1930-01-01"), Day("1939-12-31"));
        cut.WaitForAssertion(() => Assert.Single(Calls("setData")));

        var filter = new EventFilter { Kinds = [global::Timeline.Domain.Model.EventKind.Trial] };
        cut.Render(p => p.Add(x => x.Filter, filter).Add(x => x.From, Day("1937-01-01")).Add(x => x.To, Day("1937-12-31")));

        var window = await _seeded.Database.Get<TimelineQueries>().WindowAsync(filter, Day("1937-01-01"), Day("1937-12-31"));
        cut.WaitForAssertion(() => Assert.Single(Calls("show")));
        Assert.Equal(Json(TimelineJs.Items(window.Items, TimelineJs.LaneNames(window.Lanes))), Json(Calls("show").Single().Arguments[5]));
        // What the browser held was of the old filter: let go of first, then the new filter's region.
        Assert.Equal(3, Calls("hold").Count);
        Assert.Null(Calls("hold")[1].Arguments[1]);
        Assert.Single(Calls("setData"));
    }

    private static string Json(object? value) => System.Text.Json.JsonSerializer.Serialize(value);

    [Fact]
    public async Task A_small_filter_is_held_whole_in_the_browser_and_a_range_drawn_from_it_changes_only_the_status_and_the_address()
    {
        var ranges = new List<(DateOnly, DateOnly)>();
        var cut = RenderView(_seeded.Database, new EventFilter(), Day("1930-01-01"), Day("1940-12-31"), ranges);
        cut.WaitForAssertion(() => Assert.Single(Calls("setData")));
        Assert.NotNull(Calls("hold").Single().Arguments[1]);

        await cut.InvokeAsync(() => cut.Instance.OnRangeShown("1936-08-01", "1936-08-31"));

        Assert.Equal([(Day("1936-08-01"), Day("1936-08-31"))], ranges);
        var window = await _seeded.Database.Get<TimelineQueries>().WindowAsync(new EventFilter(), Day("1936-08-01"), Day("1936-08-31"));
        Assert.Equal(TimelineStatus.Describe(window), cut.Find("[role=status]").Read());
        // The browser drew it: nothing more is sent.
        Assert.Single(Calls("setData"));
    }

    [Fact]
    public async Task A_crowded_week_sends_its_loose_counts_and_choosing_one_lists_those_events()
    {
        var cut = RenderView(_loose.Database, new EventFilter(), Day("1937-06-14"), Day("1937-06-20"));
        cut.WaitForAssertion(() => Assert.Single(Calls("setData")));
        var window = await _loose.Database.Get<TimelineQueries>().WindowAsync(new EventFilter(), Day("1937-06-14"), Day("1937-06-20"));
        Assert.NotEmpty(window.Loose);
        Assert.Equal(TimelineStatus.Describe(window), cut.Find("[role=status]").Read());
        var sent = System.Text.Json.JsonSerializer.Serialize(Calls("setData").Single().Arguments[4]);
        Assert.Contains("400 more dated only to 1937", sent, StringComparison.Ordinal);

        var year = window.Loose.Select((l, i) => (l, i)).First(x => x.l.Period == LoosePeriod.Year);
        await cut.InvokeAsync(() => cut.Instance.OnLoose(TimelineJs.Iso(year.l.From), TimelineJs.Iso(year.l.To)));

        Assert.Equal("http://localhost" + TimelineJs.ListUri(new EventFilter(), year.l), _ctx!.Navigation.Uri);
        Assert.EndsWith("/list?from=1937&to=1937", _ctx.Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_window_fetched_ahead_of_a_crowded_view_is_the_servers_and_drawing_it_changes_only_the_status_and_the_address()
    {
        var ranges = new List<(DateOnly, DateOnly)>();
        var cut = RenderView(_loose.Database, new EventFilter(), Day("1937-06-14"), Day("1937-06-20"), ranges);
        cut.WaitForAssertion(() => Assert.Single(Calls("setData")));
        var timelines = _loose.Database.Get<TimelineQueries>();

        // The week after a step forward by half of it (what the toolbar's Later shows), fetched ahead.
        await cut.InvokeAsync(() => Fetcher().OnRangeAhead("1937-06-17", "1937-06-23", false));
        var next = await timelines.WindowAsync(new EventFilter(), Day("1937-06-17"), Day("1937-06-23"));
        Assert.NotEmpty(next.Loose);
        var ahead = Calls("ahead").Single();
        Assert.Equal($"{Handle} 1937-06-17 1937-06-23", string.Join(" ", ahead.Arguments.Take(3)));
        var names = TimelineJs.LaneNames(next.Lanes);
        Assert.Equal(Json(TimelineJs.Items(next.Items, names)), Json(ahead.Arguments[4]));
        Assert.Equal(Json(TimelineJs.Loose(next, names)), Json(ahead.Arguments[6]));

        // The browser drew it: the status line and the address follow, and a loose band chosen lists this window's events.
        await cut.InvokeAsync(() => cut.Instance.OnRangeShown("1937-06-17", "1937-06-23"));
        Assert.Equal([(Day("1937-06-17"), Day("1937-06-23"))], ranges);
        Assert.Equal(TimelineStatus.Describe(next), cut.Find("[role=status]").Read());
        var year = next.Loose.Select((l, i) => (l, i)).First(x => x.l.Period == LoosePeriod.Year);
        await cut.InvokeAsync(() => cut.Instance.OnLoose(TimelineJs.Iso(year.l.From), TimelineJs.Iso(year.l.To)));
        Assert.Equal("http://localhost" + TimelineJs.ListUri(new EventFilter(), year.l), _ctx!.Navigation.Uri);
        Assert.Single(Calls("setData"));
        Assert.Empty(Calls("show"));

        // Asked again (the browser let it go), it is sent again.
        await cut.InvokeAsync(() => Fetcher().OnRangeAhead("1937-06-17", "1937-06-23", true));
        Assert.Equal(Json(ahead.Arguments), Json(Calls("ahead")[1].Arguments));
    }

    [Fact]
    public async Task Fit_all_to_a_view_the_browser_kept_is_drawn_by_the_browser()
    {
        var all = TimelineSpan.Around((await _loose.Database.Get<TimelineQueries>().ExtentAsync(new EventFilter()))!.Value);
        var cut = RenderView(_loose.Database, new EventFilter(), all.From, all.To);
        cut.WaitForAssertion(() => Assert.Single(Calls("setData")));
        _module!.Setup<bool>("fit", _ => true).SetResult(true);

        // The opening view was the whole span: the browser kept it, and glides back to it on its own.
        await cut.InvokeAsync(cut.Instance.OnFitAll);
        Assert.Equal($"{Handle} {TimelineJs.Iso(all.From)} {TimelineJs.Iso(all.To)}", Args(Calls("fit").Single()));
        Assert.Empty(Calls("show"));
    }

    [Fact]
    public async Task Fit_all_from_a_view_opened_elsewhere_is_sent_with_its_window()
    {
        var cut = RenderView(_loose.Database, new EventFilter(), Day("1937-06-14"), Day("1937-06-20"));
        cut.WaitForAssertion(() => Assert.Single(Calls("setData")));
        _module!.Setup<bool>("fit", _ => true).SetResult(true);

        await cut.InvokeAsync(cut.Instance.OnFitAll);

        cut.WaitForAssertion(() => Assert.Single(Calls("show")));
        Assert.Empty(Calls("fit"));
    }

    [Fact]
    public async Task A_range_the_browser_holds_is_not_fetched_ahead()
    {
        var cut = RenderView(_seeded.Database, new EventFilter(), Day("1930-01-01"), Day("1940-12-31"));
        cut.WaitForAssertion(() => Assert.Single(Calls("setData")));
        Assert.NotNull(Calls("hold").Single().Arguments[1]);

        await cut.InvokeAsync(() => Fetcher().OnRangeAhead("1936-08-01", "1936-08-31", true));

        Assert.Empty(Calls("ahead"));
    }

    [Fact]
    public void The_toolbar_raises_each_command_and_the_help_button_shows_the_keys()
    {
        var commands = new List<TimelineCommand>();
        var cut = WithPopovers<TimelineToolbar>(Context(_seeded.Database), p => p.Add(x => x.HelpId, "keys")
            .Add(x => x.Command, (TimelineCommand c) => commands.Add(c)));

        foreach (var name in new[] { "Zoom in", "Zoom out", "Earlier", "Later", "Fit all" }) cut.Nodes.Button(name).Click();
        Assert.Equal([TimelineCommand.ZoomIn, TimelineCommand.ZoomOut, TimelineCommand.Earlier, TimelineCommand.Later, TimelineCommand.FitAll], commands);

        var help = cut.Nodes.Button("Keyboard help");
        Assert.Equal("false", help.GetAttribute("aria-expanded"));
        Assert.Contains("tl-visually-hidden", cut.Find("#keys").ClassName, StringComparison.Ordinal);
        help.Click();
        Assert.Equal("true", cut.Nodes.Button("Keyboard help").GetAttribute("aria-expanded"));
        Assert.DoesNotContain("tl-visually-hidden", cut.Find("#keys").ClassName, StringComparison.Ordinal);
        Assert.Equal(TimelineToolbar.Help, cut.Find("#keys").Read());
    }

    [Fact]
    public async Task The_evidence_panel_shows_the_event_and_closes_by_its_button_or_Escape()
    {
        int id;
        string title;
        using (var db = _seeded.Database.NewContext())
            (id, title) = await db.Events.Where(e => e.Evidence.Count > 0).OrderBy(e => e.Id).Select(e => ValueTuple.Create(e.Id, e.Title)).FirstAsync();
        var closed = 0;
        var cut = WithPopovers<EventPanel>(Context(_seeded.Database), p => p.Add(x => x.EventId, id).Add(x => x.OnClose, () => closed++));

        cut.WaitForAssertion(() => Assert.Equal(title, cut.Find("h2#panel-title").Read()));
        Assert.NotEmpty(cut.FindAll("section[aria-label=Evidence] li"));
        cut.Nodes.Button("Close the event details").Click();
        cut.Find("aside").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Escape" });
        cut.Find("aside").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "a" });
        Assert.Equal(2, closed);
    }

    [Fact]
    public void The_evidence_panel_of_an_event_gone_says_so()
    {
        var cut = WithPopovers<EventPanel>(Context(_seeded.Database), p => p.Add(x => x.EventId, int.MaxValue));

        cut.WaitForAssertion(() => Assert.Equal("This event no longer exists.", cut.Find("#panel-title").Read()));
    }
}
