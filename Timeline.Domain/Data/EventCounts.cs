using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Timeline.Domain.Model;

namespace Timeline.Domain.Data;

/// <summary>
/// Counts of live events per sort day and per sort month, by kind and claim status (tables created by
/// migration 0005). Derived data, kept current on every save and rebuilt after bulk imports, so that
/// totals, density bars and the histogram never count millions of rows.
/// </summary>
public static class EventCounts
{
    /// <summary>Recounts the given sort days and the months that hold them.</summary>
    public static async Task UpdateAsync(TimelineDbContext db, IReadOnlyCollection<int> days, CancellationToken ct = default)
    {
        if (days.Count == 0) return;
        var dayList = JsonSerializer.Serialize(days.Distinct().ToArray());
        var months = days.Select(d => Event.MonthIndex(DateOnly.FromDayNumber(d))).Distinct().ToArray();
        await db.Database.ExecuteSqlRawAsync("""
            DELETE FROM "EventDayCounts" WHERE "Day" IN (SELECT value FROM json_each({0}));
            INSERT INTO "EventDayCounts" SELECT "SortDay", "Kind", "ClaimStatus", COUNT(*) FROM "Events"
             WHERE "IsDeleted" = 0 AND "SortDay" IN (SELECT value FROM json_each({0})) GROUP BY 1, 2, 3;
            """, [dayList], ct);
        foreach (var month in months)
        {
            // Through the SortDay index: a month's days are one range.
            var first = new DateOnly(month / 12, month % 12 + 1, 1);
            int from = first.DayNumber, to = first.AddMonths(1).DayNumber - 1;
            await db.Database.ExecuteSqlRawAsync("""
                DELETE FROM "EventMonthCounts" WHERE "Month" = {0};
                INSERT INTO "EventMonthCounts" SELECT {0}, "Kind", "ClaimStatus", COUNT(*) FROM "Events"
                 WHERE "IsDeleted" = 0 AND "SortDay" BETWEEN {1} AND {2} GROUP BY 2, 3;
                """, [month, from, to], ct);
        }
    }

    /// <summary>Adds the events with ids in [firstId, lastId], all new (a bulk import), to the counts.</summary>
    public static async Task AddRangeAsync(TimelineDbContext db, int firstId, int lastId, CancellationToken ct = default)
    {
        if (lastId < firstId) return;
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "EventDayCounts" SELECT "SortDay", "Kind", "ClaimStatus", COUNT(*) FROM "Events"
             WHERE "Id" BETWEEN {0} AND {1} AND "IsDeleted" = 0 GROUP BY 1, 2, 3
            ON CONFLICT ("Day", "Kind", "ClaimStatus") DO UPDATE SET "Count" = "Count" + excluded."Count";
            INSERT INTO "EventMonthCounts" SELECT "SortMonth", "Kind", "ClaimStatus", COUNT(*) FROM "Events"
             WHERE "Id" BETWEEN {0} AND {1} AND "IsDeleted" = 0 GROUP BY 1, 2, 3
            ON CONFLICT ("Month", "Kind", "ClaimStatus") DO UPDATE SET "Count" = "Count" + excluded."Count";
            """, [firstId, lastId], ct);
    }

    /// <summary>Recounts everything.</summary>
    public static Task RebuildAsync(TimelineDbContext db, CancellationToken ct = default) => db.Database.ExecuteSqlRawAsync(RebuildSql, ct);

    internal const string RebuildSql = """
        DELETE FROM "EventDayCounts";
        DELETE FROM "EventMonthCounts";
        INSERT INTO "EventDayCounts" SELECT "SortDay", "Kind", "ClaimStatus", COUNT(*) FROM "Events" WHERE "IsDeleted" = 0 GROUP BY 1, 2, 3;
        INSERT INTO "EventMonthCounts" SELECT "SortMonth", "Kind", "ClaimStatus", COUNT(*) FROM "Events" WHERE "IsDeleted" = 0 GROUP BY 1, 2, 3;
        """;
}
