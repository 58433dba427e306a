using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Timeline.Domain.Data;
using Timeline.Domain.ImportExport;
using Timeline.Domain.Model;
using Timeline.Domain.Queries;
using Timeline.Web.Api;
using Timeline.Web.Filtering;

namespace Timeline.Web.Benchmark;

/// <summary>
/// <c>benchmark --db LARGE.db [--small SMALL.db] [--samples N] [--warmup N] [--budget SECONDS] [--only TEXT] [--api URL] [--import FILE]</c>:
/// times the queries the UI and API make, through the same domain services, and prints p50/p95/p99 per operation with
/// its ratio to a primary-key lookup measured in the same run, the slowest samples with their inputs, and the ratio of
/// the large database to the small one. A program that prints figures, not a test: docs/performance.md records its output.
/// </summary>
/// <remarks>
/// Each operation first runs a warm-up pass (EF compiles each query shape, SQLite prepares it; printed as "warm-up"), then
/// the measured pass on fresh inputs drawn from the same distributions, not a replay of the warm-up's: a replay would
/// find every page of SQLite's cache already holding what it asks for. Inputs come from <see cref="BenchmarkInputs"/>.
/// </remarks>
public static class QueryBenchmark
{
    private const string Usage =
        "Usage: benchmark --db LARGE.db [--small SMALL.db] [--samples N] [--warmup N] [--budget SECONDS] [--only TEXT] [--api URL] [--import FILE.json]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken ct)
    {
        string? Option(string name) => args.SkipWhile(a => a != "--" + name).Skip(1).FirstOrDefault();
        var large = Option("db");
        if (large is null || !File.Exists(large))
        {
            output.WriteLine(Usage);
            return 2;
        }
        var samples = int.TryParse(Option("samples"), CultureInfo.InvariantCulture, out var n) ? n : 200;
        var settings = new Settings(samples, int.TryParse(Option("warmup"), CultureInfo.InvariantCulture, out var w) ? w : Math.Max(10, samples / 4),
            Option("only"), Option("api") is { } api ? new Uri(api) : null,
            TimeSpan.FromSeconds(int.TryParse(Option("budget"), CultureInfo.InvariantCulture, out var b) ? b : 90));
        var small = Option("small");

        output.WriteLine($"Timeline query benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} CPUs, " +
            $"load {LoadAverage()}, {settings.Warmup} warm-up and {samples} measured samples per operation");
        var big = await MeasureAsync(large, settings, output, ct);
        Dictionary<string, Stats>? little = null;
        // The HTTP operation runs against the app's own database, which is the large one.
        if (small is not null && File.Exists(small)) little = await MeasureAsync(small, settings with { Api = null }, output, ct);
        if (little is not null)
        {
            output.WriteLine();
            output.WriteLine("Growth: p95 at the large database / p95 at the small one");
            foreach (var (op, s) in big)
                if (little.TryGetValue(op, out var l)) output.WriteLine($"  {op,-44} {s.P95 / Math.Max(l.P95, 0.001),6:0.00}x");
        }
        output.WriteLine($"Finished {DateTime.UtcNow:HH:mm} UTC, load {LoadAverage()}");
        if (Option("import") is { } file && File.Exists(file)) await ImportAsync(file, output, ct);
        return 0;
    }

    public sealed record Stats(double P50, double P95, double P99, double Max);

    private sealed record Settings(int Samples, int Warmup, string? Only, Uri? Api, TimeSpan Budget);

    /// <summary>One sample: what it asks for (printed when it is among the slowest) and the call that is timed.</summary>
    private sealed record Sample(string What, Func<Task> Call);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static async Task<Dictionary<string, Stats>> MeasureAsync(string path, Settings settings, TextWriter output, CancellationToken ct)
    {
        var connection = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite }.ToString();
        DatabaseSetup.Migrate(connection);
        await using var services = new ServiceCollection().AddLogging().AddTimelineDomain(_ => connection).BuildServiceProvider();
        var events = services.GetRequiredService<EventQueries>();
        var timeline = services.GetRequiredService<TimelineQueries>();
        var catalog = services.GetRequiredService<CatalogQueries>();
        var inputs = await BenchmarkInputs.ReadAsync(connection, ct);
        // A connection of its own for drawing inputs (a person's event days), outside the timed calls.
        await using var draws = new SqliteConnection(connection);
        await draws.OpenAsync(ct);
        using var http = settings.Api is null ? null : new HttpClient { BaseAddress = settings.Api, Timeout = TimeSpan.FromMinutes(2) };
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiJson.Configure(json);

