using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Timeline.Domain.Data;
using Timeline.Domain.Seeding;

namespace Timeline.Tests.Support;

/// <summary>A real SQLite file in a temporary folder, migrated like the app's, deleted afterwards.</summary>
public sealed class TestDatabase : IDisposable
{
    // Each test copies a file migrated once per run: running the migrations for every test database cost about
    // 0.2 s each with EF's migrator (model building, history and lock tables), a copy a millisecond.
    private static readonly Lazy<string> MigratedTemplate = new(BuildMigratedTemplate, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> SeededTemplate = new(BuildSeededTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    public TestDatabase(bool seeded = false)
    {
        Folder = Path.Combine(Path.GetTempPath(), "timeline-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        FilePath = Path.Combine(Folder, "timeline.db");
        File.Copy(seeded ? SeededTemplate.Value : MigratedTemplate.Value, FilePath);
        Services = CreateServices(ConnectionString);
        Factory = Services.GetRequiredService<IDbContextFactory<TimelineDbContext>>();
    }

    /// <summary>The domain services wired exactly as the app wires them, on this database.</summary>
    public ServiceProvider Services { get; }

    public string Folder { get; }
    public string FilePath { get; }
    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = false }.ToString();
    public IDbContextFactory<TimelineDbContext> Factory { get; }

    public TimelineDbContext NewContext() => Factory.CreateDbContext();

    public SqliteConnection OpenConnection()
    {
        var c = new SqliteConnection(ConnectionString);
        c.Open();
        return c;
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    private static ServiceProvider CreateServices(string connectionString) =>
        new ServiceCollection().AddLogging().AddTimelineDomain(_ => connectionString).BuildServiceProvider();

    public void Dispose()
    {
        Services.Dispose();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { }
    }

    /// <summary>An empty database with every migration applied, made once per test run.</summary>
    private static string BuildMigratedTemplate()
    {
        var path = TemplatePath("migrated");
        DatabaseSetup.Migrate(Template(path));
        Checkpoint(path);
        return path;
    }

    /// <summary>The repository's seed, loaded once per test run into a file that each seeded test copies.</summary>
    private static string BuildSeededTemplate()
    {
        var path = TemplatePath("seeded");
        File.Copy(MigratedTemplate.Value, path);
        using (var services = CreateServices(Template(path)))
            services.GetRequiredService<SeedLoader>().LoadIfEmptyAsync(Repo.SeedFolder).GetAwaiter().GetResult();
        Checkpoint(path);
        return path;
    }

    private static string TemplatePath(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), "timeline-tests", name + "-" + Guid.NewGuid().ToString("N") + ".db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    private static string Template(string path) => new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();

    /// <summary>Folds the WAL into the main file so a plain copy carries everything.</summary>
    private static void Checkpoint(string path)
    {
        using var c = new SqliteConnection(Template(path));
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        cmd.ExecuteNonQuery();
    }
}
