using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Timeline.Domain.Queries;

namespace Timeline.Web.Components.Pages.Browse;

/// <summary>
/// One vis-timeline drawn by timeline.js in the browser: the module, the handle of the instance it made, and each thing
/// the view asks of it, in the view's types. The view keeps what to draw and when; this keeps how it is said to the script,
/// and answers the script's requests for windows ahead of the view (<see cref="OnRangeAhead"/>) from the view's feed.
/// </summary>
public sealed class TimelineScript
{
    private readonly IJSObjectReference _module;
    private readonly TimelineFeed _feed;
    private readonly DotNetObjectReference<object> _view;
    private readonly DotNetObjectReference<TimelineScript> _self;
    private int _handle;

    private TimelineScript(IJSObjectReference module, TimelineFeed feed, object view) =>
        (_module, _feed, _view, _self) = (module, feed, DotNetObjectReference.Create(view), DotNetObjectReference.Create(this));

    /// <summary>
    /// Makes the timeline in <paramref name="element"/>, showing [from, to]; the script calls back <paramref name="view"/>
    /// (and this, for windows ahead). Both addresses are the fingerprinted ones, so a new build never runs against a
    /// cached old script.
    /// </summary>
    public static async Task<TimelineScript> CreateAsync(IJSRuntime js, string moduleUrl, string visUrl, ElementReference element,
        object view, TimelineFeed feed, DateOnly from, DateOnly to)
    {
        var script = new TimelineScript(await js.InvokeAsync<IJSObjectReference>("import", moduleUrl), feed, view);
        script._handle = await script._module.InvokeAsync<int>("create", element, script._view, script._self, TimelineJs.Iso(from),
            TimelineJs.Iso(to), visUrl);
        return script;
    }

    /// <summary>
    /// The browser would draw [start, end] next (a step from a crowded view, or the range under a drag): its window, once
    /// fetched, is sent to be kept (see <see cref="TimelineFeed.AheadAsync"/>).
    /// </summary>
    [JSInvokable]
    public async Task OnRangeAhead(string start, string end, bool peek)
    {
        var (from, to) = (TimelineJs.Day(start), TimelineJs.Day(end));
        try
        {
            if (await _feed.AheadAsync(from, to, peek) is { } window) await AheadAsync(from, to, window);
        }
        catch (Exception e) when (e is JSDisconnectedException or ObjectDisposedException)
        {
            // The page has gone.
        }
    }

    /// <summary>
    /// Draws a window loaded by the feed: first, for a new filter, the region the browser is to hold; after it, the region
    /// fetched ahead around it, if any, once it arrives.
    /// </summary>
    public async Task ShowAsync(TimelineFeed.Loaded loaded, TimelineMove move)
    {
        if (loaded.NewFilter) await HoldAsync(loaded.Held);
        await ShowAsync(loaded.Window, move, loaded.From, loaded.To);
        _ = HoldAheadAsync(_feed.PrefetchAsync(loaded.Window));
    }

    /// <summary>
    /// Draws the window; with a move, first moves the view to [<paramref name="from"/>, <paramref name="to"/>] in the same
    /// step, so the view arrives drawn (the script need not ask for what it moved to).
    /// </summary>
    private async Task ShowAsync(TimelineWindow window, TimelineMove move, DateOnly from, DateOnly to)
    {
        if (move == TimelineMove.None) await _module.InvokeVoidAsync("setData", [_handle, .. Data(window), TimelineJs.Iso(from), TimelineJs.Iso(to)]);
        else await _module.InvokeVoidAsync("show", [_handle, TimelineJs.Iso(from), TimelineJs.Iso(to), move == TimelineMove.Glide, .. Data(window)]);
    }

    /// <summary>The window of [from, to], fetched before the view goes there: kept by the browser, drawn when it does.</summary>
    private async Task AheadAsync(DateOnly from, DateOnly to, TimelineWindow window) =>
        await _module.InvokeVoidAsync("ahead", [_handle, TimelineJs.Iso(from), TimelineJs.Iso(to), .. Data(window)]);

    private static object[] Data(TimelineWindow window)
    {
        var names = TimelineJs.LaneNames(window.Lanes);
        return [TimelineJs.Lanes(window.Lanes, names), TimelineJs.Items(window.Items, names), TimelineJs.Bars(window, names), TimelineJs.Loose(window, names)];
    }

    /// <summary>What the browser holds and answers zoom and pan from (null: nothing, ask the server).</summary>
    public async Task HoldAsync(TimelineHeld? held) =>
        await _module.InvokeVoidAsync("hold", _handle, held is null ? null : TimelineJs.Held(held), TimelineQueries.Cap);

    /// <summary>Holds the region fetched ahead around a window, if there is one, once it arrives.</summary>
    private async Task HoldAheadAsync(Task<TimelineHeld?> fetching)
    {
        try
        {
            if (await fetching is { } held) await HoldAsync(held);
        }
        catch (Exception e) when (e is JSDisconnectedException or ObjectDisposedException)
        {
            // The page has gone.
        }
    }

    public async Task SelectAsync(int? eventId) => await _module.InvokeVoidAsync("select", _handle, eventId);

    public async Task FocusEventAsync(int eventId) => await _module.InvokeVoidAsync("focusEvent", _handle, eventId);

    /// <summary>"Fit all" to [from, to] drawn by the browser from a window it keeps or holds; false when it has none.</summary>
    public async Task<bool> FitAsync(DateOnly from, DateOnly to) =>
        _feed.Knows(from, to) && await _module.InvokeAsync<bool>("fit", _handle, TimelineJs.Iso(from), TimelineJs.Iso(to));

    /// <summary>Zooms or moves the view; Fit all is the view's, as it needs the server's extent.</summary>
    public async Task RunAsync(TimelineCommand command)
    {
        switch (command)
        {
            case TimelineCommand.ZoomIn: await _module.InvokeVoidAsync("zoom", _handle, 0.5); break;
            case TimelineCommand.ZoomOut: await _module.InvokeVoidAsync("zoom", _handle, 2.0); break;
            case TimelineCommand.Earlier: await _module.InvokeVoidAsync("move", _handle, -0.5); break;
            case TimelineCommand.Later: await _module.InvokeVoidAsync("move", _handle, 0.5); break;
            default: throw new ArgumentOutOfRangeException(nameof(command), command, "Only zoom and move are the script's own.");
        }
    }

    /// <summary>Removes the timeline and lets the module and the references the browser had go.</summary>
    public async Task ReleaseAsync()
    {
        try
        {
            await _module.InvokeVoidAsync("dispose", _handle);
            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the browser's page with it.
        }
        finally
        {
            _view.Dispose();
            _self.Dispose();
        }
    }
}

/// <summary>How the view comes to a window the server chose rather than the user's own zoom or pan.</summary>
public enum TimelineMove
{
    /// <summary>It stays where it is (the window is of the range it shows).</summary>
    None,

    /// <summary>It is there at once, as a page change is (back and forward, a link, the histogram).</summary>
    Jump,

    /// <summary>It glides there, already drawn ("Fit all": seeing the view widen says what happened).</summary>
    Glide,
}
