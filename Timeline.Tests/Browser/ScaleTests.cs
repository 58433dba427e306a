using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Timeline.Domain.Queries;
using Timeline.Domain.Text;
using Timeline.Web.Components.Pages.Browse;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Timeline.Tests.Browser;

/// <summary>The timeline and the table on a database of 100,000 events (issue 5, the UI at scale).</summary>
[Collection(ScaleBrowserTests.Name)]
public partial class ScaleTests
{
    private const int PageSize = 50;
    private readonly ScaleFixture _app;
    private readonly ITestOutputHelper _output;

    public ScaleTests(ScaleFixture app, ITestOutputHelper output)
    {
        _app = app;
        _output = output;
        output.WriteLine(app.Description);
    }

    [Fact]
    public async Task Zooming_out_into_the_dense_years_turns_the_events_into_bars_and_zooming_back_in_draws_them_again()
    {
        await using var w = await _app.NewPageAsync();
        var timeline = new TimelineControls(w.Page);
        // Two years before the revolution: a few hundred events, drawn one by one.
        await w.GotoAsync("/timeline?start=1912-01-01&end=1913-12-31");
        await Expect(timeline.Status).ToContainTextAsync(TimelineControls.EventsShown);
        await AssertDrawnWithinCapAsync(timeline);
        var start = timeline.Window();

        // Out until the events become bars, then once more, into 1917 and after: thousands of events.
        var zooms = 0;
        while (!await timeline.ShowsBarsAsync())
        {
            Assert.True(zooms < 6, "Still drawing events one by one after six zooms out: " + await timeline.Status.InnerTextAsync());
            await timeline.ZoomAsync("Zoom out");
            zooms++;
            await AssertDrawnWithinCapAsync(timeline);
        }
        var fewer = await timeline.TotalAsync();
        await timeline.ZoomAsync("Zoom out");
        zooms++;
        await AssertDrawnWithinCapAsync(timeline);
        Assert.True(await timeline.ShowsBarsAsync());
        var total = await timeline.TotalAsync();
        Assert.True(total >= 5_000 && total > fewer, $"{total} events in {timeline.Window()}, {fewer} before");

        // Back in as many times: the first view, its events drawn again.
        for (var i = 0; i < zooms; i++)
        {
            await timeline.ZoomAsync("Zoom in");
            await AssertDrawnWithinCapAsync(timeline);
        }
        await Expect(timeline.Status).ToContainTextAsync(TimelineControls.EventsShown);
        var end = timeline.Window();
        Assert.InRange(end.From.DayNumber - start.From.DayNumber, -1, 1);
        Assert.InRange(end.To.DayNumber - start.To.DayNumber, -1, 1);
    }

    [Fact]
    public async Task Clicking_a_density_bar_zooms_into_its_period_and_draws_its_events()
    {
        await using var w = await _app.NewPageAsync();
        var timeline = new TimelineControls(w.Page);
        // Twenty years before the revolution: a couple of thousand events. Quarters in every lane would make more
        // bars than the cap allows, so they are counted per year.
        await w.GotoAsync("/timeline?start=1895-01-01&end=1914-12-31");
        await Expect(timeline.Status).ToContainTextAsync(new Regex(Regex.Escape(TimelineControls.BarsShown) + @"\..* per year\."));
        await AssertDrawnWithinCapAsync(timeline);

        await timeline.ChangeRangeAsync(timeline.Bars.First);

        await Expect(timeline.Status).ToContainTextAsync(TimelineControls.EventsShown);
        await AssertDrawnWithinCapAsync(timeline);
        var (from, to) = timeline.Window();
        Assert.True(from is { Day: 1, Month: 1, Year: >= 1895 and <= 1914 }, $"the view starts on {from}");
        Assert.InRange(to.DayNumber - from.DayNumber, 364, 365);
    }

