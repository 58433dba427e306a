using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Timeline.Domain.Data;
using Timeline.Domain.ImportExport;
using Timeline.Domain.Model;
using Timeline.Domain.Queries;

namespace Timeline.Web.Benchmark;

/// <summary>
/// <c>benchmark --db LARGE.db [--small SMALL.db] [--samples N] [--import FILE]</c>: times the queries the UI and
/// API make, through the same domain services, and prints p50/p95/p99 per operation with its ratio to a
/// primary-key lookup measured in the same run, and the ratio of the large database to the small one. A
/// program that prints figures, not a test: docs/performance.md records its output.
/// </summary>
public static class QueryBenchmark
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken ct)
    {
        string? Option(string name) => args.SkipWhile(a => a != "--" + name).Skip(1).FirstOrDefault();
        var large = Option("db");
        if (large is null || !File.Exists(large))
        {
            output.WriteLine("Usage: benchmark --db LARGE.db [--small SMALL.db] [--samples N] [--import FILE.json]");
            return 2;
        }
        var samples = int.TryParse(Option("samples"), CultureInfo.InvariantCulture, out var n) ? n : 200;
        var small = Option("small");

        output.WriteLine($"Timeline query benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} CPUs, {samples} samples per operation");
        var big = await MeasureAsync(large, samples, output, ct);
        Dictionary<string, Stats>? little = null;
        if (small is not null && File.Exists(small)) little = await MeasureAsync(small, samples, output, ct);
        if (little is not null)
        {
            output.WriteLine();
            output.WriteLine("Growth: p95 at the large database / p95 at the small one");
            foreach (var (op, s) in big)
                if (little.TryGetValue(op, out var l)) output.WriteLine($"  {op,-34} {s.P95 / Math.Max(l.P95, 0.001),6:0.00}x");
        }
        if (Option("import") is { } file && File.Exists(file)) await ImportAsync(file, output, ct);
        return 0;
    }

    public sealed record Stats(double P50, double P95, double P99, double Max);

    private static async Task<Dictionary<string, Stats>> MeasureAsync(string path, int samples, TextWriter output, CancellationToken ct)
    {
        var connection = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite }.ToString();
        DatabaseSetup.Migrate(connection);
        await using var services = new ServiceCollection().AddLogging().AddTimelineDomain(_ => connection).BuildServiceProvider();
        var factory = services.GetRequiredService<IDbContextFactory<TimelineDbContext>>();
        var events = services.GetRequiredService<EventQueries>();
        var timeline = services.GetRequiredService<TimelineQueries>();

        int maxId, persons;
        List<int> heavy;
        List<string> words;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            maxId = await db.Events.MaxAsync(e => e.Id, ct);
            persons = await db.Persons.MaxAsync(p => p.Id, ct);
            heavy = await db.Participations.GroupBy(p => p.PersonId).Where(g => g.Count() >= 1000).Select(g => g.Key).ToListAsync(ct);
            words = (await db.Events.Where(e => e.Id % 997 == 0).Select(e => e.Title).ToListAsync(ct))
                .SelectMany(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(w => w.Length > 4 && char.IsLetter(w[0]))
                .Distinct().Order(StringComparer.Ordinal).ToList();
        }
        var count = await events.CountAsync(new EventFilter(), ct);
        output.WriteLine();
        output.WriteLine($"{Path.GetFileName(path)}: {count:N0} events, {persons:N0} persons, {heavy.Count} persons in 1,000+ events");

        var random = new Random(20261121);
        var kinds = Enum.GetValues<EventKind>();
        var statuses = Enum.GetValues<ClaimStatus>();
        int Person() => heavy.Count > 0 && random.Next(3) == 0 ? heavy[random.Next(heavy.Count)] : random.Next(1, persons + 1);
        EventFilter SomeFilters(int max)
        {
            var f = new EventFilter();
            foreach (var choice in Enumerable.Range(0, 4).OrderBy(_ => random.Next()).Take(random.Next(max + 1)))
            {
                f = choice switch
                {
                    0 => f with { Kinds = [kinds[random.Next(kinds.Length)]] },
                    1 => f with { Statuses = [statuses[random.Next(statuses.Length)]] },
                    2 => f with { FromYear = random.Next(1917, 1990), ToYear = null } is var y ? y with { ToYear = y.FromYear + random.Next(0, 6) } : f,
                    _ => f with { PersonIds = [Person()] },
                };
            }
            return f;
        }

        var results = new Dictionary<string, Stats>();
        string? sample = null; // what an operation with varied input last did, to name its slowest samples
        async Task Run(string name, Func<Task> op)
        {
            // Two passes over the same inputs: the first meets each query shape for the first time (EF compiles
            // it, SQLite prepares it), the second is the steady state of a running server. Both are printed;
            // the second is the figure compared with the targets.
            var seed = results.Count;
            random = new Random(seed);
            var first = new double[samples];
            for (var i = 0; i < samples; i++)
            {
                var clock = Stopwatch.StartNew();
                await op();
                first[i] = clock.Elapsed.TotalMilliseconds;
            }
            Array.Sort(first);
            random = new Random(seed);
            var times = new double[samples];
            var named = new List<(double Ms, string What)>();
            for (var i = 0; i < samples; i++)
            {
                sample = null;
                var clock = Stopwatch.StartNew();
                await op();
                times[i] = clock.Elapsed.TotalMilliseconds;
                if (sample is not null) named.Add((times[i], sample));
            }
            Array.Sort(times);
            var s = results[name] = new Stats(Pct(times, 0.50), Pct(times, 0.95), Pct(times, 0.99), times[^1]);
            // Each line as soon as it is measured: a slow operation shows itself while the run goes on.
            if (results.Count == 1)
                output.WriteLine($"  {"operation",-40} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"p50/base",9} {"p95/base",9}");
            var baseline = results.First().Value.P50;
            output.WriteLine($"  {name,-40} {s.P50,8:0.00} {s.P95,8:0.00} {s.P99,8:0.00} {s.Max,8:0.0} {s.P50 / baseline,8:0.0}x {s.P95 / baseline,8:0.0}x");
            output.WriteLine($"  {"  first pass",-40} {Pct(first, 0.50),8:0.00} {Pct(first, 0.95),8:0.00} {Pct(first, 0.99),8:0.00} {first[^1],8:0.0}");
            // The samples beyond p95 and what they asked for: what bounds the tail.
            foreach (var (ms, what) in named.OrderByDescending(x => x.Ms).Take(samples - (int)Math.Ceiling(0.95 * samples) + 1))
                output.WriteLine($"      {ms,8:0.0} ms  {what}");
        }

        await Run("baseline: event by primary key", () => events.GetAsync(random.Next(1, maxId + 1), ct));
        var largest = 0;
        await Run("timeline viewport, no filter", async () =>
        {
            var from = RandomWindow(random, out var to);
            sample = $"{from:yyyy-MM-dd} to {to:yyyy-MM-dd}";
            var w = await timeline.WindowAsync(new EventFilter(), from, to, ct);
            largest = Math.Max(largest, w.Items.Count);
        });
        await Run("timeline viewport, kind or person", async () =>
        {
            var f = random.Next(2) == 0 ? new EventFilter { Kinds = [kinds[random.Next(kinds.Length)]] } : new EventFilter { PersonIds = [Person()] };
            var from = RandomWindow(random, out var to);
            sample = $"{from:yyyy-MM-dd} to {to:yyyy-MM-dd}, {Describe(f)}";
            var w = await timeline.WindowAsync(f, from, to, ct);
            largest = Math.Max(largest, w.Items.Count);
        });
        await Run("table page of 50 + count, <=3 filters", () =>
        {
            var (f, page, sort) = (SomeFilters(3), random.Next(1, 6), (EventSort)random.Next(0, 8));
            sample = $"{Describe(f)}, page {page}, sort {sort}";
            return events.SearchAsync(f, page, 50, sort, ct: ct);
        });
        await Run("full-text search, top 50", () =>
            events.SearchAsync(new EventFilter { Text = words[random.Next(words.Count)] }, 1, 50, ct: ct));
        await Run("person filter, page + count", () =>
        {
            var f = new EventFilter { PersonIds = [Person()] };
            sample = Describe(f);
            return events.SearchAsync(f, 1, 50, ct: ct);
        });
        await Run("year filter, page + count", () =>
            events.SearchAsync(new EventFilter { FromYear = random.Next(1917, 1992) } is var f ? f with { ToYear = f.FromYear } : f, 1, 50, ct: ct));
        await Run("year filter, counts per kind", () =>
            events.KindCountsAsync(new EventFilter { FromYear = random.Next(1917, 1992) } is var f ? f with { ToYear = f.FromYear } : f, ct));

        output.WriteLine($"  largest viewport answer: {largest} items (cap {TimelineQueries.Cap})");
        SqliteConnection.ClearAllPools();
        return results;
    }

    private static string Describe(EventFilter f) => string.Join(", ", new[]
    {
        f.Kinds.Count > 0 ? "kind " + string.Join('|', f.Kinds) : null,
        f.Statuses.Count > 0 ? "status " + string.Join('|', f.Statuses) : null,
        f.FromYear is { } y ? $"years {y}-{f.ToYear}" : null,
        f.PersonIds.Count > 0 ? "person " + string.Join('|', f.PersonIds) : null,
    }.Where(x => x is not null).DefaultIfEmpty("no filter"));

    /// <summary>A window from a day to two centuries long (log-uniform), somewhere in 1880–2020.</summary>
    private static DateOnly RandomWindow(Random random, out DateOnly to)
    {
        var days = (int)Math.Round(Math.Exp(random.NextDouble() * Math.Log(200 * 365.25)));
        var from = new DateOnly(1880, 1, 1).AddDays(random.Next(0, Math.Max(1, 140 * 365 - days)));
        to = from.AddDays(days);
        return from;
    }

    private static double Pct(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static async Task ImportAsync(string file, TextWriter output, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"timeline-bench-import-{Guid.NewGuid():N}.db");
        var connection = $"Data Source={path}";
        try
        {
            DatabaseSetup.Migrate(connection);
            await using var services = new ServiceCollection().AddLogging().AddTimelineDomain(_ => connection).BuildServiceProvider();
            var result = await services.GetRequiredService<DatasetImporter>().ImportAsync(file, null, ct);
            output.WriteLine();
            output.WriteLine($"Import of {Path.GetFileName(file)} into an empty database: {result.Events:N0} events, {result.Rows:N0} rows in " +
                $"{result.Elapsed.TotalSeconds:0.0} s = {result.Rows / result.Elapsed.TotalSeconds:N0} rows/s");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + "*")) File.Delete(f);
        }
    }
}
