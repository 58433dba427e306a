using Microsoft.Data.Sqlite;

namespace Timeline.Tests.Support;

/// <summary>
/// The domain tables with every column except row ids, and references written as the keys they point to,
/// so that two databases loaded by different paths (or with different ids) can be compared column by column.
/// </summary>
public static class CanonicalRows
{
    public static readonly string[] Tables = ["Sources", "Persons", "PersonNames", "PersonNameWords", "Events", "Participations", "EvidenceLinks", "DateClaims"];

    private static readonly Dictionary<string, string> References = new(StringComparer.Ordinal)
    {
        ["EventId"] = "(SELECT \"Key\" FROM \"Events\" WHERE \"Id\" = t.\"EventId\")",
        ["PersonId"] = "(SELECT \"Key\" FROM \"Persons\" WHERE \"Id\" = t.\"PersonId\")",
        ["SourceId"] = "(SELECT \"Key\" FROM \"Sources\" WHERE \"Id\" = t.\"SourceId\")",
        ["PersonNameId"] = "(SELECT p.\"Key\" || ':' || n.\"Name\" FROM \"PersonNames\" n JOIN \"Persons\" p ON p.\"Id\" = n.\"PersonId\" WHERE n.\"Id\" = t.\"PersonNameId\")",
        ["EvidenceLinkId"] = "(SELECT s.\"Key\" || '@' || x.\"Locator\" FROM \"EvidenceLinks\" x JOIN \"Sources\" s ON s.\"Id\" = x.\"SourceId\" WHERE x.\"Id\" = t.\"EvidenceLinkId\")",
    };

    /// <summary>Per table: the column names, then the rows as text, sorted.</summary>
    public static Dictionary<string, (List<string> Columns, List<string> Rows)> Of(TestDatabase db)
    {
        using var c = db.OpenConnection();
        var result = new Dictionary<string, (List<string>, List<string>)>(StringComparer.Ordinal);
        foreach (var table in Tables)
        {
            var columns = DatabaseSnapshot.Query(c, $"PRAGMA table_info(\"{table}\")", r => r.GetString(1)).Where(n => n != "Id").Order(StringComparer.Ordinal).ToList();
            var select = string.Join(", ", columns.Select(n => References.TryGetValue(n, out var sql) ? sql : $"t.\"{n}\""));
            var rows = DatabaseSnapshot.Query(c, $"SELECT {select} FROM \"{table}\" t", DatabaseSnapshot.Row);
            rows.Sort(StringComparer.Ordinal);
            result[table] = (columns, rows);
        }
        // The search index: what each event's entry holds, as token counts per column.
        var index = DatabaseSnapshot.Query(c, "SELECT e.\"Key\", d.\"sz\" FROM \"EventSearch_docsize\" d JOIN \"Events\" e ON e.\"Id\" = d.\"id\"", DatabaseSnapshot.Row);
        index.Sort(StringComparer.Ordinal);
        result["EventSearch"] = (["Key", "sz"], index);
        return result;
    }

    /// <summary>Asserts two databases hold the same rows, naming the first table, row and column that differ.</summary>
    public static void AssertEqual(TestDatabase expected, TestDatabase actual, params string[] only)
    {
        var a = Of(expected);
        var b = Of(actual);
        foreach (var (table, (columns, rows)) in a)
        {
            if (only.Length > 0 && !only.Contains(table)) continue;
            var other = b[table];
            Assert.Equal(columns, other.Columns);
            Assert.True(rows.Count == other.Rows.Count, $"{table}: {rows.Count} rows expected, {other.Rows.Count} found");
            for (var i = 0; i < rows.Count; i++)
            {
                if (rows[i] == other.Rows[i]) continue;
                var x = rows[i].Split('\u001f');
                var y = other.Rows[i].Split('\u001f');
                var col = Enumerable.Range(0, columns.Count).First(j => x[j] != y[j]);
                Assert.Fail($"{table}, sorted row {i}, column {columns[col]}: expected {x[col]}, found {y[col]}\n  {rows[i]}\n  {other.Rows[i]}");
            }
        }
    }
}
