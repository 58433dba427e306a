using Timeline.Domain.ImportExport;
using Timeline.Tests.Support;
using Timeline.Web;

namespace Timeline.Tests.Web;

public sealed class CommandsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "timeline-tests", "cli-" + Guid.NewGuid().ToString("N"));

    public CommandsTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, true);

    private static async Task<(int Code, string Output, string Error)> Run(TestDatabase? db, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var all = db is null ? args : [.. args, $"--ConnectionStrings:Timeline={db.ConnectionString}"];
        var code = await Commands.RunAsync(all, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Import_adds_a_dataset_and_reports_the_rows_per_second()
    {
        using var db = new TestDatabase();
        var (code, output, error) = await Run(db, "import", Repo.SeedFolder);

        Assert.True(code == 0, error);
        Assert.Contains("rows/s", output, StringComparison.Ordinal);
        Assert.True(DatabaseSnapshot.Count(db, "Events") >= 400);
    }

    [Fact]
    public async Task A_failed_import_exits_with_1_and_the_reason_and_leaves_the_database_as_it_was()
    {
        using var db = new TestDatabase(seeded: true);
        var before = DatabaseSnapshot.Of(db);
        var file = Path.Combine(_folder, "bad.json");
        await File.WriteAllTextAsync(file, "{ \"events\": [ { \"id\": \"x\", \"kind\": \"arrest\" ");

        var (code, _, error) = await Run(db, "import", file);

        Assert.Equal(1, code);
        Assert.Contains("bad.json line 1", error, StringComparison.Ordinal);
        Assert.Contains("the database is as it was", error, StringComparison.Ordinal);
        Assert.Equal(before, DatabaseSnapshot.Of(db));
    }

    [Fact]
    public async Task Export_writes_csv_with_its_persons_and_sources_which_import_into_another_database()
    {
        using var db = new TestDatabase(seeded: true);
        var file = Path.Combine(_folder, "out", "blumkin.csv");

        var (code, output, error) = await Run(db, "export", "csv", file, "person=Blumkin&kind=arrest,interrogation");

        Assert.True(code == 0, error);
        Assert.Contains("Exported", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_folder, "out", "persons.csv")) && File.Exists(Path.Combine(_folder, "out", "sources.csv")));
        using var other = new TestDatabase();
        var result = await other.Get<DatasetImporter>().ImportAsync(file);
        Assert.True(result.Events > 0 && result.Persons > 0);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("timelinejs")]
    public async Task Export_writes_json_formats(string format)
    {
        using var db = new TestDatabase(seeded: true);
        var file = Path.Combine(_folder, $"events.{format}.json");
        var (code, _, error) = await Run(db, "export", format, file, "from=1936&to=1938");
        Assert.True(code == 0, error);
        Assert.True(new FileInfo(file).Length > 1000);
    }

    [Theory]
    [InlineData("export", "json", "x.json", "from=abc")]
    [InlineData("export", "yaml", "x.yaml")]
    [InlineData("generate", "--events", "10")]
    [InlineData("generate", "--events", "10", "--out", "a.json", "--db", "b.db")]
    [InlineData("import")]
    public async Task Bad_arguments_are_refused_without_touching_anything(params string[] args)
    {
        var (code, _, error) = await Run(null, args);
        Assert.NotEqual(0, code);
        Assert.NotEmpty(error);
    }

    [Fact]
    public async Task Generate_writes_a_json_dataset_or_loads_a_database_file()
    {
        var file = Path.Combine(_folder, "synthetic.json");
        var (code, _, error) = await Run(null, "generate", "--events", "300", "--persons", "50", "--sources", "10", "--seed", "5", "--out", file);
        Assert.True(code == 0, error);

        var dbFile = Path.Combine(_folder, "synthetic.db");
        (code, var output, error) = await Run(null, "generate", "--events", "300", "--persons", "50", "--sources", "10", "--seed", "5", "--db", dbFile);
        Assert.True(code == 0, error);
        Assert.Contains("rows/s", output, StringComparison.Ordinal);

        // The file and the database hold the same data.
        using var fromFile = new TestDatabase();
        await fromFile.Get<DatasetImporter>().ImportAsync(file);
        using var loaded = new TestDatabase();
        Assert.False(File.Exists(dbFile + "-wal"), "the verb leaves a checkpointed file");
        File.Copy(dbFile, loaded.FilePath, overwrite: true);
        CanonicalRows.AssertEqual(fromFile, loaded);
    }
}
