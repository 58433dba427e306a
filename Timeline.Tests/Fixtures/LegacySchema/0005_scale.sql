-- 0005: scale. Each event's span class (bit length of its span in days), so overlap queries read one
-- short index range per class; and per-day and per-month counts of live events by kind and claim status,
-- which density bars, totals and the histogram read instead of counting millions of rows. The counts are
-- derived data: the app keeps them current on every save and bulk imports rebuild them.
ALTER TABLE "Events" ADD COLUMN "SpanClass" INTEGER NOT NULL DEFAULT 0;
UPDATE "Events" SET "SpanClass" = CASE
        WHEN "LatestDay" - "EarliestDay" <= 0 THEN 0
        WHEN "LatestDay" - "EarliestDay" < 2 THEN 1
        WHEN "LatestDay" - "EarliestDay" < 4 THEN 2
        WHEN "LatestDay" - "EarliestDay" < 8 THEN 3
        WHEN "LatestDay" - "EarliestDay" < 16 THEN 4
        WHEN "LatestDay" - "EarliestDay" < 32 THEN 5
        WHEN "LatestDay" - "EarliestDay" < 64 THEN 6
        WHEN "LatestDay" - "EarliestDay" < 128 THEN 7
        WHEN "LatestDay" - "EarliestDay" < 256 THEN 8
        WHEN "LatestDay" - "EarliestDay" < 512 THEN 9
        WHEN "LatestDay" - "EarliestDay" < 1024 THEN 10
        WHEN "LatestDay" - "EarliestDay" < 2048 THEN 11
        WHEN "LatestDay" - "EarliestDay" < 4096 THEN 12
        WHEN "LatestDay" - "EarliestDay" < 8192 THEN 13
        WHEN "LatestDay" - "EarliestDay" < 16384 THEN 14
        WHEN "LatestDay" - "EarliestDay" < 32768 THEN 15
        WHEN "LatestDay" - "EarliestDay" < 65536 THEN 16
        WHEN "LatestDay" - "EarliestDay" < 131072 THEN 17
        WHEN "LatestDay" - "EarliestDay" < 262144 THEN 18
        WHEN "LatestDay" - "EarliestDay" < 524288 THEN 19
        WHEN "LatestDay" - "EarliestDay" < 1048576 THEN 20
        WHEN "LatestDay" - "EarliestDay" < 2097152 THEN 21
        WHEN "LatestDay" - "EarliestDay" < 4194304 THEN 22
        ELSE 23 END;

DROP INDEX "IX_Events_EarliestDay_LatestDay";
DROP INDEX "IX_Events_LatestDay";
CREATE INDEX "IX_Events_SpanClass_EarliestDay_LatestDay_IsDeleted" ON "Events" ("SpanClass", "EarliestDay", "LatestDay", "IsDeleted");

CREATE TABLE "EventDayCounts" (
    "Day" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "ClaimStatus" TEXT NOT NULL,
    "Count" INTEGER NOT NULL,
    PRIMARY KEY ("Day", "Kind", "ClaimStatus")
) WITHOUT ROWID;

CREATE TABLE "EventMonthCounts" (
    "Month" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "ClaimStatus" TEXT NOT NULL,
    "Count" INTEGER NOT NULL,
    PRIMARY KEY ("Month", "Kind", "ClaimStatus")
) WITHOUT ROWID;

INSERT INTO "EventDayCounts" SELECT "SortDay", "Kind", "ClaimStatus", COUNT(*) FROM "Events" WHERE "IsDeleted" = 0 GROUP BY 1, 2, 3;
INSERT INTO "EventMonthCounts" SELECT "SortMonth", "Kind", "ClaimStatus", COUNT(*) FROM "Events" WHERE "IsDeleted" = 0 GROUP BY 1, 2, 3;
