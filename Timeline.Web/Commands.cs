using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Data.Sqlite;
using Timeline.Domain.Data;
using Timeline.Domain.ImportExport;
using Timeline.Domain.Queries;
using Timeline.Domain.Seeding;
using Timeline.Domain.Seeding.Checks;
using Timeline.Web.Filtering;

namespace Timeline.Web;

/// <summary>
/// Command-line verbs of the app: <c>dotnet run --project Timeline.Web -- VERB ...</c>. They use the app's
/// database (<c>ConnectionStrings:Timeline</c> from appsettings.json, the environment or a
/// <c>--ConnectionStrings:Timeline=...</c> argument) and migrate it first. Exit codes: 0 done, 1 failed
/// (with the reason; an import leaves the database as it was), 2 wrong arguments.
/// </summary>
public static class Commands
{
    private static readonly string[] Verbs = ["check-seed", "import", "export", "generate", "add-user", "benchmark"];

    public const string Usage = """
        Usage:
          check-seed [FOLDER] [--documents DIR]    validate a dataset folder (default: seed) and check the seed's quality rules;
                                                   DIR holds the source documents for line locators (default: the nearest shared/seeds above FOLDER)
          import FILE-OR-FOLDER                    add a JSON or CSV dataset to the database, all or nothing
          export json|csv|timelinejs FILE [QUERY]  write the events of a filter (QUERY as in /api/events, e.g. "person=Blumkin&from=1929")
          generate [--events N] [--persons N] [--sources N] [--seed S] (--out FILE.json | --db DBFILE)
                                                   make a synthetic dataset (defaults: 10000 events, a fifth as many persons, a twentieth as many sources)
          add-user EMAIL [--role Editor|Admin]     create an account; the password from TIMELINE_PASSWORD or a prompt
          benchmark --db LARGE.db [--small SMALL.db] [--samples N] [--warmup N] [--budget S] [--only TEXT] [--api URL] [--import FILE.json]
                                                   time the queries and an import (docs/performance.md)
        Options: --ConnectionStrings:Timeline="Data Source=..." chooses the database.
        """;

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var (rest, configuration) = SplitSettings(args);
        using var cancel = new CancellationTokenSource();
        void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            e.Cancel = true;
            cancel.Cancel();
        }
        Console.CancelKeyPress += OnCancel;
        try
        {
            return rest[0] switch
            {
                "check-seed" => CheckSeed(rest.Skip(1).ToList(), output, error),
                "import" when rest.Count == 2 => await ImportAsync(rest[1], ConnectionString(configuration), output, error, cancel.Token),
                "export" when rest.Count is 3 or 4 => await ExportAsync(rest[1], rest[2], rest.Count > 3 ? rest[3] : "",
                    ConnectionString(configuration), output, error, cancel.Token),
                "generate" => await GenerateAsync(rest.Skip(1).ToList(), configuration, output, error, cancel.Token),
                "add-user" => await Account.AddUserCommand.RunAsync([.. rest], ConnectionString(configuration)),
                "benchmark" => await Benchmark.QueryBenchmark.RunAsync(rest.Skip(1).ToList(), output, cancel.Token),
                _ => Fail(error, Usage, 2),
            };
        }
        catch (OperationCanceledException)
        {
            return Fail(error, "Cancelled.", 1);
        }
        finally
        {
            Console.CancelKeyPress -= OnCancel;
            // Closing pooled connections checkpoints the WAL, so the database file is complete when the verb returns.
            SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>
    /// Validates a dataset folder, then applies the seed's quality rules (SeedChecker), and prints every problem with
    /// its file, record and field, then how many each check found.
    /// </summary>
    private static int CheckSeed(List<string> args, TextWriter output, TextWriter error)
    {
        string? folder = null, documents = null;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--documents" && i + 1 < args.Count) documents = args[++i];
            else if (folder is null && !args[i].StartsWith("--", StringComparison.Ordinal)) folder = args[i];
            else return Fail(error, Usage, 2);
        }
        folder = Nearest(folder ?? "seed");
        if (documents is not null && !Directory.Exists(documents)) return Fail(error, $"No documents folder at {documents}.", 2);
        documents ??= SeedChecker.DefaultDocuments(folder);
        if (documents is null) output.WriteLine("No documents folder (shared/seeds) found above the dataset; line locators are not checked.");

        var problems = SeedLoader.Check(folder).Select(p => new SeedProblem("validation", p)).Concat(SeedChecker.Check(folder, documents)).ToList();
        foreach (var p in problems) output.WriteLine(p.Message);
        if (problems.Count == 0)
        {
            output.WriteLine($"{folder}: valid.");
            return 0;
        }
        var tally = problems.GroupBy(p => p.Check).OrderByDescending(g => g.Count()).Select(g => $"{g.Count()} {g.Key}");
        output.WriteLine($"{folder}: {problems.Count} problem(s): {string.Join(", ", tally)}.");
        return 1;
    }

    /// <summary>
    /// A relative folder as found from the current directory or the nearest directory above it that has it:
    /// <c>dotnet run --project Timeline.Web</c> runs in the project's directory, one below the repository's seed/.
    /// </summary>
    private static string Nearest(string folder)
    {
        if (Path.IsPathRooted(folder) || Directory.Exists(folder)) return folder;
        for (var dir = Directory.GetParent(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, folder))) return Path.Combine(dir.FullName, folder);
        return folder;
    }

    private static async Task<int> ImportAsync(string path, string connectionString, TextWriter output, TextWriter error, CancellationToken ct)
    {
        using var services = Services(connectionString);
        try
        {
            var result = await services.GetRequiredService<DatasetImporter>().ImportAsync(path, new ConsoleProgress(output), ct);
            output.WriteLine($"Imported {result.Events:N0} events, {result.Persons:N0} persons and {result.Sources:N0} sources from {path}: " +
                $"{result.Rows:N0} rows in {result.Elapsed.TotalSeconds:0.0} s ({result.RowsPerSecond:N0} rows/s).");
            return 0;
        }
        catch (Exception ex) when (ex is DatasetException or IOException or OperationCanceledException)
        {
            return Fail(error, (ex is OperationCanceledException ? "Cancelled" : ex.Message) + Environment.NewLine +
                "Nothing was imported; the database is as it was.", 1);
        }
    }

    private static async Task<int> ExportAsync(string format, string file, string query, string connectionString,
        TextWriter output, TextWriter error, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        var filter = FilterQuery.Parse(QueryHelpers.ParseQuery(query.StartsWith('?') ? query : "?" + query), errors);
        if (errors.Count > 0) return Fail(error, string.Join(Environment.NewLine, errors.SelectMany(e => e.Value)), 1);
        if (format is not ("json" or "csv" or "timelinejs")) return Fail(error, $"'{format}' is not a format; use json, csv or timelinejs.", 2);

        // CSV goes with the persons and sources its events refer to, in files beside it that import reads back.
        var files = new List<string> { Path.GetFullPath(file) };
        if (format == "csv")
        {
            var name = Path.GetFileName(file);
            if (name.Equals(CsvDataset.PersonsFile, StringComparison.OrdinalIgnoreCase) || name.Equals(CsvDataset.SourcesFile, StringComparison.OrdinalIgnoreCase))
                return Fail(error, $"Name the events file something other than {CsvDataset.PersonsFile} or {CsvDataset.SourcesFile}: those are written beside it.", 2);
            var folder = Path.GetDirectoryName(files[0])!;
            files.Add(Path.Combine(folder, CsvDataset.PersonsFile));
            files.Add(Path.Combine(folder, CsvDataset.SourcesFile));
        }
        Directory.CreateDirectory(Path.GetDirectoryName(files[0])!);

        using var services = Services(connectionString);
        var exporter = services.GetRequiredService<DatasetExporter>();
        var clock = Stopwatch.StartNew();
        var streams = files.Select(f => File.Create(f)).ToList();
        ExportResult result;
        try
        {
            result = format switch
            {
                "json" => await exporter.WriteJsonAsync(streams[0], filter, ct),
                "csv" => await exporter.WriteCsvAsync(streams[0], streams[1], streams[2], filter, ct),
                _ => await exporter.WriteTimelineJsAsync(streams[0], filter, "Timeline", null, ct),
            };
        }
        catch
        {
            foreach (var s in streams) await s.DisposeAsync();
            foreach (var f in files) File.Delete(f);
            throw;
        }
        foreach (var s in streams) await s.DisposeAsync();
        output.WriteLine($"Exported {result.Events:N0} events" + (format == "timelinejs" ? "" : $", {result.Persons:N0} persons and {result.Sources:N0} sources")
            + $" to {string.Join(", ", files)} in {clock.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }

    private static async Task<int> GenerateAsync(List<string> args, IConfiguration configuration, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count) return Fail(error, Usage, 2);
            options[args[i][2..]] = args[++i];
        }
        int? Number(string name) => options.TryGetValue(name, out var v) ? int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1 : null;
        var unknown = options.Keys.Except(["events", "persons", "sources", "seed", "out", "db"]).FirstOrDefault();
        var events = Number("events") ?? 10_000;
        var synthetic = new SyntheticOptions
        {
            Events = events,
            Persons = Number("persons") ?? Math.Max(1, events / 5),
            Sources = Number("sources") ?? Math.Max(1, events / 20),
            Seed = Number("seed") ?? 1,
        };
        if (unknown is not null || options.ContainsKey("out") == options.ContainsKey("db") || synthetic.Events < 0 || synthetic.Persons < 1 || synthetic.Sources < 1 || synthetic.Seed < 0)
            return Fail(error, Usage, 2);
        var data = new SyntheticData(synthetic);
        var clock = Stopwatch.StartNew();

        if (options.TryGetValue("out", out var file))
        {
            await using (var stream = File.Create(file)) await data.WriteJsonAsync(stream, ct);
            output.WriteLine($"Wrote {data.TotalRecords:N0} records ({synthetic.Events:N0} events, {synthetic.Persons:N0} persons, {synthetic.Sources:N0} sources) " +
                $"to {file} ({new FileInfo(file).Length / 1e6:N0} MB) in {clock.Elapsed.TotalSeconds:0.0} s.");
            return 0;
        }

        var connectionString = $"Data Source={Path.GetFullPath(options["db"])}";
        using var services = Services(connectionString);
        var result = await services.GetRequiredService<DatasetImporter>().ImportAsync(data.Entries(), data.TotalRecords, new ConsoleProgress(output), ct);
        output.WriteLine($"Generated and loaded {result.Events:N0} events, {result.Persons:N0} persons and {result.Sources:N0} sources into {options["db"]}: " +
            $"{result.Rows:N0} rows in {clock.Elapsed.TotalSeconds:0.0} s ({result.Rows / clock.Elapsed.TotalSeconds:N0} rows/s).");
        return 0;
    }

    /// <summary>Migrates the database and wires the domain services on it, as the app does.</summary>
    private static ServiceProvider Services(string connectionString)
    {
        DatabaseSetup.Migrate(connectionString);
        return new ServiceCollection().AddLogging().AddTimelineDomain(_ => connectionString).BuildServiceProvider();
    }

    private static string ConnectionString(IConfiguration c) => c.GetConnectionString("Timeline") ?? DatabaseSetup.DefaultConnectionString;

    /// <summary>The verb's own arguments, and the configuration: appsettings.json, the environment, then --Section:Key settings.</summary>
    private static (List<string> Verb, IConfiguration Configuration) SplitSettings(string[] args)
    {
        var rest = new List<string>();
        var settings = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && args[i].Contains(':', StringComparison.Ordinal))
            {
                settings.Add(args[i]);
                if (!args[i].Contains('=', StringComparison.Ordinal) && i + 1 < args.Length) settings.Add(args[++i]);
            }
            else rest.Add(args[i]);
        }
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(settings.ToArray())
            .Build();
        return (rest, configuration);
    }

    private static int Fail(TextWriter error, string message, int code)
    {
        error.WriteLine(message);
        return code;
    }

    /// <summary>One line per second at most: phase, records, rows and the rate so far.</summary>
    private sealed class ConsoleProgress(TextWriter output) : IProgress<ImportProgress>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _last = TimeSpan.FromSeconds(-1);

        public void Report(ImportProgress p)
        {
            if (_clock.Elapsed - _last < TimeSpan.FromSeconds(1) && p.Phase is not (ImportPhase.Indexing or ImportPhase.Done)) return;
            _last = _clock.Elapsed;
            var total = p.Total is { } t ? $" of {t:N0}" : "";
            output.WriteLine($"  {p.Phase,-9} {p.Done:N0}{total} records, {p.Rows:N0} rows, {p.Rows / Math.Max(_clock.Elapsed.TotalSeconds, 0.001):N0} rows/s");
        }
    }
}
