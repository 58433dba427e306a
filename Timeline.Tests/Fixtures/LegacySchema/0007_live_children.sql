-- 0007: children of deleted records are filtered by "not among the deleted ids" instead of a join to the
-- parent row. Small partial indexes list the deleted persons and sources (events have theirs since 0006),
-- and a source's evidence links are counted from a covering index.
CREATE INDEX "IX_Persons_IsDeleted" ON "Persons" ("IsDeleted") WHERE "IsDeleted";
CREATE INDEX "IX_Sources_IsDeleted" ON "Sources" ("IsDeleted") WHERE "IsDeleted";
DROP INDEX IF EXISTS "IX_EvidenceLinks_SourceId";
CREATE INDEX "IX_EvidenceLinks_SourceId_EventId_IsDeleted" ON "EvidenceLinks" ("SourceId", "EventId", "IsDeleted");
