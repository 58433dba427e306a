using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Timeline.Tests.Support;

/// <summary>
/// Every table of a database (the search index's shadow tables and the id sequences included) as a row
/// count and a checksum of its content, to prove that something left the database exactly as it was.
/// </summary>
public static class DatabaseSnapshot
{
    public static Dictionary<string, string> Of(TestDatabase db)
    {
        using var c = db.OpenConnection();
        // The planner's statistics (sqlite_stat*) are not data: opening the database may refresh them.
        var tables = Query(c, "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'sqlite_stat%' ORDER BY name",
            r => r.GetString(0));
        return tables.ToDictionary(t => t, t =>
        {
            var rows = Query(c, $"SELECT * FROM \"{t}\"", Row);
            rows.Sort(StringComparer.Ordinal);
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", rows))));
            return $"{rows.Count} rows, {hash[..16]}";
        });
    }

    /// <summary>One row as text, every value typed so that 1, '1' and 1.0 differ.</summary>
    public static string Row(SqliteDataReader r)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < r.FieldCount; i++)
        {
            if (i > 0) sb.Append('\u001f');
            sb.Append(r.IsDBNull(i) ? "NULL" : r.GetValue(i) switch
            {
                byte[] b => "x" + Convert.ToHexString(b),
                string s => "'" + s,
                var v => Convert.ToString(v, CultureInfo.InvariantCulture),
            });
        }
        return sb.ToString();
    }

    public static List<T> Query<T>(SqliteConnection c, string sql, Func<SqliteDataReader, T> map)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read()) list.Add(map(r));
        return list;
    }

    public static long Count(TestDatabase db, string table)
    {
        using var c = db.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)cmd.ExecuteScalar()!;
    }
}
