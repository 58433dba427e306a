using Timeline.Domain.Queries;

namespace Timeline.Web.Components.Pages.Browse;

/// <summary>
/// Where one timeline's windows come from: the region the browser holds, when it can answer (a small filter whole, or
/// the region fetched ahead around a sparse window), else the server's windows the browser keeps (those it drew, and
/// those fetched ahead of a crowded view, see <see cref="AheadAsync"/>), else the server. It keeps what timeline.js
/// keeps, so the status line can follow what the browser draws on its own. Each load cancels the one before it; a load
/// or fetch in flight owns its cancellation source and disposes it.
/// </summary>
public sealed class TimelineFeed(TimelineQueries timelines) : IDisposable
{
    /// <summary>
    /// A filter with at most this many events is held whole in the browser, which then answers zoom and pan without the
    /// server whenever at most <see cref="TimelineQueries.Cap"/> of them are in view (more are bars, from the server).
    /// </summary>
    public const int HoldLimit = 2000;

    /// <summary>
    /// How many of the server's windows are kept for <see cref="ShownAsync"/>: twice what timeline.js keeps (KEPT), so every
    /// window the browser can still draw from is nearly always here too (a miss costs the status line a query).
    /// </summary>
    public const int WindowsKept = 20;

    private CancellationTokenSource? _loading;
    private CancellationTokenSource? _prefetching;
    private CancellationTokenSource? _peeking;
    private readonly List<CancellationTokenSource> _fetchingAhead = [];
    private readonly Dictionary<(DateOnly From, DateOnly To), TimelineWindow> _kept = [];
    private readonly List<(DateOnly From, DateOnly To)> _keptOrder = [];
    private bool _loadingNewFilter;

    /// <summary>The filter of the last window loaded.</summary>
    public EventFilter? Filter { get; private set; }

    /// <summary>What the browser holds, or is about to be sent.</summary>
    public TimelineHeld? Held { get; private set; }

    /// <summary>
    /// The window of [<paramref name="From"/>, <paramref name="To"/>] (a window of bars may cover whole periods around
    /// it), and whether the filter is new (then <paramref name="Held"/> replaces what the browser holds).
    /// </summary>
    public sealed record Loaded(TimelineWindow Window, bool NewFilter, TimelineHeld? Held, DateOnly From, DateOnly To);

