using Microsoft.Extensions.Caching.Memory;
using Timeline.Domain.Queries;

namespace Timeline.Web.Components.Pages.Browse;

/// <summary>
/// The windows timeline.js just fetched over HTTP (<see cref="TimelineWindowEndpoint"/>), handed to the view's circuit,
/// which hears of the drawing a moment later and needs the same window for its status line and what it fetches ahead:
/// the window is queried once, not once per side. Each is taken at most once and lives a few seconds, so the circuit
/// never gets an old window for a new request (a window not taken, as a script's, simply expires).
/// </summary>
public sealed class RecentWindows : IDisposable
{
    /// <summary>Long enough for the circuit's call, which follows the browser's draw by milliseconds under normal load.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private readonly MemoryCache _windows = new(new MemoryCacheOptions { SizeLimit = 256 });

    private readonly record struct Key(EventFilter Filter, DateOnly From, DateOnly To);

    public void Put(EventFilter filter, DateOnly from, DateOnly to, TimelineWindow window) =>
        _windows.Set(new Key(filter, from, to), window, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });

    public TimelineWindow? Take(EventFilter filter, DateOnly from, DateOnly to)
    {
        var key = new Key(filter, from, to);
        if (!_windows.TryGetValue(key, out TimelineWindow? window)) return null;
        _windows.Remove(key);
        return window;
    }

    public void Dispose() => _windows.Dispose();
}
