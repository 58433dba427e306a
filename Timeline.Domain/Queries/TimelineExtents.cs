using System.Collections.Concurrent;

namespace Timeline.Domain.Queries;

/// <summary>
/// The span of a filter's events (<see cref="TimelineQueries.ExtentAsync"/>), kept for a short while per filter. Opening
/// the timeline asked for it four times (the page and the filter bar's scale, each once prerendered and once live) and
/// "Fit all" again on every press: now one query per filter. Entries last <see cref="Lifetime"/>, which bounds how long an
/// event saved elsewhere can be missing from "Fit all"; there is no change signal to clear them sooner.
/// </summary>
public sealed class TimelineExtents(TimelineQueries timelines, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    // Enough for every filter a few readers use at once; past it the cache starts afresh rather than track ages.
    private const int MaxEntries = 256;

    private readonly ConcurrentDictionary<EventFilter, (DateTimeOffset Until, (DateOnly From, DateOnly To)? Extent)> _entries = new();

    public async Task<(DateOnly From, DateOnly To)?> GetAsync(EventFilter filter, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(filter, out var entry) && entry.Until > now) return entry.Extent;
        var extent = await timelines.ExtentAsync(filter, ct);
        if (_entries.Count >= MaxEntries) _entries.Clear();
        _entries[filter] = (now + Lifetime, extent);
        return extent;
    }
}
