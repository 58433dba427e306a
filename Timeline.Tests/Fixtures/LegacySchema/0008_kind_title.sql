-- 0008: one kind sorted by title ("every arrest, A to Z") is read in order from an index of its own.
-- Titles follow their kind ("Arrest of ...", "Trial of ..."), so walking the title index for one kind
-- could pass most of the table before meeting it, and sorting every event of a common kind took seconds
-- at a million events. The index also carries the claim status, for that filter on top.
CREATE INDEX "IX_Events_Kind_Title_SortDay_Id_ClaimStatus_IsDeleted" ON "Events" ("Kind", "Title", "SortDay", "Id", "ClaimStatus", "IsDeleted") WHERE NOT "IsDeleted";
