using System.Text;
using Microsoft.Data.Sqlite;

namespace Timeline.Tests.Support;

/// <summary>
/// A SQLite schema as comparable text: per table its columns (name, type, not-null, default, key),
/// indexes (name, unique, columns) and foreign keys, sorted so that column order does not matter
/// (ALTER TABLE ADD COLUMN appends, EF orders its own way).
/// </summary>
public static class SchemaDescription
{
    /// <summary>The migration histories: the old scripts' and EF's (with its lock table).</summary>
    public static readonly IReadOnlySet<string> HistoryTables = new HashSet<string>
    {
        "__SchemaVersions", "__EFMigrationsHistory", "__EFMigrationsLock",
    };

    /// <summary>Virtual tables (the full-text index) as created, since their columns are not listed like a table's.</summary>
    public static IReadOnlyList<string> VirtualTables(SqliteConnection c) =>
        Query(c, "SELECT sql FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%' ORDER BY name",
            r => string.Join(' ', r.GetString(0).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));

    public static IReadOnlyList<string> Tables(SqliteConnection c) =>
        Query(c, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name", r => r.GetString(0));

    public static string Of(SqliteConnection c, IReadOnlySet<string> ignore)
    {
        var sb = new StringBuilder();
        foreach (var table in Tables(c).Where(t => !ignore.Contains(t)))
        {
            sb.AppendLine($"table {table}");
            foreach (var col in Query(c, $"PRAGMA table_info(\"{table}\")",
                         r => $"  column {r.GetString(1)} {r.GetString(2)} notnull={r.GetInt64(3)} default={(r.IsDBNull(4) ? "" : r.GetString(4))} pk={r.GetInt64(5)}").Order(StringComparer.Ordinal))
                sb.AppendLine(col);
            foreach (var idx in Query(c, $"PRAGMA index_list(\"{table}\")", r => (Name: r.GetString(1), Unique: r.GetInt64(2), Origin: r.GetString(3)))
                         .Where(i => i.Origin == "c").OrderBy(i => i.Name, StringComparer.Ordinal))
            {
                var cols = string.Join(",", Query(c, $"PRAGMA index_info(\"{idx.Name}\")", r => (Seq: r.GetInt64(0), Name: r.GetString(2))).OrderBy(x => x.Seq).Select(x => x.Name));
                sb.AppendLine($"  index {idx.Name} unique={idx.Unique} ({cols}){Condition(c, idx.Name)}");
            }
            foreach (var fk in Query(c, $"PRAGMA foreign_key_list(\"{table}\")",
                         r => $"  fk {r.GetString(3)} -> {r.GetString(2)}.{r.GetString(4)} on delete {r.GetString(6)}").Order(StringComparer.Ordinal))
                sb.AppendLine(fk);
        }
        return sb.ToString();
    }

    /// <summary>A partial index's WHERE clause, so that a missing or different condition is a schema difference.</summary>
    private static string Condition(SqliteConnection c, string index)
    {
        var sql = Query(c, $"SELECT sql FROM sqlite_master WHERE type = 'index' AND name = '{index}'", r => r.GetString(0)).Single();
        var at = sql.IndexOf(" WHERE ", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? "" : " where " + string.Join(' ', sql[(at + 7)..].TrimEnd(';').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static List<T> Query<T>(SqliteConnection c, string sql, Func<SqliteDataReader, T> map) => DatabaseSnapshot.Query(c, sql, map);
}
