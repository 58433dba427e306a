using System.Globalization;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Timeline.Domain.Data;

/// <summary>
/// Databases made before the move to EF Core migrations: their schema came from hand-written SQL scripts,
/// recorded in <c>__SchemaVersions</c>. The last script (version 8) left exactly the schema of the first EF
/// migration (a test builds both and compares them), so such a database is carried over by recording that
/// migration as applied: nothing is rebuilt, no row is touched.
/// </summary>
internal static class LegacySchema
{
    public const string HistoryTable = "__SchemaVersions";

    /// <summary>The last version the SQL scripts reached; the first EF migration equals it.</summary>
    public const int LastScriptVersion = 8;

    /// <summary>
    /// Written into the old history when a database is carried over, so that an app from before the move
    /// refuses it ("newer than this app") instead of running its scripts against it.
    /// </summary>
    public const int CarriedOverVersion = LastScriptVersion + 1;

    public static string BaselineMigrationId { get; } =
        typeof(Migrations.Initial).GetCustomAttribute<MigrationAttribute>()!.Id;

    /// <summary>Records the baseline migration for a version-8 database; returns whether it did.</summary>
    public static bool CarryOver(TimelineDbContext db)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        if (Scalar(connection, null, $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{HistoryTable}';") == 0)
            return false;
        var version = Scalar(connection, null, $"SELECT COALESCE(MAX(\"Version\"), 0) FROM \"{HistoryTable}\";");
        if (version >= CarriedOverVersion) return false;
        if (version < LastScriptVersion)
            throw new InvalidOperationException(
                $"The database is at schema version {version} of the old SQL scripts; this app carries over only databases at version " +
                $"{LastScriptVersion}. Start it once with a Timeline version from before the move to EF Core migrations (docs/migrations.md), " +
                "which brings it there, then with this one.");

        var history = db.GetService<IHistoryRepository>();
        using var tx = connection.BeginTransaction();
        Execute(connection, tx, history.GetCreateIfNotExistsScript());
        Execute(connection, tx, history.GetInsertScript(new HistoryRow(BaselineMigrationId, ProductInfo.GetVersion())));
        using (var mark = connection.CreateCommand())
        {
            mark.Transaction = tx;
            mark.CommandText = $"INSERT INTO \"{HistoryTable}\" (\"Version\", \"Name\", \"AppliedAt\") VALUES ($v, 'carried over to EF Core migrations', $t);";
            mark.Parameters.AddWithValue("$v", CarriedOverVersion);
            mark.Parameters.AddWithValue("$t", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            mark.ExecuteNonQuery();
        }
        tx.Commit();
        return true;
    }

    private static void Execute(SqliteConnection c, SqliteTransaction tx, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection c, SqliteTransaction? tx, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
