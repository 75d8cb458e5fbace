-- CreateTable
CREATE TABLE "MeetupSeries" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "organiserId" INTEGER NOT NULL,
    "place" TEXT,
    "link" TEXT,
    "startDate" TEXT NOT NULL,
    "time" TEXT NOT NULL,
    "durationMin" INTEGER NOT NULL DEFAULT 60,
    "rrule" TEXT NOT NULL,
    "until" TEXT,
    "holidayPolicy" TEXT NOT NULL DEFAULT 'next',
    "reminders" TEXT NOT NULL DEFAULT '7d,1d,1h',
    "status" TEXT NOT NULL DEFAULT 'active',
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "MeetupSeries_organiserId_fkey" FOREIGN KEY ("organiserId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MeetupParticipant" (
    "seriesId" INTEGER NOT NULL,
    "orgId" INTEGER NOT NULL,

    PRIMARY KEY ("seriesId", "orgId"),
    CONSTRAINT "MeetupParticipant_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "MeetupSeries" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MeetupParticipant_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MeetupChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "seriesId" INTEGER NOT NULL,
    "original" TEXT NOT NULL,
    "cancelled" BOOLEAN NOT NULL DEFAULT false,
    "date" TEXT,
    "time" TEXT,
    "place" TEXT,
    CONSTRAINT "MeetupChange_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "MeetupSeries" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Rsvp" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "seriesId" INTEGER NOT NULL,
    "original" TEXT NOT NULL,
    "memberId" INTEGER NOT NULL,
    "answer" TEXT NOT NULL,
    "proxyName" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Rsvp_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "MeetupSeries" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Closure" (
    "date" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "MeetupSeries_status_idx" ON "MeetupSeries"("status");

-- CreateIndex
CREATE INDEX "MeetupSeries_organiserId_idx" ON "MeetupSeries"("organiserId");

-- CreateIndex
CREATE INDEX "MeetupParticipant_orgId_idx" ON "MeetupParticipant"("orgId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetupChange_seriesId_original_key" ON "MeetupChange"("seriesId", "original");

-- CreateIndex
CREATE UNIQUE INDEX "Rsvp_seriesId_original_memberId_key" ON "Rsvp"("seriesId", "original", "memberId");
