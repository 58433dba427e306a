using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Timeline.Domain.Queries;
using Timeline.Web.Components.Pages.Browse;
using Timeline.Web.Filtering;
using static Microsoft.Playwright.Assertions;

namespace Timeline.Tests.Browser;

/// <summary>
/// The timeline as a historian uses it (issue 10): it fills the window, every event and bar is reached from the
/// keyboard, the wheel scrolls the page unless Ctrl is held, counts and titles are drawn whole or not at all, and on a
/// phone the evidence is a sheet whose close button stays in reach.
/// </summary>
[Collection(BrowserTests.Name)]
public class TimelineViewTests(BrowserFixture browser)
{
    private const string Blumkin1929 = "/timeline?person=Blumkin&from=1929&to=1929";

    [Fact]
    public async Task At_1440_by_900_the_first_lane_is_in_view_and_the_timeline_runs_to_the_bottom_of_the_window()
    {
        await using var w = await browser.NewPageAsync(1440, 900);
        var timeline = new TimelineControls(w.Page);
        await w.GotoAsync("/timeline");
        await timeline.DrawnAsync();

        var lane = await timeline.Lanes.First.BoundingBoxAsync();
        Assert.NotNull(lane);
        Assert.True(lane.Y >= 0 && lane.Y + lane.Height <= 900, $"the first lane is at {lane.Y}–{lane.Y + lane.Height}");
        // The view takes the height left, to within the page's bottom padding, whether or not its lanes need all of it.
        var canvas = (await timeline.Canvas.BoundingBoxAsync())!;
        Assert.InRange(canvas.Y + canvas.Height, 900 - 80, 900);
        Assert.False(await w.Page.EvaluateAsync<bool>("() => document.scrollingElement.scrollHeight > innerHeight + 1"), "the page scrolls");
    }

    [Fact]
    public async Task Tab_reaches_the_timeline_and_the_arrow_keys_reach_every_event()
    {
        await using var w = await browser.NewPageAsync();
        var timeline = new TimelineControls(w.Page);
        await w.GotoAsync(Blumkin1929);
        await timeline.DrawnAsync();
        var lanes = await ExpectedAsync(Blumkin1929, new DateOnly(1929, 1, 1), new DateOnly(1929, 12, 31));

        await TabIntoAsync(w.Page, timeline);
        Assert.Equal(await timeline.TotalAsync(), await WalkAsync(timeline, lanes));
        // Ringed, for the eye.
        var ring = await (await timeline.CurrentAsync()).EvaluateAsync<string>("e => getComputedStyle(e.closest('.tl-item')).outlineStyle");
        Assert.Equal("solid", ring);
    }

    [Fact]
    public async Task Every_density_bar_is_reached_by_the_keyboard_and_Enter_zooms_into_it()
    {
        await using var w = await browser.NewPageAsync();
        var timeline = new TimelineControls(w.Page);
        const string path = "/timeline?start=1880-01-01&end=2019-12-31";
        await w.GotoAsync(path);
        await timeline.DrawnAsync();
        await Expect(timeline.Status).ToContainTextAsync(TimelineControls.BarsShown);
        var lanes = await ExpectedAsync(path, new DateOnly(1880, 1, 1), new DateOnly(2019, 12, 31));
        Assert.Matches(@"^1930s: [\d,]+ events \(Trial\), press Enter or click to zoom in$", lanes[0].Single(b => b.Key == "b-k-trial-1930-01-01").Name);

        await TabIntoAsync(w.Page, timeline);
        // Lanes out of the view's height are drawn when the keyboard scrolls to them: all the bars the server sent.
        Assert.Equal(lanes.Sum(l => l.Count), await WalkAsync(timeline, lanes));

        // The last bar walked is the last of the last lane: Enter opens its decade, and the keyboard stays in that lane.
        var (key, _) = lanes[^1][^1];
        var lane = Regex.Match(key, @"^b-(.+)-(\d{4})-01-01$");
        await timeline.PressAsync("Enter");
        await Expect(w.Page).ToHaveURLAsync(new Regex($@"start={lane.Groups[2].Value}-01-01&end={int.Parse(lane.Groups[2].Value, CultureInfo.InvariantCulture) + 10}-01-01"));
        await timeline.DrawnAsync();
        await Expect(timeline.Canvas).ToHaveAttributeAsync("aria-activedescendant", new Regex($@"^tl\d+-(b-)?{Regex.Escape(lane.Groups[1].Value)}-"));
    }

