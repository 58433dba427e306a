-- 0001: events, persons, sources and the evidence between them.
CREATE TABLE "Events" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Events" PRIMARY KEY AUTOINCREMENT,
    "Key" TEXT NULL,
    "Kind" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Summary" TEXT NOT NULL,
    "Place" TEXT NULL,
    "ClaimStatus" TEXT NOT NULL,
    "Start" TEXT NOT NULL,
    "End" TEXT NULL,
    "EarliestDay" INTEGER NOT NULL,
    "LatestDay" INTEGER NOT NULL,
    "SortDay" INTEGER NOT NULL,
    "Court" TEXT NULL,
    "ArrestAgency" TEXT NULL,
    "ArrestPlace" TEXT NULL,
    "ArrestCharge" TEXT NULL,
    "ExpelledFrom" TEXT NULL,
    "ExpelledFromOrganisation" TEXT NULL,
    "ExpellingBody" TEXT NULL,
    "ExpulsionReason" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "IsDeleted" INTEGER NOT NULL
);

CREATE TABLE "Persons" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Persons" PRIMARY KEY AUTOINCREMENT,
    "Key" TEXT NULL,
    "Name" TEXT NOT NULL,
    "Born" TEXT NULL,
    "Died" TEXT NULL,
    "Description" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "IsDeleted" INTEGER NOT NULL
);

CREATE TABLE "Sources" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Sources" PRIMARY KEY AUTOINCREMENT,
    "Key" TEXT NULL,
    "Title" TEXT NOT NULL,
    "Author" TEXT NULL,
    "Kind" TEXT NOT NULL,
    "Date" TEXT NULL,
    "Language" TEXT NULL,
    "Url" TEXT NULL,
    "Publication" TEXT NULL,
    "Description" TEXT NULL,
    "ArchiveName" TEXT NULL,
    "Fond" TEXT NULL,
    "Opis" TEXT NULL,
    "Delo" TEXT NULL,
    "Volume" TEXT NULL,
    "Pages" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "IsDeleted" INTEGER NOT NULL
);

CREATE TABLE "Participations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Participations" PRIMARY KEY AUTOINCREMENT,
    "EventId" INTEGER NOT NULL,
    "PersonId" INTEGER NOT NULL,
    "Role" TEXT NOT NULL,
    "Outcome" TEXT NULL,
    "Charge" TEXT NULL,
    "Verdict" TEXT NULL,
    "Sentence" TEXT NULL,
    "Position" INTEGER NOT NULL,
    CONSTRAINT "FK_Participations_Events_EventId" FOREIGN KEY ("EventId") REFERENCES "Events" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Participations_Persons_PersonId" FOREIGN KEY ("PersonId") REFERENCES "Persons" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "PersonNames" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PersonNames" PRIMARY KEY AUTOINCREMENT,
    "PersonId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Folded" TEXT NOT NULL,
    "IsPrimary" INTEGER NOT NULL,
    CONSTRAINT "FK_PersonNames_Persons_PersonId" FOREIGN KEY ("PersonId") REFERENCES "Persons" ("Id") ON DELETE CASCADE
);

CREATE TABLE "EvidenceLinks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_EvidenceLinks" PRIMARY KEY AUTOINCREMENT,
    "EventId" INTEGER NOT NULL,
    "SourceId" INTEGER NOT NULL,
    "Locator" TEXT NOT NULL,
    "Stance" TEXT NOT NULL,
    "Note" TEXT NULL,
    "EvidenceDate" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "IsDeleted" INTEGER NOT NULL,
    CONSTRAINT "FK_EvidenceLinks_Events_EventId" FOREIGN KEY ("EventId") REFERENCES "Events" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_EvidenceLinks_Sources_SourceId" FOREIGN KEY ("SourceId") REFERENCES "Sources" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "DateClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DateClaims" PRIMARY KEY AUTOINCREMENT,
    "EventId" INTEGER NOT NULL,
    "EvidenceLinkId" INTEGER NOT NULL,
    "Start" TEXT NOT NULL,
    "End" TEXT NULL,
    "IsPreferred" INTEGER NOT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_DateClaims_Events_EventId" FOREIGN KEY ("EventId") REFERENCES "Events" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_DateClaims_EvidenceLinks_EvidenceLinkId" FOREIGN KEY ("EvidenceLinkId") REFERENCES "EvidenceLinks" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_DateClaims_EventId" ON "DateClaims" ("EventId");
CREATE INDEX "IX_DateClaims_EvidenceLinkId" ON "DateClaims" ("EvidenceLinkId");
CREATE INDEX "IX_Events_EarliestDay_LatestDay" ON "Events" ("EarliestDay", "LatestDay");
CREATE UNIQUE INDEX "IX_Events_Key" ON "Events" ("Key");
CREATE INDEX "IX_Events_Kind_SortDay" ON "Events" ("Kind", "SortDay");
CREATE INDEX "IX_Events_LatestDay" ON "Events" ("LatestDay");
CREATE INDEX "IX_Events_SortDay" ON "Events" ("SortDay");
CREATE INDEX "IX_EvidenceLinks_EventId" ON "EvidenceLinks" ("EventId");
CREATE INDEX "IX_EvidenceLinks_SourceId" ON "EvidenceLinks" ("SourceId");
CREATE INDEX "IX_Participations_EventId_Position" ON "Participations" ("EventId", "Position");
CREATE INDEX "IX_Participations_PersonId_EventId" ON "Participations" ("PersonId", "EventId");
CREATE INDEX "IX_PersonNames_Folded" ON "PersonNames" ("Folded");
CREATE INDEX "IX_PersonNames_PersonId" ON "PersonNames" ("PersonId");
CREATE UNIQUE INDEX "IX_Persons_Key" ON "Persons" ("Key");
CREATE INDEX "IX_Persons_Name" ON "Persons" ("Name");
CREATE UNIQUE INDEX "IX_Sources_Key" ON "Sources" ("Key");
CREATE INDEX "IX_Sources_Title" ON "Sources" ("Title");