    /// <summary>
    /// At most <see cref="TimelineQueries.Cap"/> events are ever drawn: beyond that the view holds bars only, and the
    /// status line says which. (With bars, its count is of the events dated in the range, which can be fewer than the
    /// events reaching into it that made the view switch to bars.)
    /// </summary>
    private async Task AssertDrawnWithinCapAsync(TimelineControls timeline)
    {
        await timeline.DrawnAsync();
        var events = await timeline.Events.CountAsync();
        var bars = await timeline.Bars.CountAsync();
        var (from, to) = timeline.Window();
        _output.WriteLine($"{from:yyyy-MM-dd} to {to:yyyy-MM-dd}: {events} events and {bars} bars drawn. {await timeline.Status.InnerTextAsync()}");
        Assert.InRange(events, 0, TimelineQueries.Cap);
        if (await timeline.ShowsBarsAsync())
        {
            Assert.Equal(0, events);
            Assert.InRange(bars, 1, TimelineQueries.Cap);
        }
        else
        {
            Assert.InRange(await timeline.TotalAsync(), 1, TimelineQueries.Cap);
            Assert.True(events > 0, "no events drawn");
            Assert.Equal(0, bars);
        }
    }

    [Fact]
    public async Task The_table_counts_every_event_and_pages_and_sorts_them_as_the_api_does()
    {
        await using var w = await _app.NewPageAsync();
        var page = w.Page;
        var total = ScaleFixture.Dataset.Events;
        var pages = total / PageSize;
        var pager = page.GetByRole(AriaRole.Navigation, new() { Name = "Pagination" });
        var title = page.GetByRole(AriaRole.Table, new() { Name = "Events" }).GetByRole(AriaRole.Columnheader, new() { NameRegex = new Regex("^Title") });
        var sortByTitle = title.GetByRole(AriaRole.Button, new() { Name = "Sort" });

        // Exactly the generated events: the app added no seed data to a database that had some.
        await w.GotoAsync("/table");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = " events" })).ToHaveTextAsync($"{total:N0} events");
        await ExpectPageAsync(page, 1, pages, "date");

        await pager.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await ExpectPageAsync(page, 2, pages, "date");
        await Expect(page).ToHaveURLAsync(new Regex(@"/table\?page=2$"));

        await pager.GetByRole(AriaRole.Link, new() { Name = "Last page" }).ClickAsync();
        await ExpectPageAsync(page, pages, pages, "date");

        // A link to a page far in opens on that page.
        await w.GotoAsync("/table?page=1000");
        await ExpectPageAsync(page, 1000, pages, "date");

        // Sorting by title, up then down: back to the first page, the order in the address.
        await sortByTitle.ClickAsync();
        await Expect(title).ToHaveAttributeAsync("aria-sort", "ascending");
        var titles = await ExpectPageAsync(page, 1, pages, "title");
        Assert.Equal(titles.OrderBy(TitleSorting.Key, StringComparer.Ordinal), titles);
        await Expect(page).ToHaveURLAsync(new Regex(@"/table\?sort=title$"));
        await pager.GetByRole(AriaRole.Link, new() { Name = "Last page" }).ClickAsync();
        await ExpectPageAsync(page, pages, pages, "title");
        await sortByTitle.ClickAsync();
        await Expect(title).ToHaveAttributeAsync("aria-sort", "descending");
        titles = await ExpectPageAsync(page, 1, pages, "-title");
        Assert.Equal(titles.OrderByDescending(TitleSorting.Key, StringComparer.Ordinal), titles);
        await Expect(page).ToHaveURLAsync(new Regex(@"/table\?sort=-title$"));
    }

    [Fact]
    public async Task A_search_too_common_to_count_at_once_says_at_least_then_the_exact_figure_and_the_pager_follows_it()
    {
        await using var w = await _app.NewPageAsync();
        var page = w.Page;
        // A word of every generated event's summary: the page counts no further than the bound, the rest comes after.
        var count = (await _app.Server.GetJsonAsync("/api/events/count?q=generated")).GetProperty("total").GetInt32();
        Assert.True(count > EventQueries.TextCountLimit, $"{count} events say 'generated'");
        var pages = (count + PageSize - 1) / PageSize;

        await w.GotoAsync("/table?q=generated");

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = " events" })).ToHaveTextAsync($"{count:N0} events");
        var pager = page.GetByRole(AriaRole.Navigation, new() { Name = "Pagination" });
        await Expect(pager).ToContainTextAsync($"Page 1 of {pages:N0}");
        await pager.GetByRole(AriaRole.Link, new() { Name = "Last page" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($@"/table\?(.*&)?page={pages}(&|$)"));
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Events" }).GetByRole(AriaRole.Link)).ToHaveCountAsync(count - (pages - 1) * PageSize);
    }

    /// <summary>A week of 1937 where events dated only to a month, a year or a wider span push those reaching in past the cap.</summary>
    private async Task<(DateOnly From, DateOnly To, TimelineWindow Window)> CrowdedWeekAsync()
    {
        var timelines = new TimelineQueries(_app.Server.Database.Factory);
        for (var from = new DateOnly(1937, 1, 4); from.Year == 1937; from = from.AddDays(7))
            if (await timelines.WindowAsync(new EventFilter(), from, from.AddDays(6)) is { IsDensity: false, Loose.Count: > 0 } crowded)
                return (from, from.AddDays(6), crowded);
        throw new Xunit.Sdk.XunitException("no crowded week in 1937");
    }

    [Fact]
    public async Task A_week_crowded_by_loosely_dated_events_draws_its_own_and_a_band_per_lane_counting_the_others_which_Enter_lists()
    {
        var (from, to, window) = await CrowdedWeekAsync();
        _output.WriteLine($"{from}–{to}: {window.Total} events drawn, {window.Loose.Sum(l => l.Count)} summarised in {window.Loose.Count} bands");

        await using var w = await _app.NewPageAsync(1440, 900);
        var timeline = new TimelineControls(w.Page);
        await w.GotoAsync($"/timeline?start={from:yyyy-MM-dd}&end={to:yyyy-MM-dd}");
        await timeline.DrawnAsync();
        await Expect(timeline.Status).ToContainTextAsync($"{window.Total:N0} events dated between");
        await Expect(timeline.Status).ToContainTextAsync($"{window.Loose.Sum(l => l.Count):N0} more, dated only to a month, a year or a wider span");

        // The first lane's bands, each named with its count and period; the keyboard starts on the earliest, and Enter lists them.
        var lane = window.Lanes[0];
        var bands = window.Loose.Where(l => l.Lane == lane.Id).OrderBy(l => l.From).ToList();
        var names = await timeline.Canvas.Locator(".tl-loose").GetByRole(AriaRole.Button).EvaluateAllAsync<string[]>("bs => bs.map(b => b.getAttribute('aria-label'))");
        Assert.Subset(names.ToHashSet(), bands.Select(b => TimelineNames.Loose(b, TimelineNames.Lane(lane))).ToHashSet());
        await w.Page.GetByRole(AriaRole.Toolbar, new() { Name = "Timeline controls" }).GetByRole(AriaRole.Button, new() { Name = "Keyboard help" }).FocusAsync();
        await w.Page.Keyboard.PressAsync("Tab");
        await timeline.ExpectCurrentAsync($"l-{lane.Id}-{bands[0].Period.ToString().ToLowerInvariant()}-{bands[0].From:yyyy-MM-dd}",
            TimelineNames.Loose(bands[0], TimelineNames.Lane(lane)));
        await timeline.PressAsync("Enter");
        await Expect(w.Page).ToHaveURLAsync(_app.Server.BaseUrl + TimelineJs.ListUri(new EventFilter(), bands[0]));
    }

    [Fact]
    public async Task A_step_from_a_crowded_week_draws_the_window_fetched_ahead_with_no_request_and_as_the_server_would()
    {
        await using var w = await _app.NewPageAsync(1440, 900);
        var (timeline, sent, received) = await OpenCrowdedWeekAsync(w);

        foreach (var button in new[] { "Later", "Later", "Earlier" })
        {
            var arrived = Ahead(received);
            await timeline.ZoomAsync(button);
            await ExpectDrawnAsServerAsync(timeline);
            // Going on, the next step's window is fetched while the user looks at this one; back, both are there already.
            if (button == "Later") await Poll(() => Ahead(received) > arrived, "the next window fetched ahead");
        }
        lock (sent)
        {
            Assert.Equal(3, sent.Count(f => f.Contains("OnRangeShown", StringComparison.Ordinal)));
            Assert.DoesNotContain(sent, f => f.Contains("OnRangeChanged", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_drag_in_a_crowded_week_ends_on_the_window_fetched_under_the_pointer_as_the_server_would_draw_it()
    {
        await using var w = await _app.NewPageAsync(1440, 900);
        var (timeline, sent, received) = await OpenCrowdedWeekAsync(w);
        var before = Ahead(received);

        // A drag by a third of the view towards later days, the pointer held still until the range under it has come.
        var view = (await timeline.Canvas.BoundingBoxAsync())!;
        var y = view.Y + view.Height / 2;
        await w.Page.Mouse.MoveAsync(view.X + view.Width * 0.6f, y);
        await w.Page.Mouse.DownAsync();
        await w.Page.Mouse.MoveAsync(view.X + view.Width * 0.27f, y, new() { Steps = 12 });
        await Poll(() => Ahead(received) > before, "the range under the pointer to arrive");
        var url = w.Page.Url;
        await w.Page.Mouse.UpAsync();
        await Expect(w.Page).Not.ToHaveURLAsync(url);

        await ExpectDrawnAsServerAsync(timeline);
        lock (sent)
        {
            Assert.Contains(sent, f => f.Contains("OnRangeAhead", StringComparison.Ordinal));
            Assert.Contains(sent, f => f.Contains("OnRangeShown", StringComparison.Ordinal));
            Assert.DoesNotContain(sent, f => f.Contains("OnRangeChanged", StringComparison.Ordinal));
        }

        // A fling back, let go at once: the range it ends on may be on its way, or not yet asked for; either way the view
        // ends drawn as the server would.
        url = w.Page.Url;
        await w.Page.Mouse.MoveAsync(view.X + view.Width * 0.2f, y);
        await w.Page.Mouse.DownAsync();
        await w.Page.Mouse.MoveAsync(view.X + view.Width * 0.7f, y, new() { Steps = 6 });
        await w.Page.Mouse.UpAsync();
        await Expect(w.Page).Not.ToHaveURLAsync(url);
        await ExpectDrawnAsServerAsync(timeline);
    }

    [Fact]
    public async Task Fit_all_returns_to_the_opening_view_drawn_by_the_browser_with_no_window_sent_again()
    {
        var (from, to, _) = await CrowdedWeekAsync();
        await using var w = await _app.NewPageAsync(1440, 900);
        var timeline = new TimelineControls(w.Page);
        var received = TimelineControls.Frames(w.Page, sent: false);
        await w.GotoAsync("/timeline");
        await timeline.DrawnAsync();
        // A whole week (seven days): a narrower range would be widened to one and asked for again, after this.
        await w.Page.EvaluateAsync("u => Blazor.navigateTo(u)", $"/timeline?start={from:yyyy-MM-dd}&end={to.AddDays(1):yyyy-MM-dd}");
        await ExpectDrawnAsServerAsync(timeline);
        lock (received) received.Clear();

        await timeline.ZoomAsync("Fit all");

        var all = TimelineSpan.Around((await new TimelineQueries(_app.Server.Database.Factory).ExtentAsync(new EventFilter()))!.Value);
        var (allFrom, allTo) = timeline.Window();
        Assert.Equal(all, (allFrom, allTo));
        var window = await new TimelineQueries(_app.Server.Database.Factory).WindowAsync(new EventFilter(), allFrom, allTo);
        await Expect(timeline.Status).ToHaveTextAsync(TimelineStatus.Describe(window));
        Assert.True(await timeline.ShowsBarsAsync());
        Assert.NotEmpty(await timeline.Bars.AllAsync());
        lock (received) Assert.DoesNotContain(received, f => WindowCall().IsMatch(f));
    }

    [Fact]
    public async Task A_window_arriving_for_a_range_the_view_has_left_is_never_drawn_and_the_view_gets_its_own()
    {
        await using var w = await _app.NewPageAsync(1440, 900);
        var (timeline, sent, _) = await OpenCrowdedWeekAsync(w);
        var (from, to) = timeline.Window();
        // What reaches the browser when the circuit answers a range the view has since left: the timeline script's own
        // setData, with a window of another range (one event, in a lane of its own), here called from the page. The
        // windows the browser keeps are let go first, as a new filter does, so that the view's own must come from the
        // server. An observer notes whether the late event is ever drawn.
        var late = new[] { $"{from.AddDays(-70):yyyy-MM-dd}", $"{from.AddDays(-64):yyyy-MM-dd}" };
        const string Arrive = """
            async (canvas, [from, to, step]) => {
                const script = performance.getEntriesByType('resource').map(r => r.name).find(n => /\/js\/timeline\.[^/]*js$/.test(n));
                const timeline = await import(script);
                const handle = Number(/^tl(\d+)-/.exec(canvas.querySelector('.tl-named').id)[1]);
                window.tlLateDrawn ??= false;
                new MutationObserver(() => { window.tlLateDrawn ||= !!canvas.querySelector('[aria-label="Late event"]'); })
                    .observe(canvas, { childList: true, subtree: true });
                timeline.hold(handle, null);
                // With a step, the view has asked for its new range and waits for it when the late window comes.
                if (step) timeline.move(handle, 0.5);
                timeline.setData(handle, [{ id: 'late', label: 'Late lane' }], [{ key: 'late-1', id: 1, lane: 'late', kind: 'arrest',
                    status: 'stated', earliest: from, latest: from, name: 'Late event', title: 'Late event', uncertain: false,
                    disputed: false }], [], [], from, to);
            }
            """;

        // Drawn from what the browser had, the view asks for its range again and is drawn as the server would draw it.
        await timeline.Canvas.EvaluateAsync(Arrive, new object[] { late[0], late[1], false });
        await Poll(() => { lock (sent) return sent.Any(f => f.Contains("OnRangeChanged", StringComparison.Ordinal)); }, "the view to ask for its range");
        await ExpectDrawnAsServerAsync(timeline);
        Assert.Equal((from, to), timeline.Window());

        // Waiting for its own window (a step later), the view draws that one when it comes, and only that one.
        await timeline.Canvas.EvaluateAsync(Arrive, new object[] { late[0], late[1], true });
        await Expect(w.Page).Not.ToHaveURLAsync(new Regex($"start={from:yyyy-MM-dd}"));
        await ExpectDrawnAsServerAsync(timeline);
        Assert.False(await w.Page.EvaluateAsync<bool>("() => window.tlLateDrawn"), "the late window was drawn");
        await Expect(timeline.Lanes.Filter(new() { HasText = "Late lane" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_crowded_week_is_laid_out_once_for_all_its_lanes_and_every_item_lands_where_vis_alone_puts_it()
    {
        var (from, to, window) = await CrowdedWeekAsync();
        var url = $"/timeline?start={from:yyyy-MM-dd}&end={to:yyyy-MM-dd}";

        var together = await DrawWeekAsync(url, visAlone: false);
        var alone = await DrawWeekAsync(url, visAlone: true);

        // vis alone lays the page out again for each lane with new items; timeline.js has them all made, then measured.
        _output.WriteLine($"{together.Boxes.Count} items in {window.Lanes.Count} lanes; layouts per redraw: together " +
            $"[{string.Join(", ", together.Layouts)}], vis alone [{string.Join(", ", alone.Layouts)}]");
        Assert.True(alone.Layouts.Max() > 1, "vis alone drew every lane in one layout: the test would not see a change");
        Assert.NotEmpty(together.Layouts);
        Assert.All(together.Layouts, n => Assert.Equal(1, n));
        Assert.True(together.Boxes.Count >= window.Items.Count / 2, $"{together.Boxes.Count} items drawn of {window.Items.Count}");
        Assert.Equal(alone.Boxes, together.Boxes);
    }

    [Fact]
    public async Task The_view_s_touch_action_follows_whether_its_lanes_overflow_and_stays_put_through_a_drag()
    {
        await using var w = await _app.NewPageAsync(1440, 900);
        var timeline = new TimelineControls(w.Page);
        // Two years before the revolution: a few hundred events, drawn one by one.
        await w.GotoAsync("/timeline?start=1912-01-01&end=1913-12-31");
        await timeline.DrawnAsync();
        // vis's element, whose touch-action says who pans vertically: vis (the lanes overflow) or the page (they fit).
        var root = timeline.Canvas.Locator(".vis-timeline");
        await root.EvaluateAsync("""
            root => {
                // Every value the style attribute held, in order (a redraw's changes reach the observer together).
                const seen = window.tlTouchActions = [root.style.touchAction];
                const note = (value) => { if (seen.at(-1) !== value) seen.push(value); };
                const touchAction = (style) => /touch-action:\s*([^;]+)/.exec(style ?? '')?.[1].trim() ?? '';
                new MutationObserver((changes) => {
                    for (const change of changes) note(touchAction(change.oldValue));
                    note(root.style.touchAction);
                }).observe(root, { attributes: true, attributeFilter: ['style'], attributeOldValue: true });
            }
            """);
        // A window in which the lanes overflow the view by a few pixels, so that they fit once some events are out of it.
        var lanes = timeline.Canvas.Locator(".vis-panel.vis-left");
        var (overflow, _) = await OverflowAsync(lanes);
        await ResizeAsync(w.Page, lanes, 900 + overflow - 6);
        Assert.InRange((await OverflowAsync(lanes)).Overflow, 1, 12);

        // The events dragged nearly out of the view and back, then let go: while they were out, the lanes fitted.
        var view = (await timeline.Canvas.BoundingBoxAsync())!;
        var (x, y) = (view.X + view.Width - 5, view.Y + view.Height / 2);
        await w.Page.Mouse.MoveAsync(x, y);
        await w.Page.Mouse.DownAsync();
        await w.Page.Mouse.MoveAsync(1, y, new() { Steps = 12 });
        await PollAsync(async () => !await OverflowsAsync(lanes), "the lanes to fit with the events dragged out (else the test would see nothing)");
        await w.Page.Mouse.MoveAsync(x, y, new() { Steps = 12 });
        await w.Page.Mouse.UpAsync();
        await timeline.DrawnAsync();

        // Each change restyles every element in the view: the lanes overflowed before and after, and there was none.
        Assert.True(await OverflowsAsync(lanes));
        Assert.Equal(["none"], await w.Page.EvaluateAsync<string[]>("() => window.tlTouchActions"));

        // A window a little taller than every lane: the page scrolls vertically over the timeline again.
        var (still, _) = await OverflowAsync(lanes);
        await ResizeAsync(w.Page, lanes, 900 + overflow - 6 + still + 20);
        Assert.False(await OverflowsAsync(lanes), "the lanes overflow a view taller than they are");
        await Expect(root).ToHaveCSSAsync("touch-action", "pan-y");
    }

    /// <summary>Makes the window <paramref name="height"/> pixels tall and waits until the view has followed.</summary>
    private static async Task ResizeAsync(IPage page, ILocator lanes, int height)
    {
        var before = (await OverflowAsync(lanes)).Height;
        await page.SetViewportSizeAsync(1440, height);
        await PollAsync(async () => (await OverflowAsync(lanes)).Height != before, $"the view to follow a window {height} pixels tall");
    }

    /// <summary>By how many pixels the lanes overflow the part of the view that shows them, and that part's height.</summary>
    private static async Task<(int Overflow, int Height)> OverflowAsync(ILocator lanes)
    {
        var sizes = await lanes.EvaluateAsync<int[]>(
            "panel => [panel.firstElementChild.getBoundingClientRect().height, panel.getBoundingClientRect().height].map(Math.floor)");
        return (sizes[0] - sizes[1], sizes[1]);
    }

    /// <summary>Whether the lanes are taller than the part of the view that shows them (vis then scrolls them).</summary>
    private static async Task<bool> OverflowsAsync(ILocator lanes) => (await OverflowAsync(lanes)).Overflow > 1;

    /// <summary>
    /// Opens the timeline, then moves it to <paramref name="url"/> (drawn with vis's own lane redraw if
    /// <paramref name="visAlone"/>); returns each item's box (by its element's id and name) and, for each of vis's
    /// redraws that drew items, how many times it measured items after writing new ones into the page: a layout each.
    /// </summary>
    private async Task<(Dictionary<string, string> Boxes, int[] Layouts)> DrawWeekAsync(string url, bool visAlone)
    {
        await using var w = await _app.NewPageAsync(1440, 900);
        var timeline = new TimelineControls(w.Page);
        await w.GotoAsync("/timeline");
        await timeline.DrawnAsync();
        await w.Page.EvaluateAsync(CountLayouts, visAlone);
        await w.Page.EvaluateAsync("u => Blazor.navigateTo(u)", url);
        await Expect(w.Page).ToHaveURLAsync(_app.Server.BaseUrl + url);
        await ExpectDrawnAsServerAsync(timeline);
        var boxes = await timeline.Canvas.Locator(".tl-named").EvaluateAllAsync<string[][]>("""
            names => names.map(named => {
                const box = named.closest('.vis-item').getBoundingClientRect();
                return [named.id.replace(/^tl\d+-/, '') + ' ' + named.getAttribute('aria-label'),
                    [box.left, box.top, box.width, box.height].map(v => v.toFixed(1)).join(' ')];
            })
            """);
        var layouts = await w.Page.EvaluateAsync<int[]>("() => window.tlLayouts");
        return (boxes.ToDictionary(b => b[0], b => b[1]), layouts);
    }

    /// <summary>
    /// Counts, for each redraw of vis's item set, the measurings of items in the page that follow a new item's being put
    /// into it (each forces the browser to lay the page out); with vis's own lane redraw if asked.
    /// </summary>
    private const string CountLayouts = """
        visAlone => {
            const components = vis.timeline.components;
            if (visAlone) components.Group.prototype.redraw = components.Group.prototype.redraw.original;
            const counts = window.tlLayouts = [];
            let redraw = null;
            const itemSet = components.ItemSet.prototype, draw = itemSet.redraw;
            itemSet.redraw = function (...args) {
                redraw = { layouts: 0, written: false };
                try { return draw.apply(this, args); } finally { if (redraw.layouts) counts.push(redraw.layouts); redraw = null; }
            };
            const element = (item) => item.dom && (item.dom.box ?? item.dom.point);
            for (const kind of ['RangeItem', 'PointItem', 'BoxItem', 'BackgroundItem']) {
                const type = components.items[kind].prototype, append = type._appendDomElement, measure = type._getDomComponentsSizes;
                type._appendDomElement = function (...args) {
                    const result = append.apply(this, args);
                    if (redraw && element(this)?.isConnected) redraw.written = true;
                    return result;
                };
                type._getDomComponentsSizes = function (...args) {
                    if (redraw?.written && element(this)?.isConnected) { redraw.layouts++; redraw.written = false; }
                    return measure.apply(this, args);
                };
            }
        }
        """;

    [GeneratedRegex(@"(show|setData)[^\[]{0,8}\[\d+,")]
    private static partial Regex WindowCall();

    /// <summary>
    /// Opens a crowded week and waits until both its neighbours (a step back, a step forward) have arrived; what the page
    /// sends from then on, and all it has received.
    /// </summary>
    private async Task<(TimelineControls Timeline, List<string> Sent, List<string> Received)> OpenCrowdedWeekAsync(WatchedPage w)
    {
        var (from, to, _) = await CrowdedWeekAsync();
        var timeline = new TimelineControls(w.Page);
        var sent = TimelineControls.Frames(w.Page, sent: true);
        var received = TimelineControls.Frames(w.Page, sent: false);
        await w.GotoAsync($"/timeline?start={from:yyyy-MM-dd}&end={to:yyyy-MM-dd}");
        await timeline.DrawnAsync();
        await Poll(() => Ahead(received) >= 2, "the windows fetched ahead to arrive");
        lock (sent) sent.Clear();
        return (timeline, sent, received);
    }

    /// <summary>
    /// The windows fetched ahead that the page has received: the circuit's calls of timeline.js's ahead (its name, then
    /// its arguments as JSON: the view's handle and the range), however many one frame carries.
    /// </summary>
    private static int Ahead(List<string> received)
    {
        lock (received) return received.Sum(f => AheadCall().Count(f));
    }

    [GeneratedRegex(@"ahead[^\[]{0,8}\[\d+,""\d{4}-")]
    private static partial Regex AheadCall();

    private static Task Poll(Func<bool> done, string what) => PollAsync(() => Task.FromResult(done()), what);

    private static async Task PollAsync(Func<Task<bool>> done, string what)
    {
        for (var waited = 0; !await done(); waited += 50)
        {
            if (waited > 30_000) throw new Xunit.Sdk.XunitException($"waited 30 s for {what}");
            await Task.Delay(50);
        }
    }

    /// <summary>The view shows, for the range in the address, the status line, events and loose bands the server gives.</summary>
    private async Task ExpectDrawnAsServerAsync(TimelineControls timeline)
    {
        await timeline.DrawnAsync();
        var (from, to) = timeline.Window();
        var window = await new TimelineQueries(_app.Server.Database.Factory).WindowAsync(new EventFilter(), from, to);
        await Expect(timeline.Status).ToHaveTextAsync(TimelineStatus.Describe(window));
        // vis draws the lanes in the view's height (the others when scrolled to): what it drew is the server's.
        var names = TimelineJs.LaneNames(window.Lanes);
        var bands = await timeline.Canvas.Locator(".tl-loose").GetByRole(AriaRole.Button).EvaluateAllAsync<string[]>("bs => bs.map(b => b.getAttribute('aria-label'))");
        Assert.NotEmpty(bands);
        Assert.Subset(window.Loose.Select(l => TimelineNames.Loose(l, names[l.Lane])).ToHashSet(), bands.ToHashSet());
        var events = (await timeline.Events.EvaluateAllAsync<string[]>("es => es.map(e => e.id)")).Select(id => Regex.Replace(id, @"^tl\d+-", "")).ToList();
        Assert.NotEmpty(events);
        Assert.Subset(window.Items.Select(i => $"{i.Lane}-{i.EventId}").ToHashSet(), events.ToHashSet());
    }

    /// <summary>
    /// Waits until the grid shows page <paramref name="number"/> of the sort, the same events in the same order as the
    /// API's page, and returns their titles.
    /// </summary>
    private async Task<IReadOnlyList<string>> ExpectPageAsync(IPage page, int number, int pages, string sort)
    {
        var expected = (await _app.Server.GetJsonAsync($"/api/events?sort={sort}&page={number}&pageSize={PageSize}"))
            .GetProperty("items").EnumerateArray().Select(e => (Id: e.GetProperty("id").GetInt32(), Title: e.GetProperty("title").GetString()!)).ToList();
        Assert.Equal(PageSize, expected.Count);
        var pager = page.GetByRole(AriaRole.Navigation, new() { Name = "Pagination" });
        await Expect(pager).ToContainTextAsync($"Page {number:N0} of {pages:N0}");
        await Expect(pager.GetByRole(AriaRole.Link, new() { Name = $"Page {number}", Exact = true })).ToHaveAttributeAsync("aria-current", "page");

        // Each row links its event by title; the first and last rows settle when the page has loaded.
        var links = page.GetByRole(AriaRole.Table, new() { Name = "Events" }).GetByRole(AriaRole.Link);
        await Expect(links.First).ToHaveAttributeAsync("href", $"/events/{expected[0].Id}");
        await Expect(links.Last).ToHaveAttributeAsync("href", $"/events/{expected[^1].Id}");
        Assert.Equal(expected.Select(e => $"/events/{e.Id}"), await links.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"));
        var titles = await links.AllInnerTextsAsync();
        Assert.Equal(expected.Select(e => e.Title), titles);
        return titles;
    }
}
