using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Migrations;
using Timeline.Domain.Dates;
using Timeline.Domain.Model;

namespace Timeline.Domain.Data;

/// <summary>
/// The day bounds stored on each event (<see cref="Event.EarliestDay"/>, LatestDay, SortDay, SortMonth, SpanClass)
/// are computed by <see cref="HistoricalDate"/> when an event is saved. When that rule changes, rows saved under the
/// old rule keep the old bounds, and filters, windows and the counts tables read them; so the migration that comes
/// with the change is followed by a recompute here, before it is applied (<see cref="DatabaseSetup.Migrate"/>).
/// </summary>
public static class StoredBounds
{
    /// <summary>The migration with which the bounds rule last changed (issue 11: whole months in the date's calendar).</summary>
    public static string RuleChangedIn { get; } = typeof(Migrations.DataFidelity).GetCustomAttribute<MigrationAttribute>()!.Id;

    private static readonly string[] Parameters = ["$earliest", "$latest", "$sort", "$month", "$span", "$id"];

    // Only qualified or Old Style dates were ever computed differently; exact Gregorian dates are left unread.
    private const string Candidates = """
        SELECT "Id", "Start", "End", "EarliestDay", "LatestDay", "SortDay", "SortMonth", "SpanClass" FROM "Events"
         WHERE "Start" GLOB '*[~?%.]*' OR "Start" GLOB 'julian:*' OR "End" GLOB '*[~?%.]*' OR "End" GLOB 'julian:*';
        """;

    /// <summary>
    /// Recomputes the bounds of every event, deleted ones included (they can be restored), in one transaction;
    /// rebuilds the counts tables when a sort day moved. Returns how many events changed. Reads only the columns
    /// every schema since the first migration has, so it can run before later migrations.
    /// </summary>
    public static int Recompute(SqliteConnection connection)
    {
        using var tx = connection.BeginTransaction();
        var changed = new List<(int Id, Event Bounds)>();
        var sortMoved = false;
        using (var read = connection.CreateCommand())
        {
            read.Transaction = tx;
            read.CommandText = Candidates;
            using var r = read.ExecuteReader();
            while (r.Read())
            {
                var e = new Event { Start = HistoricalDate.FromStorage(r.GetString(1)) };
                e.End = r.IsDBNull(2) ? null : HistoricalDate.FromStorage(r.GetString(2));
                if (e.EarliestDay == r.GetInt32(3) && e.LatestDay == r.GetInt32(4) && e.SortDay == r.GetInt32(5)
                    && e.SortMonth == r.GetInt32(6) && e.SpanClass == r.GetInt32(7)) continue;
                sortMoved |= e.SortDay != r.GetInt32(5);
                changed.Add((r.GetInt32(0), e));
            }
        }
        using (var update = connection.CreateCommand())
        {
            update.Transaction = tx;
            update.CommandText = """
                UPDATE "Events" SET "EarliestDay" = $earliest, "LatestDay" = $latest, "SortDay" = $sort, "SortMonth" = $month,
                  "SpanClass" = $span WHERE "Id" = $id;
                """;
            var p = Parameters.Select(n => update.Parameters.Add(n, SqliteType.Integer)).ToArray();
            foreach (var (id, e) in changed)
            {
                (p[0].Value, p[1].Value, p[2].Value, p[3].Value, p[4].Value, p[5].Value) =
                    (e.EarliestDay, e.LatestDay, e.SortDay, e.SortMonth, e.SpanClass, id);
                update.ExecuteNonQuery();
            }
        }
        if (sortMoved)
        {
            using var counts = connection.CreateCommand();
            counts.Transaction = tx;
            counts.CommandText = EventCounts.RebuildSql;
            counts.ExecuteNonQuery();
        }
        tx.Commit();
        return changed.Count;
    }
}
