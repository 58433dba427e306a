using Timeline.Domain.Queries;

namespace Timeline.Web.Components.Pages.Browse;

/// <summary>
/// Where one timeline's windows come from: the region the browser holds, when it can answer (a small filter whole, or
/// the region fetched ahead around a sparse window), else the server. It keeps the same region as timeline.js, so the
/// status line can follow what the browser draws on its own. Each load cancels the one before it; a load or prefetch
/// in flight owns its cancellation source and disposes it.
/// </summary>
public sealed class TimelineFeed(TimelineQueries timelines) : IDisposable
{
    /// <summary>
    /// A filter with at most this many events is held whole in the browser, which then answers zoom and pan without the
    /// server whenever at most <see cref="TimelineQueries.Cap"/> of them are in view (more are bars, from the server).
    /// </summary>
    public const int HoldLimit = 2000;

    private CancellationTokenSource? _loading;
    private CancellationTokenSource? _prefetching;
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
        return new Loaded(window, newFilter, held, from, to);
    }

    /// <summary>
    /// The browser drew [from, to] from its region: the window it drew. A load in flight would now draw over it, unless it
    /// is of a new filter (the browser drew from the old filter's region before it heard of the new one).
    /// </summary>
    public TimelineWindow? Shown(DateOnly from, DateOnly to)
    {
        if (_loadingNewFilter) return null;
        _loading?.Cancel();
        return Held?.Slice(from, to);
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
    }
}
