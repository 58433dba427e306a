using Microsoft.Data.Sqlite;
using Timeline.Domain.ImportExport;
using Timeline.Tests.Support;
using Timeline.Web.Benchmark;

namespace Timeline.Tests.Web;

/// <summary>The benchmark verb on a small synthetic database: every operation runs, and its inputs are drawn where the work is.</summary>
public sealed class QueryBenchmarkTests : IAsyncLifetime, IDisposable
{
    private readonly TestDatabase _db = new();

    public async Task InitializeAsync()
    {
        var data = new SyntheticData(new SyntheticOptions { Events = 800, Persons = 150, Sources = 40, Seed = 5 });
        await _db.Get<DatasetImporter>().ImportAsync(data.Entries(), data.TotalRecords);
    }

    public Task DisposeAsync() => Task.CompletedTask;
    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Every_operation_runs_and_names_its_slowest_samples()
    {
        var output = new StringWriter();
        var code = await QueryBenchmark.RunAsync(["--db", _db.FilePath, "--samples", "20", "--warmup", "3"], output, CancellationToken.None);
        SqliteConnection.ClearAllPools();

        var text = output.ToString();
        Assert.Equal(0, code);
        string[] operations =
        [
            "baseline: event by primary key", "timeline window, no filter", "timeline window, one kind", "timeline window, one person",
            "timeline window, common surname", "/api/timeline: query and JSON", "timeline extent", "stats", "table page of 50",
            "text search, one word", "text search, 2-4 words", "text search, word in most events", "person filter", "name filter",
            "person autocomplete", "year filter, page + total", "year filter, counts per kind",
        ];
        var lines = text.Split('\n');
        foreach (var op in operations)
        {
            var at = Array.FindIndex(lines, l => l.StartsWith("  " + op, StringComparison.Ordinal));
            Assert.True(at >= 0, $"'{op}' missing from:\n{text}");
            // The warm-up line, then the slowest samples (p95 and beyond of 20: two) with what they asked for.
            Assert.Contains("warm-up", lines[at + 1], StringComparison.Ordinal);
            Assert.All(lines[(at + 2)..(at + 4)], l => Assert.Matches(@"^\s+[\d.]+ ms  \S", l));
        }
    }

    [Fact]
    public async Task Inputs_include_the_busiest_person_and_every_band_of_event_counts_and_fall_where_the_events_are()
    {
        var inputs = await BenchmarkInputs.ReadAsync(_db.ConnectionString, CancellationToken.None);
        var random = new Random(1);

        Assert.Equal(inputs.Persons.Max(p => p.Events), inputs.Person(random, 0).Events);
        var drawn = Enumerable.Range(1, 2000).Select(i => inputs.Person(random, i)).ToList();
        Assert.All(inputs.Bands, band => Assert.Contains(drawn, p => band.Contains(p)));

        var months = inputs.Months.ToHashSet();
        for (var i = 0; i < 500; i++)
        {
            var day = inputs.Day(random);
            Assert.Contains(day.Year * 12 + day.Month - 1, months);
            var (from, to) = BenchmarkInputs.Window(random, day);
            Assert.InRange(day, from, to);
            Assert.InRange(from, BenchmarkInputs.Scrollable.From, to);
            Assert.InRange(to, from, BenchmarkInputs.Scrollable.To);
            Assert.InRange(to.DayNumber - from.DayNumber, 7, 200 * 366);
        }
    }
}
