namespace Timeline.Web.Components.Pages.Persons;

/// <summary>One event to place on a mini-timeline. Days are <see cref="DateOnly.DayNumber"/>s.</summary>
public sealed record MiniTimelineItem(int Id, string Label, int SortDay, int EarliestDay, int LatestDay);

/// <summary>
/// A placed event: <see cref="X"/> is where it sorts, <see cref="From"/>–<see cref="To"/> the days it may
/// mean (clamped to the axis), all in percent of the width; <see cref="Lane"/> is its row, 0 nearest the axis.
/// </summary>
public sealed record MiniTimelineMark(int Id, string Label, double X, double From, double To, int Lane);

public sealed record MiniTimelineTick(int Year, double X);

/// <summary>
/// The geometry of a person's mini-timeline: an axis from 1 January of their first event's year to the
/// end of their last event's year, year ticks at a round step, and one mark per event. Horizontal positions
/// are percentages, so the SVG stretches to any width without distorting its marks; marks that would
/// overlap are stacked in lanes.
/// </summary>
public sealed class MiniTimelineLayout
{
    private static readonly int[] Steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];

    private MiniTimelineLayout(int firstYear, int lastYear, IReadOnlyList<MiniTimelineTick> ticks, IReadOnlyList<MiniTimelineMark> marks)
    {
        FirstYear = firstYear;
        LastYear = lastYear;
        Ticks = ticks;
        Marks = marks;
    }

    public int FirstYear { get; }
    public int LastYear { get; }
    public IReadOnlyList<MiniTimelineTick> Ticks { get; }
    public IReadOnlyList<MiniTimelineMark> Marks { get; }

    /// <summary>How many lanes the marks use (at least one).</summary>
    public int Lanes => Marks.Count == 0 ? 1 : Marks.Max(m => m.Lane) + 1;

    /// <param name="items">The events, in any order.</param>
    /// <param name="margin">Percent kept free at either end, so end marks and labels are not cut off.</param>
    /// <param name="maxTicks">The most year ticks to draw; the step grows (1, 2, 5, 10, 20, 25, 50 ... years) to fit.</param>
    /// <param name="minGap">Marks closer than this (percent) go into different lanes.</param>
    /// <param name="maxLanes">Beyond this many lanes, marks share the lane that frees up first.</param>
    public static MiniTimelineLayout Compute(IReadOnlyList<MiniTimelineItem> items, double margin = 2, int maxTicks = 10,
        double minGap = 1.2, int maxLanes = 5)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0) return new MiniTimelineLayout(0, 0, [], []);
        var firstYear = DateOnly.FromDayNumber(items.Min(i => i.SortDay)).Year;
        var lastYear = DateOnly.FromDayNumber(items.Max(i => i.SortDay)).Year;
        var start = new DateOnly(firstYear, 1, 1).DayNumber;
        var end = lastYear >= 9999 ? DateOnly.MaxValue.DayNumber + 1 : new DateOnly(lastYear + 1, 1, 1).DayNumber;
        double At(int day) => margin + (Math.Clamp(day, start, end) - start) * (100 - 2 * margin) / (end - start);

        var step = Steps.FirstOrDefault(s => TickYears(firstYear, lastYear, s).Count() <= maxTicks, Steps[^1]);
        var ticks = TickYears(firstYear, lastYear, step)
            .Select(y => new MiniTimelineTick(y, At(y > 9999 ? end : new DateOnly(y, 1, 1).DayNumber))).ToList();

        // Greedy lanes, left to right: each mark takes the lowest lane it does not crowd.
        var laneEnds = new List<double>();
        var marks = new List<MiniTimelineMark>(items.Count);
        foreach (var item in items.OrderBy(i => i.SortDay).ThenBy(i => i.Id))
        {
            var x = At(item.SortDay);
            var lane = laneEnds.FindIndex(last => x - last >= minGap);
            if (lane < 0 && laneEnds.Count < maxLanes)
            {
                laneEnds.Add(x);
                lane = laneEnds.Count - 1;
            }
            else if (lane < 0)
            {
                lane = laneEnds.IndexOf(laneEnds.Min());
            }
            laneEnds[lane] = x;
            marks.Add(new MiniTimelineMark(item.Id, item.Label, x, At(item.EarliestDay), At(item.LatestDay), lane));
        }
        return new MiniTimelineLayout(firstYear, lastYear, ticks, marks);
    }

    // Years divisible by the step, from the first year to the end of the last (1 Jan of the year after).
    private static IEnumerable<int> TickYears(int firstYear, int lastYear, int step)
    {
        var first = (firstYear + step - 1) / step * step;
        for (var y = first; y <= lastYear + 1; y += step) yield return y;
    }
}
