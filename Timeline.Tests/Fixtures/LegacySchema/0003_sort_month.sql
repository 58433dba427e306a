-- 0003: the month of each event's sort date, for grouping by month, quarter, year and decade in SQL.
ALTER TABLE "Events" ADD COLUMN "SortMonth" INTEGER NOT NULL DEFAULT 0;
-- Day numbers count from 1 Jan 0001; SQLite's julian day of that date is 1721425.5.
UPDATE "Events" SET "SortMonth" =
    CAST(strftime('%Y', "SortDay" + 1721425.5) AS INTEGER) * 12 + CAST(strftime('%m', "SortDay" + 1721425.5) AS INTEGER) - 1;
