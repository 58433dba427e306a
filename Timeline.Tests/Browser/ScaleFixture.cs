using System.Diagnostics;
using Timeline.Domain.ImportExport;
using Timeline.Tests.Support;

namespace Timeline.Tests.Browser;

/// <summary>
/// The real app on a generated database of 100,000 events, and a headless Chromium, for the browser tests at scale.
/// The data is generated once per run with a fixed seed and loaded straight into the database file, as the
/// <c>generate --db</c> verb does. The tests look at events only, so persons and sources are kept few: fewer rows
/// to generate.
/// </summary>
public sealed class ScaleFixture : BrowserFixture
{
    public static readonly SyntheticOptions Dataset = new() { Events = 100_000, Persons = 2_000, Sources = 500, Seed = 5 };

    /// <summary>How long generating and loading the dataset took, for the test output (not asserted on).</summary>
    public TimeSpan GenerationTime { get; private set; }

    public string Description =>
        $"{Dataset.Events:N0} events, {Dataset.Persons:N0} persons and {Dataset.Sources:N0} sources (seed {Dataset.Seed}), " +
        $"generated and loaded in {GenerationTime.TotalSeconds:0.0} s";

    // The database is not empty when the app starts, so the app loads no seed data into it.
    protected override async Task<AppServer> StartServerAsync()
    {
        var database = new TestDatabase();
        var data = new SyntheticData(Dataset);
        var clock = Stopwatch.StartNew();
        await database.Get<DatasetImporter>().ImportAsync(data.Entries(), data.TotalRecords);
        GenerationTime = clock.Elapsed;
        return await AppServer.StartAsync(database);
    }
}

[CollectionDefinition(Name)]
public sealed class ScaleBrowserTests : ICollectionFixture<ScaleFixture>
{
    public const string Name = "browser at scale";
}