    [Fact]
    public async Task Enter_opens_the_evidence_in_the_panel_and_Escape_closes_it_and_returns_to_the_event()
    {
        await using var w = await browser.NewPageAsync();
        var page = w.Page;
        var timeline = new TimelineControls(page);
        await w.GotoAsync(Blumkin1929);
        await timeline.DrawnAsync();
        var lane = (await ExpectedAsync(Blumkin1929, new DateOnly(1929, 1, 1), new DateOnly(1929, 12, 31)))[0];

        await TabIntoAsync(page, timeline);
        await timeline.PressAsync("ArrowRight");
        await timeline.PressAsync("ArrowRight");
        await timeline.ExpectCurrentAsync(lane[2].Key, lane[2].Name);
        await timeline.PressAsync("Enter");

        // The panel opens on that event, its title focused, so a screen reader reads on from there.
        var panel = page.GetByRole(AriaRole.Complementary);
        var title = panel.GetByRole(AriaRole.Heading, new() { Level = 2 });
        await Expect(title).ToBeFocusedAsync();
        Assert.Contains(await title.InnerTextAsync(), lane[2].Name, StringComparison.Ordinal);
        await Expect(page).ToHaveURLAsync(new Regex($@"event={lane[2].Key.Split('-')[^1]}$"));

        await page.Keyboard.PressAsync("Escape");
        await Expect(panel).ToHaveCountAsync(0);
        await Expect(timeline.Canvas).ToBeFocusedAsync();
        await timeline.ExpectCurrentAsync(lane[2].Key);
        await Expect(page).Not.ToHaveURLAsync(new Regex("event="));

        // The close button does the same.
        await timeline.PressAsync("ArrowRight");
        await timeline.PressAsync("Enter");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Close the event details" }).ClickAsync();
        await Expect(panel).ToHaveCountAsync(0);
        await Expect(timeline.Canvas).ToBeFocusedAsync();
        await timeline.ExpectCurrentAsync(lane[3].Key);
    }

    [Fact]
    public async Task Plus_and_minus_zoom_and_Home_shows_every_event_of_the_filters_not_only_those_loaded()
    {
        await using var w = await browser.NewPageAsync();
        var timeline = new TimelineControls(w.Page);
        await w.GotoAsync("/timeline?kind=trial&start=1936-08-01&end=1936-09-30");
        await timeline.DrawnAsync();
        await TabIntoAsync(w.Page, timeline);

        var url = w.Page.Url;
        await timeline.PressAsync("-");
        await Expect(w.Page).Not.ToHaveURLAsync(url);
        var (from, to) = timeline.Window();
        Assert.InRange(to.DayNumber - from.DayNumber, 115, 125);
        await timeline.DrawnAsync();
        url = w.Page.Url;
        await timeline.PressAsync("+");
        await Expect(w.Page).Not.ToHaveURLAsync(url);
        (from, to) = timeline.Window();
        Assert.InRange(to.DayNumber - from.DayNumber, 57, 63);

        var filter = BrowseState.FromUri(browser.Server.BaseUrl + "/timeline?kind=trial").Filter;
        var extent = await new TimelineQueries(browser.Server.Database.Factory).ExtentAsync(filter);
        var (allFrom, allTo) = TimelineSpan.Around(extent!.Value);
        await timeline.DrawnAsync();
        await timeline.PressAsync("Home");
        await Expect(w.Page).ToHaveURLAsync(new Regex($"start={allFrom:yyyy-MM-dd}&end={allTo:yyyy-MM-dd}"));
        Assert.True(allTo.Year - allFrom.Year > 30, $"all trials span {allFrom}–{allTo}");
    }

