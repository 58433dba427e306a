using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Timeline.Tests.Browser;

/// <summary>The zoomable timeline of /timeline as a user meets it: its status line, its toolbar and what it draws.</summary>
public sealed partial class TimelineControls(IPage page)
{
    /// <summary>What the status line says when the events themselves are drawn ("Select one (it) to see its evidence").</summary>
    public const string EventsShown = "to see its evidence";

    /// <summary>What the status line says when the events are counted in density bars instead.</summary>
    public const string BarsShown = "Too many events reach into this range to draw one by one";

    /// <summary>"N events between FROM and TO", or with bars "… the N events dated between FROM and TO, per UNIT".</summary>
    public ILocator Status => page.GetByRole(AriaRole.Status).Filter(new() { HasTextRegex = Total() });

    // vis-timeline draws plain divs, in which timeline.js puts a named button for each event and bar; the classes it
    // gives their boxes tell the two apart (vis gives a point's dot the class of its box too, so boxes would count
    // points twice).
    public ILocator Events => Canvas.Locator(".tl-item").GetByRole(AriaRole.Button);
    public ILocator Bars => Canvas.Locator(".tl-bucket").GetByRole(AriaRole.Button);

    /// <summary>The lane names, top to bottom.</summary>
    public ILocator Lanes => page.Locator(".tl-lane");

    /// <summary>The drawing area; it is busy from a range change until the data for it has been drawn.</summary>
    public ILocator Canvas => page.GetByRole(AriaRole.Application, new() { Name = "Timeline of events" });

    /// <summary>Waits until vis has drawn what the server last sent (it draws on a later animation frame).</summary>
    public Task DrawnAsync() => Expect(Canvas).ToHaveAttributeAsync("aria-busy", "false");

    /// <summary>The item or bar the keyboard is on: what the drawing area's aria-activedescendant names.</summary>
    public async Task<ILocator> CurrentAsync()
    {
        var id = await Canvas.GetAttributeAsync("aria-activedescendant");
        Assert.False(string.IsNullOrEmpty(id), "the timeline names no current item");
        return page.Locator("#" + id);
    }

    /// <summary>
    /// Waits until the keyboard is on the item or bar with this key (as the server makes them: "k-arrest-12" for an
    /// event in a lane, "b-k-arrest-1931-01-01" for a bar) and it is named so.
    /// </summary>
    public async Task ExpectCurrentAsync(string key, string? name = null)
    {
        await Expect(Canvas).ToHaveAttributeAsync("aria-activedescendant", new Regex($@"^tl\d+-{Regex.Escape(key)}$"));
        var current = await CurrentAsync();
        await Expect(current).ToHaveRoleAsync(AriaRole.Button);
        if (name is not null) await Expect(current).ToHaveAccessibleNameAsync(name);
    }

    /// <summary>Presses a key on the timeline (it must have the focus).</summary>
    public async Task PressAsync(string key)
    {
        await Expect(Canvas).ToBeFocusedAsync();
        await page.Keyboard.PressAsync(key);
    }

    /// <summary>The number of events the status line reports for the visible range (with bars, those dated in it).</summary>
    public async Task<int> TotalAsync() =>
        Total().Match(await Status.InnerTextAsync()).Groups[1] is { Success: true } n ? int.Parse(n.Value, NumberStyles.AllowThousands, CultureInfo.CurrentCulture) : 0;

    public async Task<bool> ShowsBarsAsync() => (await Status.InnerTextAsync()).Contains(BarsShown, StringComparison.Ordinal);

    /// <summary>The visible range, from the address bar (the page keeps it there).</summary>
    public (DateOnly From, DateOnly To) Window()
    {
        var m = WindowInUrl().Match(page.Url);
        return (DateOnly.ParseExact(m.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateOnly.ParseExact(m.Groups[2].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>Presses a toolbar button ("Zoom in", "Zoom out", …) and waits until the view shows the new range.</summary>
    public Task ZoomAsync(string button) =>
        ChangeRangeAsync(page.GetByRole(AriaRole.Toolbar, new() { Name = "Timeline controls" }).GetByRole(AriaRole.Button, new() { Name = button }));

    /// <summary>
    /// Clicks something that moves the view and waits until it has been redrawn for the new range: the app writes the
    /// range into the address after drawing what the server sent for it, the status line names the new range, and the
    /// drawing area stops being busy once vis has drawn it.
    /// </summary>
    public async Task ChangeRangeAsync(ILocator target)
    {
        var url = page.Url;
        var status = await Status.InnerTextAsync();
        await target.ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(url);
        await Expect(Status).Not.ToHaveTextAsync(status);
        await DrawnAsync();
    }

    /// <summary>
    /// The circuit's frames the page sends (<paramref name="sent"/>) or receives, as text. Blazor's circuit speaks
    /// MessagePack, whose strings (method names, ranges) are plain UTF-8 in the frame.
    /// </summary>
    public static List<string> Frames(IPage page, bool sent)
    {
        var frames = new List<string>();
        page.WebSocket += (_, socket) =>
        {
            EventHandler<IWebSocketFrame> record = (_, frame) =>
            {
                lock (frames) frames.Add(frame.Text ?? System.Text.Encoding.UTF8.GetString(frame.Binary ?? []));
            };
            if (sent) socket.FrameSent += record;
            else socket.FrameReceived += record;
        };
        return frames;
    }

    [GeneratedRegex(@"(?:([\d,.\u00a0\u202f]+)|No) events? (?:dated )?between ")]
    private static partial Regex Total();

    [GeneratedRegex(@"[?&]start=(\d{4}-\d{2}-\d{2})&end=(\d{4}-\d{2}-\d{2})")]
    private static partial Regex WindowInUrl();
}
