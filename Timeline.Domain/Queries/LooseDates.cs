namespace Timeline.Domain.Queries;

/// <summary>Folds loosely dated events, counted by lane and date bounds, into the timeline's per-lane summaries.</summary>
public static class LooseDates
{
    /// <summary>
    /// One summary per lane and month or year the events are dated to, and one per lane for every other span
    /// (its bounds the widest of the events in it), in the order of <paramref name="laneOrder"/> and then in time.
    /// </summary>
    public static List<LooseSummary> Fold(IEnumerable<(string Lane, int EarliestDay, int LatestDay, int Count)> counted,
        IReadOnlyList<string> laneOrder)
    {
        var order = laneOrder.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        return counted
            .Select(c => (c.Lane, Period: PeriodOf(c.EarliestDay, c.LatestDay), c.EarliestDay, c.LatestDay, c.Count))
            // A month or a year is its own group; the other spans of a lane make one.
            .GroupBy(c => (c.Lane, c.Period, Key: c.Period == LoosePeriod.Span ? 0 : c.EarliestDay))
            .Select(g => new LooseSummary(g.Key.Lane, g.Key.Period,
                DateOnly.FromDayNumber(g.Min(c => c.EarliestDay)), DateOnly.FromDayNumber(g.Max(c => c.LatestDay)), g.Sum(c => c.Count)))
            .OrderBy(s => order.GetValueOrDefault(s.Lane, int.MaxValue)).ThenBy(s => s.Period == LoosePeriod.Span).ThenBy(s => s.From)
            // A month and its year start on the same day: the order of the rows read must not decide which comes first.
            .ThenBy(s => s.Period)
            .ToList();
    }

    /// <summary>Whether the bounds are exactly one calendar month, one calendar year, or something else.</summary>
    public static LoosePeriod PeriodOf(int earliestDay, int latestDay)
    {
        var from = DateOnly.FromDayNumber(earliestDay);
        var to = DateOnly.FromDayNumber(latestDay);
        if (from.Day != 1) return LoosePeriod.Span;
        if (from.Month == 1 && to == new DateOnly(from.Year, 12, 31)) return LoosePeriod.Year;
        return to.Year == from.Year && to.Month == from.Month && to.Day == DateTime.DaysInMonth(to.Year, to.Month)
            ? LoosePeriod.Month : LoosePeriod.Span;
    }
}