    [Fact]
    public async Task A_small_filter_is_zoomed_and_moved_by_the_browser_alone_drawing_what_the_server_would()
    {
        await using var w = await browser.NewPageAsync();
        var timeline = new TimelineControls(w.Page);
        // What the page sends to the server: a range change it draws itself is only reported (OnRangeShown).
        var sent = TimelineControls.Frames(w.Page, sent: true);
        const string path = "/timeline?kind=trial&start=1936-01-01&end=1937-12-31";
        await w.GotoAsync(path);
        await timeline.DrawnAsync();
        var filter = BrowseState.FromUri(browser.Server.BaseUrl + path).Filter;

        foreach (var button in new[] { "Zoom in", "Zoom in", "Later", "Zoom out", "Earlier" })
        {
            var t0 = await w.Page.EvaluateAsync<double>("() => performance.now()");
            await timeline.ZoomAsync(button);
            // vis draws the items of the range it is at: the glide (250 ms) may still be on its way when the address and
            // the status line have followed (the browser reports the range 100 ms after drawing it), so it is waited for.
            await w.Page.WaitForFunctionAsync("t => (performance.getEntriesByName('tl:moved', 'mark')[0]?.startTime ?? 0) >= t", t0);
            var (from, to) = timeline.Window();
            var window = await new TimelineQueries(browser.Server.Database.Factory).WindowAsync(filter, from, to);
            Assert.False(window.IsDensity);
            var drawn = new List<string>();
            foreach (var id in await timeline.Events.EvaluateAllAsync<string[]>("es => es.map(e => e.id)"))
                drawn.Add(Regex.Replace(id, @"^tl\d+-", ""));
            Assert.Equal(window.Items.Select(i => $"{i.Lane}-{i.EventId}").Order(StringComparer.Ordinal), drawn.Order(StringComparer.Ordinal));
        }
        lock (sent)
        {
            Assert.Contains(sent, f => f.Contains("OnRangeShown", StringComparison.Ordinal));
            Assert.DoesNotContain(sent, f => f.Contains("OnRangeChanged", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_move_from_outside_arrives_drawn_with_no_request_from_the_browser()
    {
        await using var w = await browser.NewPageAsync();
        var timeline = new TimelineControls(w.Page);
        var sent = TimelineControls.Frames(w.Page, sent: true);
        await w.GotoAsync("/timeline?kind=trial&start=1930-01-01&end=1939-12-31");
        await timeline.DrawnAsync();
        lock (sent) sent.Clear();

        // As back and forward and the histogram do: Blazor's in-app navigation, the page and its circuit stay.
        await w.Page.EvaluateAsync("u => Blazor.navigateTo(u)", "/timeline?kind=trial&start=1937-01-01&end=1937-03-31");

        // The view is at the new range, drawn with the window the server sent along with the move.
        var window = await new TimelineQueries(browser.Server.Database.Factory).WindowAsync(
            BrowseState.FromUri(browser.Server.BaseUrl + "/timeline?kind=trial").Filter, new DateOnly(1937, 1, 1), new DateOnly(1937, 3, 31));
        Assert.NotEmpty(window.Items);
        await Expect(timeline.Status).ToHaveTextAsync(TimelineStatus.Describe(window));
        await timeline.DrawnAsync();
        // The axis names February 1937 (over the 1930s it named only years).
        var axis = await w.Page.EvaluateAsync<string>("() => Array.from(document.querySelectorAll('.vis-time-axis .vis-text')).map(e => e.textContent).join(' ')");
        Assert.Contains("Feb", axis, StringComparison.Ordinal);
        Assert.Contains("1937", axis, StringComparison.Ordinal);
        Assert.Equal(window.Items.Select(i => $"{i.Lane}-{i.EventId}").Order(StringComparer.Ordinal), await DrawnKeysAsync(timeline));
        lock (sent)
        {
            Assert.DoesNotContain(sent, f => f.Contains("OnRangeChanged", StringComparison.Ordinal));
            Assert.DoesNotContain(sent, f => f.Contains("OnRangeShown", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_move_draws_only_the_events_it_brings_and_leaves_those_still_in_view_as_they_were()
    {
        await using var w = await browser.NewPageAsync();
        var timeline = new TimelineControls(w.Page);
        // One lane, every event of it in view (vis leaves lanes scrolled out of view undrawn).
        await w.GotoAsync("/timeline?person=Blumkin&start=1929-01-01&end=1929-12-31");
        await timeline.DrawnAsync();
        var before = await DrawnKeysAsync(timeline);
        // Every item element vis puts into the page from now on, by the key of the event it draws.
        await w.Page.EvaluateAsync("""
            () => {
                window.__added = [];
                new MutationObserver((changes) => {
                    for (const c of changes) for (const n of c.addedNodes)
                        if (n.nodeType === 1 && n.matches('.vis-item.tl-item')) window.__added.push(n.querySelector('[role=button]')?.id ?? '');
                }).observe(document.querySelector('[role=application]'), { childList: true, subtree: true });
            }
            """);

        await w.Page.EvaluateAsync("u => Blazor.navigateTo(u)", "/timeline?person=Blumkin&start=1929-06-01&end=1930-05-31");

        var window = await new TimelineQueries(browser.Server.Database.Factory).WindowAsync(
            BrowseState.FromUri(browser.Server.BaseUrl + "/timeline?person=Blumkin").Filter, new DateOnly(1929, 6, 1), new DateOnly(1930, 5, 31));
        await Expect(timeline.Status).ToHaveTextAsync(TimelineStatus.Describe(window));
        await timeline.DrawnAsync();
        var after = await DrawnKeysAsync(timeline);
        var stayed = after.Intersect(before).ToList();
        Assert.True(stayed.Count >= 3, $"{stayed.Count} events stayed in view");
        // Those that stayed kept their elements: drawing each afresh took vis 120-170 ms for a week of 1937 at 1M. Only
        // the events the move brought, if any, are drawn.
        var added = (await w.Page.EvaluateAsync<string[]>("() => window.__added")).Select(id => Regex.Replace(id, @"^tl\d+-", "")).ToHashSet();
        Assert.Empty(added.Intersect(stayed));
        Assert.Superset(added, after.Except(before).ToHashSet());
    }

    [Fact]
    public async Task A_range_narrower_than_a_week_from_outside_opens_as_the_week_around_it_and_shows_what_that_holds()
    {
        await using var w = await browser.NewPageAsync();
        var timeline = new TimelineControls(w.Page);
        await w.GotoAsync("/timeline?start=1937-01-01&end=1937-12-31");
        await timeline.DrawnAsync();

        await w.Page.EvaluateAsync("u => Blazor.navigateTo(u)", "/timeline?start=1937-03-03&end=1937-03-05");

        // vis shows a week at the least, around the middle of the range: the address and the status line follow it.
        await Expect(w.Page).ToHaveURLAsync(new Regex("start=1937-02-28&end=1937-03-07"));
        var window = await new TimelineQueries(browser.Server.Database.Factory).WindowAsync(new EventFilter(), new DateOnly(1937, 2, 28), new DateOnly(1937, 3, 7));
        await Expect(timeline.Status).ToHaveTextAsync(TimelineStatus.Describe(window));
    }

        [Fact]
    public async Task A_toolbar_zoom_is_drawn_from_the_moment_it_begins_not_after_its_glide()
    {
        await using var w = await browser.NewPageAsync();
        var timeline = new TimelineControls(w.Page);
        await w.GotoAsync("/timeline?start=1936-01-01&end=1937-12-31");
        await timeline.DrawnAsync();
        // When the view last turned busy (its data asked for or being drawn).
        var t0 = await w.Page.EvaluateAsync<double>("""
            () => {
                const canvas = document.querySelector('[role=application]');
                new MutationObserver(() => { if (canvas.getAttribute('aria-busy') === 'true') window.__busyAt ??= performance.now(); })
                    .observe(canvas, { attributes: true, attributeFilter: ['aria-busy'] });
                return performance.now();
            }
            """);

        await timeline.ZoomAsync("Zoom in");

        // timeline.js marks the end of the glide (vis's animation of the window).
        var rest = await w.Page.WaitForFunctionAsync("t => { const m = performance.getEntriesByName('tl:moved', 'mark')[0]; return m && m.startTime >= t ? m.startTime : false; }", t0);
        var busyAt = await w.Page.EvaluateAsync<double>("() => window.__busyAt");
        Assert.True(busyAt < await rest.JsonValueAsync<double>(), $"the view asked for its data at {busyAt - t0:F0} ms, after the glide");
    }

        [Fact]
    public async Task The_plain_wheel_scrolls_the_page_and_Ctrl_with_the_wheel_zooms_the_timeline()
    {
        // A window too low for the filters and the timeline together, so the page scrolls; the lanes scroll inside the
        // timeline too, which must not hold on to the wheel.
        await using var w = await browser.NewPageAsync(1280, 420);
        var page = w.Page;
        var timeline = new TimelineControls(page);
        const string path = "/timeline?start=1936-08-01&end=1936-09-30";
        await w.GotoAsync(path);
        await timeline.DrawnAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollHeight > innerHeight + 100"));

        var box = (await timeline.Canvas.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + box.Width * 0.6f, box.Y + 60);
        await page.Mouse.WheelAsync(0, 150);
        await page.WaitForFunctionAsync("() => scrollY > 0");
        // vis handles the wheel as it arrives: a zoom would already have changed the range and made the view busy.
        Assert.EndsWith(path, page.Url, StringComparison.Ordinal);
        await Expect(timeline.Canvas).ToHaveAttributeAsync("aria-busy", "false");

        var scrolled = await page.EvaluateAsync<double>("() => scrollY");
        var url = page.Url;
        box = (await timeline.Canvas.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + box.Width * 0.6f, box.Y + 60);
        await page.Keyboard.DownAsync("Control");
        await page.Mouse.WheelAsync(0, -250);
        await page.Keyboard.UpAsync("Control");
        await Expect(page).Not.ToHaveURLAsync(url);
        var (from, to) = timeline.Window();
        Assert.True(to.DayNumber - from.DayNumber < 45, $"zoomed in to {from}–{to}");
        Assert.Equal(scrolled, await page.EvaluateAsync<double>("() => scrollY"));
    }

    [Theory]
    [InlineData("/timeline?start=1880-01-01&end=2019-12-31", true)]
    [InlineData("/timeline?start=1890-01-01&end=1969-12-31", false)]
    public async Task Density_counts_are_drawn_whole_inside_their_bars_at_4_5_to_1_or_else_only_named(string path, bool allFit)
    {
        await using var w = await browser.NewPageAsync(1440, 900);
        var timeline = new TimelineControls(w.Page);
        await w.GotoAsync(path);
        await timeline.DrawnAsync();
        await Expect(timeline.Status).ToContainTextAsync(TimelineControls.BarsShown);

        // Measured as drawn: the count's text box against its bar's box, its colour against the bar's.
        var report = await w.Page.EvaluateAsync<JsonElement>("""
            () => {
              const rgb = (c) => c.match(/[\d.]+/g).map(Number);
              const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
                .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
              const contrast = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
              const canvasElement = document.querySelector('[role=application]');
              const canvas = canvasElement.getBoundingClientRect();
              const out = { shown: 0, hidden: 0, problems: [] };
              for (const bar of document.querySelectorAll('.tl-bucket')) {
                const b = bar.getBoundingClientRect();
                if (b.left < canvas.left || b.right > canvas.right || b.top < canvas.top || b.bottom > canvas.bottom) continue;
                const count = bar.querySelector('.tl-bar-count');
                const name = count.parentElement.getAttribute('aria-label');
                if (getComputedStyle(count).visibility !== 'visible') {
                  out.hidden++;
                  if (!name.includes(`: ${count.textContent} event`)) out.problems.push(`hidden ${count.textContent} not in "${name}"`);
                  continue;
                }
                out.shown++;
                const range = document.createRange();
                range.selectNodeContents(count);
                const t = range.getBoundingClientRect();
                if (t.left < b.left - 0.5 || t.right > b.right + 0.5 || t.top < b.top - 0.5 || t.bottom > b.bottom + 0.5)
                  out.problems.push(`${name}: text ${t.left}-${t.right} x ${t.top}-${t.bottom} outside bar ${b.left}-${b.right} x ${b.top}-${b.bottom}`);
                const bg = rgb(getComputedStyle(bar).backgroundColor);
                if (bg.length > 3 && bg[3] < 1) out.problems.push(`${name}: translucent bar ${bg}`);
                let opacity = 1;
                for (let e = count; e && e !== canvasElement; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
                if (opacity < 1) out.problems.push(`${name}: drawn at opacity ${opacity}`);
                const ratio = contrast(rgb(getComputedStyle(count).color), bg);
                if (ratio < 4.5) out.problems.push(`${name}: contrast ${ratio.toFixed(2)}`);
              }
              return out;
            }
            """);
        var problems = report.GetProperty("problems").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.True(report.GetProperty("shown").GetInt32() > 0, "no count drawn");
        // Year bars across 80 years are too narrow for counts of two digits: those are left to the name and the tooltip.
        if (allFit) Assert.Equal(0, report.GetProperty("hidden").GetInt32());
        else Assert.True(report.GetProperty("hidden").GetInt32() > 0, "every count fitted, so the narrow case went untested");
    }

    [Fact]
    public async Task The_titles_of_short_ranges_run_on_beside_them_instead_of_being_cut()
    {
        await using var w = await browser.NewPageAsync(1440, 900);
        var timeline = new TimelineControls(w.Page);
        await w.GotoAsync("/timeline?kind=interrogation&start=1936-06-01&end=1937-03-30");
        await timeline.DrawnAsync();

        // For every title in view: its last letters are on top where they are drawn (a clipped title would show what lies
        // beneath there). And some titles are far wider than their range.
        var report = await w.Page.EvaluateAsync<JsonElement>("""
            () => {
              const canvas = document.querySelector('[role=application]').getBoundingClientRect();
              const out = { checked: 0, wider: 0, cut: [] };
              for (const title of document.querySelectorAll('.tl-item-title')) {
                const t = title.getBoundingClientRect();
                if (t.left < canvas.left || t.right > canvas.right - 2 || t.top < canvas.top || t.bottom > canvas.bottom) continue;
                const at = (x) => title.contains(document.elementFromPoint(x, t.top + t.height / 2));
                if (!at(t.left + 2)) continue;
                out.checked++;
                if (!at(t.right - 2)) out.cut.push(title.textContent);
                if (title.closest('.tl-item').getBoundingClientRect().width < t.width / 2) out.wider++;
              }
              return out;
            }
            """);
        Assert.Empty(report.GetProperty("cut").EnumerateArray());
        Assert.True(report.GetProperty("checked").GetInt32() >= 5, report.ToString());
        Assert.True(report.GetProperty("wider").GetInt32() >= 1, report.ToString());
    }

    [Fact]
    public async Task On_a_phone_the_evidence_is_a_full_width_sheet_whose_close_button_is_never_covered()
    {
        await using var w = await browser.NewPageAsync(390, 844);
        var page = w.Page;
        var timeline = new TimelineControls(page);
        await w.GotoAsync(Blumkin1929);
        await timeline.DrawnAsync();

        await timeline.Events.First.ClickAsync();
        var panel = page.GetByRole(AriaRole.Complementary);
        await Expect(panel.GetByRole(AriaRole.Region, new() { Name = "Evidence" })).ToBeVisibleAsync();
        var sheet = (await panel.BoundingBoxAsync())!;
        Assert.InRange(sheet.X, -1, 1);
        Assert.InRange(sheet.Width, 389, 391);
        Assert.InRange(sheet.Y + sheet.Height, 843, 845);

        var close = panel.GetByRole(AriaRole.Button, new() { Name = "Close the event details" });
        await ExpectOnTopAsync(close);
        // Scrolled through the evidence, and with the page scrolled under it, the button stays where it can be pressed.
        await page.Mouse.MoveAsync(195, 800);
        await page.Mouse.WheelAsync(0, 2000);
        await ExpectOnTopAsync(close);
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await ExpectOnTopAsync(close);

        await close.ClickAsync();
        await Expect(panel).ToHaveCountAsync(0);
    }

    private static async Task ExpectOnTopAsync(ILocator button)
    {
        var box = (await button.BoundingBoxAsync())!;
        Assert.True(box.Y >= 0 && box.Y + box.Height <= 844, $"the close button is at {box.Y}");
        // Nothing drawn over its middle: not the app bar, not the timeline.
        Assert.True(await button.EvaluateAsync<bool>("b => { const r = b.getBoundingClientRect(); return b.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)); }"),
            "something covers the close button");
    }

    /// <summary>The keys of the events drawn ("k-trial-12"), in order.</summary>
    private static async Task<List<string>> DrawnKeysAsync(TimelineControls timeline) =>
        (await timeline.Events.EvaluateAllAsync<string[]>("es => es.map(e => e.id)")).Select(id => Regex.Replace(id, @"^tl\d+-", ""))
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>Focus on the toolbar's last button, then Tab: the drawing area is the next stop.</summary>
    private static async Task TabIntoAsync(IPage page, TimelineControls timeline)
    {
        await page.GetByRole(AriaRole.Toolbar, new() { Name = "Timeline controls" }).GetByRole(AriaRole.Button, new() { Name = "Keyboard help" }).FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(timeline.Canvas).ToBeFocusedAsync();
    }

    /// <summary>
    /// Walks every lane from its first item to its last (arrow down into a lane lands on the item nearest in time: left
    /// from there to the first), checking each item's key and name on the way. Returns how many were reached.
    /// </summary>
    private static async Task<int> WalkAsync(TimelineControls timeline, IReadOnlyList<IReadOnlyList<(string Key, string Name)>> lanes)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        await timeline.ExpectCurrentAsync(lanes[0][0].Key, lanes[0][0].Name);
        for (var l = 0; l < lanes.Count; l++)
        {
            var lane = lanes[l];
            if (l > 0)
            {
                await timeline.PressAsync("ArrowDown");
                var anyOfLane = string.Join('|', lane.Select(i => Regex.Escape(i.Key)));
                await Expect(timeline.Canvas).ToHaveAttributeAsync("aria-activedescendant", new Regex($@"^tl\d+-({anyOfLane})$"));
                var key = Regex.Replace((await timeline.Canvas.GetAttributeAsync("aria-activedescendant"))!, @"^tl\d+-", "");
                for (var i = lane.ToList().FindIndex(x => x.Key == key) - 1; i >= 0; i--)
                {
                    await timeline.PressAsync("ArrowLeft");
                    await timeline.ExpectCurrentAsync(lane[i].Key, lane[i].Name);
                }
            }
            reached.Add(lane[0].Key);
            for (var i = 1; i < lane.Count; i++)
            {
                await timeline.PressAsync("ArrowRight");
                await timeline.ExpectCurrentAsync(lane[i].Key, lane[i].Name);
                reached.Add(lane[i].Key);
            }
        }
        return reached.Count;
    }

    /// <summary>What the server sends for a view, as the keyboard walks it: lanes in order, each in time order.</summary>
    private async Task<IReadOnlyList<IReadOnlyList<(string Key, string Name)>>> ExpectedAsync(string path, DateOnly from, DateOnly to)
    {
        var filter = BrowseState.FromUri(browser.Server.BaseUrl + path).Filter;
        var window = await new TimelineQueries(browser.Server.Database.Factory).WindowAsync(filter, from, to);
        var names = window.Lanes.ToDictionary(l => l.Id, TimelineNames.Lane);
        return window.Lanes.Select(l => (IReadOnlyList<(string, string)>)(window.Unit is { } unit
                ? window.Buckets.Where(b => b.Lane == l.Id).OrderBy(b => b.Start)
                    .Select(b => ($"b-{b.Lane}-{b.Start:yyyy-MM-dd}", TimelineNames.Bar(b, unit, names[l.Id]))).ToList()
                : window.Items.Where(i => i.Lane == l.Id).OrderBy(i => i.Earliest).ThenBy(i => i.Latest)
                    .ThenBy(i => $"{i.Lane}-{i.EventId}", StringComparer.Ordinal)
                    .Select(i => ($"{i.Lane}-{i.EventId}", TimelineNames.Item(i, names[l.Id]))).ToList()))
            .Where(l => l.Count > 0).ToList();
    }
}