        output.WriteLine();
        output.WriteLine($"{Path.GetFileName(path)}: {inputs.Events:N0} events, {inputs.Persons.Length:N0} persons in any, load {LoadAverage()}");
        output.WriteLine(inputs.Describe());

        var statuses = Enum.GetValues<ClaimStatus>();
        EventFilter SomeFilters(Random r, int i, int max)
        {
            var f = new EventFilter();
            foreach (var choice in Enumerable.Range(0, 4).OrderBy(_ => r.Next()).Take(r.Next(max + 1)))
            {
                f = choice switch
                {
                    0 => f with { Kinds = [inputs.Kind(r)] },
                    1 => f with { Statuses = [statuses[r.Next(statuses.Length)]] },
                    2 => f with { FromYear = r.Next(1917, 1990), ToYear = null } is var y ? y with { ToYear = y.FromYear + r.Next(0, 6) } : f,
                    _ => f with { PersonIds = [inputs.Person(r, i).Id] },
                };
            }
            return f;
        }

        // A timeline request as the page makes it: a filter (none, one kind, one person, or a common surname) and a
        // window where the filter's events are.
        async Task<(EventFilter Filter, DateOnly From, DateOnly To, string What)> TimelineRequest(Random r, int i, int filterKind)
        {
            EventFilter filter;
            DateOnly around;
            if (filterKind == 2)
            {
                var person = inputs.Person(r, i);
                (filter, around) = (new EventFilter { PersonIds = [person.Id] }, await BenchmarkInputs.DayOfAsync(draws, person, r, ct));
            }
            else
            {
                filter = filterKind switch
                {
                    0 => new EventFilter(),
                    1 => new EventFilter { Kinds = [inputs.Kind(r)] },
                    _ => new EventFilter { PersonNames = [inputs.Surname(r)] },
                };
                around = inputs.Day(r);
            }
            var (from, to) = BenchmarkInputs.Window(r, around);
            return (filter, from, to, $"{from:yyyy-MM-dd} to {to:yyyy-MM-dd}, {Describe(filter, inputs)}");
        }

        var results = new Dictionary<string, Stats>();
        async Task Run(string name, Func<Random, int, Task<Sample>> draw)
        {
            if (results.Count > 0 && settings.Only is { } only && !name.Contains(only, StringComparison.OrdinalIgnoreCase)) return;
            // Two seeds per operation, fixed (runs are comparable) and different (the measured inputs are fresh).
            var seed = name.Aggregate(17, (h, c) => unchecked(h * 31 + c));
            var warm = await PassAsync(new Random(seed), settings.Warmup, settings.Budget, draw);
            var measured = await PassAsync(new Random(seed ^ 0x5bd1e995), settings.Samples, settings.Budget, draw);
            var times = measured.Select(x => x.Ms).Order().ToArray();
            var first = warm.Select(x => x.Ms).Order().ToArray();
            var s = results[name] = new Stats(Pct(times, 0.50), Pct(times, 0.95), Pct(times, 0.99), times[^1]);
            // Each line as soon as it is measured: a slow operation shows itself while the run goes on.
            if (results.Count == 1)
                output.WriteLine($"  {"operation",-44} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"p50/base",9} {"p95/base",9}");
            var baseline = results.First().Value.P50;
            output.WriteLine($"  {name,-44} {s.P50,8:0.00} {s.P95,8:0.00} {s.P99,8:0.00} {s.Max,8:0.0} {s.P50 / baseline,8:0.0}x {s.P95 / baseline,8:0.0}x");
            if (measured.Count < settings.Samples)
                output.WriteLine($"    (the time budget of {settings.Budget.TotalSeconds:0} s stopped it after {measured.Count} of {settings.Samples} samples)");
            if (first.Length > 0)
                output.WriteLine($"  {"  warm-up",-44} {Pct(first, 0.50),8:0.00} {Pct(first, 0.95),8:0.00} {Pct(first, 0.99),8:0.00} {first[^1],8:0.0}");
            // The samples at and beyond p95, with what they asked for: what bounds the tail.
            foreach (var (ms, what) in measured.OrderByDescending(x => x.Ms).Take(measured.Count - (int)Math.Ceiling(0.95 * measured.Count) + 1))
                output.WriteLine($"      {ms,8:0.0} ms  {what}");
        }

