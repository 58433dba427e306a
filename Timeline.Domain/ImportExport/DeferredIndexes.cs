using Microsoft.Data.Sqlite;

namespace Timeline.Domain.ImportExport;

/// <summary>
/// For a large import, the secondary indexes that rows arrive at in random order (dates, names, titles,
/// person and source references) are dropped inside the import's transaction and built again from their
/// own saved definitions before it commits: building an index from all rows at once costs a fraction of
/// inserting into it row by row. The schema ends exactly as it was, and on failure the rollback restores them
/// too. Kept in place: unique indexes (they catch keys the database already has) and the indexes from a
/// parent to its children, which rows reach in id order and the search index needs while the import runs.
/// </summary>
internal sealed class DeferredIndexes
{
    private static readonly string[] Tables = ["Events", "Persons", "PersonNames", "PersonNameWords", "Participations", "Sources", "EvidenceLinks", "DateClaims"];

    private static readonly HashSet<(string Table, string Column)> InOrder =
    [
        ("Participations", "EventId"), ("EvidenceLinks", "EventId"), ("DateClaims", "EventId"), ("DateClaims", "EvidenceLinkId"),
        ("PersonNames", "PersonId"), ("PersonNameWords", "PersonNameId"),
    ];

    /// <summary>Below this many existing events an import always defers; above, only when it brings at least as many.</summary>
    public const int SmallDatabase = 50_000;

    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly List<(string Name, string Sql)> _dropped = [];

    private DeferredIndexes(SqliteConnection connection, SqliteTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public IReadOnlyList<string> Dropped => _dropped.Select(d => d.Name).ToList();

    /// <summary>Drops the deferrable indexes when the import is large next to what the database holds.</summary>
    /// <param name="expectedRecords">How many records the import brings, when known.</param>
    public static DeferredIndexes Begin(SqliteConnection connection, SqliteTransaction transaction, long? expectedRecords)
    {
        var deferred = new DeferredIndexes(connection, transaction);
        var existing = deferred.Scalar("SELECT COUNT(*) FROM \"Events\";");
        if (existing >= SmallDatabase && (expectedRecords is null || expectedRecords < existing)) return deferred;

        var tables = string.Join(", ", Tables.Select(t => $"'{t}'"));
        var candidates = deferred.Rows($"""
            SELECT m."name", m."tbl_name", m."sql", (SELECT i."name" FROM pragma_index_info(m."name") i WHERE i."seqno" = 0)
              FROM sqlite_master m
             WHERE m."type" = 'index' AND m."sql" IS NOT NULL AND m."tbl_name" IN ({tables})
               AND NOT EXISTS (SELECT 1 FROM pragma_index_list(m."tbl_name") l WHERE l."name" = m."name" AND l."unique" = 1)
             ORDER BY m."name";
            """);
        foreach (var (name, table, sql, first) in candidates)
        {
            if (InOrder.Contains((table, first))) continue;
            deferred.Execute($"DROP INDEX \"{name}\";");
            deferred._dropped.Add((name, sql));
        }
        return deferred;
    }

    /// <summary>Builds the dropped indexes again, exactly as they were defined.</summary>
    public void Complete(CancellationToken ct)
    {
        foreach (var (_, sql) in _dropped)
        {
            ct.ThrowIfCancellationRequested();
            Execute(sql);
        }
        _dropped.Clear();
    }

    private long Scalar(string sql)
    {
        using var cmd = Command(sql);
        return (long)cmd.ExecuteScalar()!;
    }

    private void Execute(string sql)
    {
        using var cmd = Command(sql);
        cmd.ExecuteNonQuery();
    }

    private List<(string, string, string, string)> Rows(string sql)
    {
        using var cmd = Command(sql);
        using var r = cmd.ExecuteReader();
        var rows = new List<(string, string, string, string)>();
        while (r.Read()) rows.Add((r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? "" : r.GetString(3)));
        return rows;
    }

    private SqliteCommand Command(string sql)
    {
        var cmd = _connection.CreateCommand();
        cmd.Transaction = _transaction;
        cmd.CommandText = sql;
        return cmd;
    }
}
