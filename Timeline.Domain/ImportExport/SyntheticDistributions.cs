namespace Timeline.Domain.ImportExport;

// The random draws behind SyntheticData: all from the caller's seeded Random, so output is reproducible.

/// <summary>Draws 1..n with probability proportional to 1/k^s, by binary search over the cumulative weights.</summary>
internal sealed class Zipf
{
    private readonly double[] _cumulative;

    public Zipf(int n, double s)
    {
        _cumulative = new double[n];
        var sum = 0.0;
        for (var k = 1; k <= n; k++) _cumulative[k - 1] = sum += 1 / Math.Pow(k, s);
    }

    public int Next(Random rng)
    {
        var i = Array.BinarySearch(_cumulative, rng.NextDouble() * _cumulative[^1]);
        return (i < 0 ? ~i : i) + 1;
    }
}

/// <summary>Draws one of the values with probability proportional to its weight.</summary>
internal sealed class Weighted<T>
{
    private readonly T[] _values;
    private readonly double[] _cumulative;

    public Weighted(IEnumerable<(T Value, double Weight)> items)
    {
        var list = items.ToList();
        _values = list.Select(i => i.Value).ToArray();
        _cumulative = new double[list.Count];
        var sum = 0.0;
        for (var i = 0; i < list.Count; i++) _cumulative[i] = sum += list[i].Weight;
    }

    public T Next(Random rng)
    {
        var i = Array.BinarySearch(_cumulative, rng.NextDouble() * _cumulative[^1]);
        return _values[Math.Min(i < 0 ? ~i : i, _values.Length - 1)];
    }
}