        static Task<Sample> Ready(string what, Func<Task> call) => Task.FromResult(new Sample(what, call));

        await Run("baseline: event by primary key", (r, _) =>
        {
            var id = r.Next(1, inputs.MaxEventId + 1);
            return Ready($"event {id}", () => events.GetAsync(id, ct));
        });

        var largest = 0;
        async Task<Sample> Window(Random r, int i, int filterKind)
        {
            var (filter, from, to, what) = await TimelineRequest(r, i, filterKind);
            return new Sample(what, async () => largest = Math.Max(largest, (await timeline.WindowAsync(filter, from, to, ct)).Items.Count));
        }
        await Run("timeline window, no filter", (r, i) => Window(r, i, 0));
        await Run("timeline window, one kind", (r, i) => Window(r, i, 1));
        await Run("timeline window, one person", (r, i) => Window(r, i, 2));
        await Run("timeline window, common surname", (r, i) => Window(r, i, 3));
        await Run("/api/timeline: query and JSON, any filter", async (r, i) =>
        {
            var (filter, from, to, what) = await TimelineRequest(r, i, r.Next(4));
            return new Sample(what, async () =>
                JsonSerializer.SerializeToUtf8Bytes(TimelineWindowDto.From(await timeline.WindowAsync(filter, from, to, ct)), json));
        });
        if (http is not null)
            await Run("/api/timeline over HTTP, any filter", async (r, i) =>
            {
                var (filter, from, to, what) = await TimelineRequest(r, i, r.Next(4));
                var url = "/api/timeline" + FilterQuery.ToQueryString(filter, ("start", $"{from:yyyy-MM-dd}"), ("end", $"{to:yyyy-MM-dd}"));
                return new Sample(what, async () =>
                {
                    using var response = await http.GetAsync(url, ct);
                    response.EnsureSuccessStatusCode();
                    await response.Content.ReadAsByteArrayAsync(ct);
                });
            });
        await Run("timeline extent (opening, Fit all)", (r, i) =>
        {
            var f = r.Next(3) switch
            {
                0 => new EventFilter(),
                1 => new EventFilter { Kinds = [inputs.Kind(r)] },
                _ => new EventFilter { PersonIds = [inputs.Person(r, i).Id] },
            };
            return Ready(Describe(f, inputs), () => timeline.ExtentAsync(f, ct));
        });
        await Run("stats (home page, /api/stats)", (_, _) => Ready("stats", () => events.GetStatsAsync(ct)));
        await Run("table page of 50 + total, <=3 filters", (r, i) =>
        {
            var (f, page, sort) = (SomeFilters(r, i, 3), r.Next(1, 6), (EventSort)r.Next(0, 8));
            return Ready($"{Describe(f, inputs)}, page {page}, sort {sort}", () => events.SearchAsync(f, page, 50, sort, ct: ct));
        });
        Task<Sample> Search(string text) => Ready($"\"{text}\"", () => events.SearchAsync(new EventFilter { Text = text }, 1, 50, ct: ct));
        await Run("text search, one word, page + total", (r, _) => Search(inputs.TitleWords[r.Next(inputs.TitleWords.Length)]));
        await Run("text search, 2-4 words, page + total", (r, _) => Search(inputs.Phrase(r)));
        if (inputs.CommonWords.Length > 0)
            await Run("text search, word in most events", (r, _) => Search(inputs.CommonWords[r.Next(inputs.CommonWords.Length)].Word));
        // A page counts a text's matches only so far ("at least 20,000 events"); the list and the table then count them all.
        await Run("text search, exact total (after the page)", (r, _) =>
        {
            var text = r.Next(3) switch
            {
                0 => inputs.TitleWords[r.Next(inputs.TitleWords.Length)],
                1 when inputs.CommonWords.Length > 0 => inputs.CommonWords[r.Next(inputs.CommonWords.Length)].Word,
                _ => inputs.Phrase(r),
            };
            return Ready($"\"{text}\"", () => events.CountAsync(new EventFilter { Text = text }, ct));
        });
        Task<Sample> Page(EventFilter f) => Ready(Describe(f, inputs), () => events.SearchAsync(f, 1, 50, ct: ct));
        await Run("person filter, page + total", (r, i) => Page(new EventFilter { PersonIds = [inputs.Person(r, i).Id] }));
        await Run("name filter (common surname), page + total", (r, _) => Page(new EventFilter { PersonNames = [inputs.Surname(r)] }));
        // Half three-letter prefixes as typed, half the commonest surnames typed in full.
        string NameTyped(Random r) => r.Next(2) == 0 ? inputs.Prefix(r) : inputs.Surname(r);
        await Run("person autocomplete, 25 names", (r, _) =>
        {
            // As the pickers ask: the first names, without the total they never show.
            var q = NameTyped(r);
            return Ready($"\"{q}\"", () => catalog.SuggestPersonsAsync(q, 25, ct));
        });
        await Run("person search, page of 25 + total", (r, _) =>
        {
            // As the persons page and /api/persons ask.
            var q = NameTyped(r);
            return Ready($"\"{q}\"", () => catalog.SearchPersonsAsync(q, 1, 25, ct));
        });
        await Run("year filter, page + total", (r, _) =>
        {
            var year = r.Next(1917, 1992);
            return Page(new EventFilter { FromYear = year, ToYear = year });
        });
        await Run("year filter, counts per kind", (r, _) =>
        {
            var year = r.Next(1917, 1992);
            var f = new EventFilter { FromYear = year, ToYear = year };
            return Ready(Describe(f, inputs), () => events.KindCountsAsync(f, ct));
        });