    /// <returns>Null when a newer load, or a range the browser drew itself, overtook this one.</returns>
    public async Task<Loaded?> LoadAsync(EventFilter filter, DateOnly from, DateOnly to)
    {
        var previous = _loading;
        var cts = _loading = new CancellationTokenSource();
        previous?.Cancel();
        _prefetching?.Cancel();
        var newFilter = _loadingNewFilter = !filter.Equals(Filter);
        // The windows being fetched ahead are for where the view did not go; those kept may be of the old filter.
        CancelAhead();
        if (newFilter) Forget();
        var held = newFilter ? null : Held;
        TimelineWindow window;
        try
        {
            // A new filter small enough is fetched whole, once; the browser answers every window of it that it can.
            if (newFilter) (held, window) = await timelines.OpenAsync(filter, from, to, HoldLimit, cts.Token);
            else window = held?.Slice(from, to) ?? await timelines.WindowAsync(filter, from, to, cts.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        finally
        {
            if (ReferenceEquals(_loading, cts)) (_loading, _loadingNewFilter) = (null, false);
            cts.Dispose();
        }
        if (cts.IsCancellationRequested) return null;
        (Filter, Held) = (filter, held);
        // The browser keeps it too, for when the view comes back (timeline.js, setData).
        if (held?.Slice(from, to) is null) Keep(from, to, window);
        return new Loaded(window, newFilter, held, from, to);
    }

    /// <summary>
    /// The view's filter changes (its first window is about to be loaded): the load in flight and the windows being fetched
    /// ahead are of the old filter, and so are those kept. Called before anything is awaited, so that none of them can
    /// reach the browser after it has let go of the old filter's windows.
    /// </summary>
    public void FilterChanging()
    {
        _loadingNewFilter = true;
        _loading?.Cancel();
        CancelAhead();
        Forget();
    }

    /// <summary>
    /// The browser drew [from, to] on its own (from its region, or a window of the server's it kept): the window it drew.
    /// A load in flight would now draw over it, unless it is of a new filter (the browser drew from the old filter's
    /// region before it heard of the new one): then null.
    /// </summary>
    public async Task<TimelineWindow?> ShownAsync(DateOnly from, DateOnly to)
    {
        if (_loadingNewFilter) return null;
        _loading?.Cancel();
        if ((Held?.Slice(from, to) ?? Kept(from, to)) is { } window) return window;
        // Kept by the browser longer than here (rare): read again, for the status line and the loose bands.
        if (Filter is not { } filter) return null;
        var read = await Task.Run(() => timelines.WindowAsync(filter, from, to));
        return filter.Equals(Filter) ? read : null;
    }

    /// <summary>Whether the browser can draw [from, to] on its own, from its region or a window it keeps.</summary>
    public bool Knows(DateOnly from, DateOnly to) => !_loadingNewFilter && (Held?.Slice(from, to) is not null || _kept.ContainsKey((from, to)));

    // A window drawn again moves to the back of the line, as in timeline.js.
    private TimelineWindow? Kept(DateOnly from, DateOnly to)
    {
        if (!_kept.TryGetValue((from, to), out var window)) return null;
        _keptOrder.Remove((from, to));
        _keptOrder.Add((from, to));
        return window;
    }

    /// <summary>
    /// The window of [from, to] fetched ahead of the view going there, for a view the browser's region cannot answer (a
    /// crowded week, bars): the neighbours that a step back or forward shows, and, during a drag, the range under the
    /// pointer (<paramref name="peek"/>: a newer peek cancels the one before). Kept for <see cref="ShownAsync"/>; null when
    /// the browser can draw the range itself, the filter changed, or a load overtook it. Run on the pool, as SQLite's
    /// "async" queries run synchronously and would hold up the circuit's own work meanwhile.
    /// </summary>
    public async Task<TimelineWindow?> AheadAsync(DateOnly from, DateOnly to, bool peek)
    {
        if (Filter is not { } filter || _loadingNewFilter || to < from || Held?.Slice(from, to) is not null) return null;
        if (_kept.TryGetValue((from, to), out var known)) return known;
        var cts = new CancellationTokenSource();
        if (peek)
        {
            _peeking?.Cancel();
            _peeking = cts;
        }
        lock (_fetchingAhead) _fetchingAhead.Add(cts);
        try
        {
            var window = await Task.Run(() => timelines.WindowAsync(filter, from, to, cts.Token), cts.Token);
            if (cts.IsCancellationRequested || !filter.Equals(Filter)) return null;
            Keep(from, to, window);
            return window;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        finally
        {
            lock (_fetchingAhead) _fetchingAhead.Remove(cts);
            if (ReferenceEquals(_peeking, cts)) _peeking = null;
            cts.Dispose();
        }
    }

    private void Keep(DateOnly from, DateOnly to, TimelineWindow window)
    {
        _kept[(from, to)] = window;
        _keptOrder.Remove((from, to));
        _keptOrder.Add((from, to));
        if (_keptOrder.Count <= WindowsKept) return;
        _kept.Remove(_keptOrder[0]);
        _keptOrder.RemoveAt(0);
    }

    // The first load runs on the pool (TimelineView.Open), so the fetches are listed under a lock, and cancelled outside
    // it: a fetch's end may run at once, on this thread, and remove itself, or have ended and disposed its source.
    private void CancelAhead()
    {
        CancellationTokenSource[] fetching;
        lock (_fetchingAhead) fetching = [.. _fetchingAhead];
        foreach (var fetch in fetching)
        {
            try
            {
                fetch.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // It ended meanwhile.
            }
        }
    }

    private void Forget()
    {
        _kept.Clear();
        _keptOrder.Clear();
    }

    /// <summary>
    /// Around a window of a few events the next pans and zooms are likely to stay near: the window three times as wide,
    /// centred on it, is fetched ahead, and when it too has few events it is the region the browser is to hold.
    /// </summary>
    public async Task<TimelineHeld?> PrefetchAsync(TimelineWindow window)
    {
        if (Filter is not { } filter || window.IsDensity || window.Loose.Count > 0 || Held?.Slice(window.From, window.To) is not null) return null;
        var cts = _prefetching = new CancellationTokenSource();
        try
        {
            var width = window.To.DayNumber - window.From.DayNumber + 1;
            var from = DateOnly.FromDayNumber(Math.Max(DateOnly.MinValue.DayNumber, window.From.DayNumber - width));
            var to = DateOnly.FromDayNumber(Math.Min(DateOnly.MaxValue.DayNumber, window.To.DayNumber + width));
            var around = await timelines.WindowAsync(filter, from, to, cts.Token);
            if (cts.IsCancellationRequested || !filter.Equals(Filter) || TimelineHeld.Of(around) is not { } held) return null;
            return Held = held;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        finally
        {
            if (ReferenceEquals(_prefetching, cts)) _prefetching = null;
            cts.Dispose();
        }
    }

    public void Dispose()
    {
        _loading?.Cancel();
        _prefetching?.Cancel();
        CancelAhead();
    }
}
