using System.Globalization;
using Timeline.Domain.Queries;

namespace Timeline.Web.Components.Pages.Browse;

/// <summary>One year's bar: its slot from <see cref="X"/> for <see cref="Width"/> and its bar's height, in percent.</summary>
public sealed record HistogramBar(int Year, int Count, double X, double Width, double Height)
{
    /// <summary>The bar drawn inside the slot, a gap on either side so neighbours never touch.</summary>
    public double BarX => X + Width * HistogramLayout.Gap / 2;

    public double BarWidth => Width * (1 - HistogramLayout.Gap);

    public double Middle => X + Width / 2;
}

public sealed record HistogramTick(int Year, double X);

/// <summary>
/// The geometry of the year histogram: one slot per year from the first year with events to the last (years without
/// any included, so the axis is even), each slot an equal share of the width. A year's bar lies inside its slot, so
/// bars never overlap and the year under the pointer is the slot's year. Ticks mark round years at a step that keeps
/// them apart; a single year is one tick, that year. Positions are percentages: the SVG stretches to any width.
/// </summary>
public sealed class HistogramLayout
{
    /// <summary>The share of a slot left empty between bars.</summary>
    public const double Gap = 0.2;

    /// <summary>The lowest bar of a year with events, in percent of the height: one event is never invisible.</summary>
    public const double MinHeight = 8;

    private static readonly int[] Steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];

    private HistogramLayout(IReadOnlyList<HistogramBar> bars, IReadOnlyList<HistogramTick> ticks)
    {
        Bars = bars;
        Ticks = ticks;
    }

    public IReadOnlyList<HistogramBar> Bars { get; }
    public IReadOnlyList<HistogramTick> Ticks { get; }

    public int FirstYear => Bars.Count == 0 ? 0 : Bars[0].Year;
    public int LastYear => Bars.Count == 0 ? 0 : Bars[^1].Year;

    /// <param name="counts">Events per year, in any order; years missing are years without events.</param>
    /// <param name="maxTicks">The most labelled years; the step grows (1, 2, 5, 10, 20, 25, 50 ... years) to fit.</param>
    public static HistogramLayout Compute(IReadOnlyList<YearCount> counts, int maxTicks = 12)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var byYear = counts.Where(c => c.Count > 0).GroupBy(c => c.Year).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        if (byYear.Count == 0) return new HistogramLayout([], []);
        var (first, last) = (byYear.Keys.Min(), byYear.Keys.Max());
        var slots = last - first + 1;
        var width = 100.0 / slots;
        var max = byYear.Values.Max();
        var bars = Enumerable.Range(first, slots).Select(y =>
        {
            var n = byYear.GetValueOrDefault(y);
            var height = n == 0 ? 0 : Math.Max(MinHeight, 100.0 * n / max);
            return new HistogramBar(y, n, (y - first) * width, width, height);
        }).ToList();
        var step = Steps.FirstOrDefault(s => TickYears(first, last, s).Count() <= maxTicks, Steps[^1]);
        var ticks = TickYears(first, last, step).Select(y => new HistogramTick(y, bars[y - first].Middle)).ToList();
        return new HistogramLayout(bars, ticks);
    }

    /// <summary>
    /// What the bars show, in words: "939 events dated 1886–2011, by year", and the years chosen. The bars count
    /// events by the year they are dated in, while the filter also takes in events whose uncertain dates reach into
    /// its years; so no sum of bars is given beside a choice, where it would differ from the views' count.
    /// </summary>
    public string Describe(int? from, int? to)
    {
        if (Bars.Count == 0) return "No events.";
        var span = FirstYear == LastYear ? $"{FirstYear}" : $"{FirstYear}–{LastYear}";
        if (from is null && to is null) return $"{Components.Shared.Labels.Count(Bars.Sum(b => b.Count), "event")} dated {span}, by year.";
        var chosen = from == to ? $"{from}" : $"{from?.ToString(CultureInfo.InvariantCulture) ?? "…"}–{to?.ToString(CultureInfo.InvariantCulture) ?? "…"}";
        return $"Events dated {span}, by year; {chosen} chosen.";
    }

    /// <summary>The bar of a year, or null outside the axis.</summary>
    public HistogramBar? Bar(int year) => Bars.Count > 0 && year >= FirstYear && year <= LastYear ? Bars[year - FirstYear] : null;

    // The years divisible by the step within [first, last]; a span shorter than the step still gets its first year.
    private static IEnumerable<int> TickYears(int first, int last, int step)
    {
        var start = (first + step - 1) / step * step;
        if (start > last) return [first];
        return Enumerable.Range(0, (last - start) / step + 1).Select(i => start + i * step);
    }
}
