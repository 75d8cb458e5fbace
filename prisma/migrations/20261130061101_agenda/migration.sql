-- CreateTable
CREATE TABLE "Agenda" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "seriesId" INTEGER NOT NULL,
    "original" TEXT NOT NULL,
    "opensAt" DATETIME NOT NULL,
    "closesAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'planned',
    "compiledAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "Agenda_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "MeetupSeries" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AgendaItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "agendaId" INTEGER NOT NULL,
    "caseCode" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "risk" TEXT NOT NULL,
    "needs" TEXT NOT NULL,
    "summary" TEXT,
    "resources" TEXT,
    "question" TEXT,
    "status" TEXT NOT NULL DEFAULT 'submitted',
    "orgId" INTEGER NOT NULL,
    "memberId" INTEGER,
    "decision" TEXT,
    "leadOrgId" INTEGER,
    "roles" TEXT,
    "nextCheck" TEXT,
    "followUpDoneAt" DATETIME,
    "purgedAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AgendaItem_agendaId_fkey" FOREIGN KEY ("agendaId") REFERENCES "Agenda" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AgendaAgency" (
    "itemId" INTEGER NOT NULL,
    "orgId" INTEGER NOT NULL,
    "memberId" INTEGER,

    PRIMARY KEY ("itemId", "orgId"),
    CONSTRAINT "AgendaAgency_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "AgendaItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CaseSettings" (
    "sigungu" TEXT NOT NULL PRIMARY KEY,
    "codePattern" TEXT NOT NULL,
    "codeExample" TEXT NOT NULL,
    "riskLevels" TEXT NOT NULL DEFAULT '고,중,저'
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_MeetupSeries" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "organiserId" INTEGER NOT NULL,
    "partnershipId" INTEGER,
    "place" TEXT,
    "link" TEXT,
    "startDate" TEXT NOT NULL,
    "time" TEXT NOT NULL,
    "durationMin" INTEGER NOT NULL DEFAULT 60,
    "rrule" TEXT NOT NULL,
    "until" TEXT,
    "holidayPolicy" TEXT NOT NULL DEFAULT 'next',
    "reminders" TEXT NOT NULL DEFAULT '7d,1d,1h',
    "agendaDays" INTEGER,
    "agendaCloses" TEXT NOT NULL DEFAULT '17:00',
    "status" TEXT NOT NULL DEFAULT 'active',
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "MeetupSeries_organiserId_fkey" FOREIGN KEY ("organiserId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_MeetupSeries" ("createdAt", "createdById", "durationMin", "holidayPolicy", "id", "kind", "link", "organiserId", "partnershipId", "place", "reminders", "rrule", "startDate", "status", "time", "title", "until") SELECT "createdAt", "createdById", "durationMin", "holidayPolicy", "id", "kind", "link", "organiserId", "partnershipId", "place", "reminders", "rrule", "startDate", "status", "time", "title", "until" FROM "MeetupSeries";
DROP TABLE "MeetupSeries";
ALTER TABLE "new_MeetupSeries" RENAME TO "MeetupSeries";
CREATE INDEX "MeetupSeries_status_idx" ON "MeetupSeries"("status");
CREATE INDEX "MeetupSeries_organiserId_idx" ON "MeetupSeries"("organiserId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Agenda_status_closesAt_idx" ON "Agenda"("status", "closesAt");

-- CreateIndex
CREATE UNIQUE INDEX "Agenda_seriesId_original_key" ON "Agenda"("seriesId", "original");

-- CreateIndex
CREATE INDEX "AgendaItem_agendaId_idx" ON "AgendaItem"("agendaId");

-- CreateIndex
CREATE INDEX "AgendaItem_caseCode_idx" ON "AgendaItem"("caseCode");

-- CreateIndex
CREATE INDEX "AgendaItem_nextCheck_followUpDoneAt_idx" ON "AgendaItem"("nextCheck", "followUpDoneAt");