        output.WriteLine($"  largest window answer: {largest} items (cap {TimelineQueries.Cap})");
        SqliteConnection.ClearAllPools();
        return results;
    }

    /// <summary>
    /// One pass of up to <paramref name="count"/> samples. It stops early, after at least 20, when it has taken more than
    /// <paramref name="budget"/> (an operation of seconds per call would otherwise hold the run for many minutes).
    /// </summary>
    private static async Task<List<(double Ms, string What)>> PassAsync(Random random, int count, TimeSpan budget,
        Func<Random, int, Task<Sample>> draw)
    {
        var list = new List<(double, string)>(count);
        var pass = Stopwatch.StartNew();
        for (var i = 0; i < count && (i < 20 || pass.Elapsed < budget); i++)
        {
            var sample = await draw(random, i);
            var clock = Stopwatch.StartNew();
            await sample.Call();
            list.Add((clock.Elapsed.TotalMilliseconds, sample.What));
        }
        return list;
    }

    private static string Describe(EventFilter f, BenchmarkInputs inputs) => string.Join(", ", new[]
    {
        f.Kinds.Count > 0 ? "kind " + string.Join('|', f.Kinds) : null,
        f.Statuses.Count > 0 ? "status " + string.Join('|', f.Statuses) : null,
        f.FromYear is { } y ? $"years {y}-{f.ToYear}" : null,
        f.PersonIds.Count > 0 ? "person " + string.Join('|', f.PersonIds.Select(id => $"{id} ({EventsOf(inputs, id):N0} events)")) : null,
        f.PersonNames.Count > 0 ? "name " + string.Join('|', f.PersonNames) : null,
    }.Where(x => x is not null).DefaultIfEmpty("no filter"));

    private static int EventsOf(BenchmarkInputs inputs, int person) => Array.Find(inputs.Persons, p => p.Id == person).Events;

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
