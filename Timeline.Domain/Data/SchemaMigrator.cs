using System.Globalization;
using System.Reflection;
using Microsoft.Data.Sqlite;

namespace Timeline.Domain.Data;

/// <summary>One versioned schema change: an embedded <c>Data/Migrations/NNNN_name.sql</c> script.</summary>
public sealed record SchemaMigration(int Version, string Name, string Sql);

/// <summary>
/// Brings a SQLite database up to the current schema at start-up. The EF Core design-time package cannot be
/// restored here, so migrations are plain SQL scripts, applied in order, each in its own transaction, and
/// recorded in <c>__SchemaVersions</c>. A test proves the result equals the EF model (docs/migrations.md).
/// </summary>
public static class SchemaMigrator
{
    public const string HistoryTable = "__SchemaVersions";

    public static IReadOnlyList<SchemaMigration> All { get; } = Load();

    private static List<SchemaMigration> Load()
    {
        var asm = typeof(SchemaMigrator).Assembly;
        const string prefix = "Timeline.Domain.Data.Migrations.";
        var list = new List<SchemaMigration>();
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            var file = name[prefix.Length..^4];
            var us = file.IndexOf('_', StringComparison.Ordinal);
            var version = int.Parse(file[..us], CultureInfo.InvariantCulture);
            using var stream = asm.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            list.Add(new SchemaMigration(version, file[(us + 1)..], reader.ReadToEnd()));
        }
        list.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < list.Count; i++)
            if (list[i].Version != i + 1) throw new InvalidOperationException($"Migration versions must run 1, 2, 3...; found {list[i].Version} at position {i + 1}.");
        return list;
    }

    /// <summary>Applies every pending migration; returns how many ran.</summary>
    public static int Migrate(SqliteConnection connection, IReadOnlyList<SchemaMigration>? migrations = null)
    {
        migrations ??= All;
        if (connection.State != System.Data.ConnectionState.Open) connection.Open();
        Execute(connection, $"CREATE TABLE IF NOT EXISTS \"{HistoryTable}\" (\"Version\" INTEGER NOT NULL PRIMARY KEY, \"Name\" TEXT NOT NULL, \"AppliedAt\" TEXT NOT NULL);");
        var applied = 0;
        foreach (var m in migrations)
        {
            // Table rebuilds need foreign keys off; it cannot change inside a transaction.
            Execute(connection, "PRAGMA foreign_keys = OFF;");
            try
            {
                using var tx = connection.BeginTransaction(deferred: false);
                var current = Scalar(connection, tx, $"SELECT COALESCE(MAX(\"Version\"), 0) FROM \"{HistoryTable}\";");
                if (current > migrations.Count)
                    throw new InvalidOperationException($"The database is at schema version {current}, newer than this app ({migrations.Count}). Update the app.");
                if (current >= m.Version) { tx.Commit(); continue; }
                Execute(connection, m.Sql, tx);
                using (var insert = connection.CreateCommand())
                {
                    insert.Transaction = tx;
                    insert.CommandText = $"INSERT INTO \"{HistoryTable}\" (\"Version\", \"Name\", \"AppliedAt\") VALUES ($v, $n, $t);";
                    insert.Parameters.AddWithValue("$v", m.Version);
                    insert.Parameters.AddWithValue("$n", m.Name);
                    insert.Parameters.AddWithValue("$t", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                    insert.ExecuteNonQuery();
                }
                if (Scalar(connection, tx, "SELECT COUNT(*) FROM pragma_foreign_key_check;") > 0)
                    throw new InvalidOperationException($"Migration {m.Version} ({m.Name}) would break foreign keys; nothing was changed.");
                tx.Commit();
                applied++;
            }
            finally
            {
                Execute(connection, "PRAGMA foreign_keys = ON;");
            }
        }
        return applied;
    }

    public static int CurrentVersion(SqliteConnection connection)
    {
        if (connection.State != System.Data.ConnectionState.Open) connection.Open();
        var exists = Scalar(connection, null, $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{HistoryTable}';");
        return exists == 0 ? 0 : (int)Scalar(connection, null, $"SELECT COALESCE(MAX(\"Version\"), 0) FROM \"{HistoryTable}\";");
    }

    private static void Execute(SqliteConnection c, string sql, SqliteTransaction? tx = null)
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
