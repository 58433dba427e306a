-- 0006: covering indexes of live events. Every view filters out soft-deleted events; with the flag
-- outside the indexes each candidate row had to be read from the table to test it, which dominated range
-- counts and date-ordered pages at a million events. The indexes are partial (live events only) and
-- carry the flag, so that SQLite treats them as covering. Adds claim-status and title orderings and a
-- small index of deleted events for the trash page.
DROP INDEX IF EXISTS "IX_Events_SortDay";
DROP INDEX IF EXISTS "IX_Events_Kind_SortDay";
DROP INDEX IF EXISTS "IX_Events_SpanClass_EarliestDay_LatestDay_IsDeleted";
CREATE INDEX "IX_Events_SortDay_Id_IsDeleted" ON "Events" ("SortDay", "Id", "IsDeleted") WHERE NOT "IsDeleted";
CREATE INDEX "IX_Events_SpanClass_EarliestDay_LatestDay_SortDay_Kind_ClaimStatus_IsDeleted" ON "Events" ("SpanClass", "EarliestDay", "LatestDay", "SortDay", "Kind", "ClaimStatus", "IsDeleted") WHERE NOT "IsDeleted";
CREATE INDEX "IX_Events_Kind_SortDay_Id_ClaimStatus_IsDeleted" ON "Events" ("Kind", "SortDay", "Id", "ClaimStatus", "IsDeleted") WHERE NOT "IsDeleted";
CREATE INDEX "IX_Events_ClaimStatus_SortDay_Id_Kind_IsDeleted" ON "Events" ("ClaimStatus", "SortDay", "Id", "Kind", "IsDeleted") WHERE NOT "IsDeleted";
CREATE INDEX "IX_Events_Title_SortDay_Id_IsDeleted" ON "Events" ("Title", "SortDay", "Id", "IsDeleted") WHERE NOT "IsDeleted";
CREATE INDEX "IX_Events_IsDeleted" ON "Events" ("IsDeleted") WHERE "IsDeleted";
