-- CreateTable
CREATE TABLE "Transfer" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "memberId" INTEGER NOT NULL,
    "fromOrgId" INTEGER,
    "fromPosition" TEXT,
    "toOrgId" INTEGER,
    "toPosition" TEXT,
    "leaveReason" TEXT,
    "effective" TEXT NOT NULL,
    "successorId" INTEGER,
    "actingId" INTEGER,
    "note" TEXT,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "announceAt" DATETIME,
    "announcedAt" DATETIME,
    "appliedAt" DATETIME,
    "receivedAt" DATETIME,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "Transfer_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TransferItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "transferId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "doneAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "TransferItem_transferId_fkey" FOREIGN KEY ("transferId") REFERENCES "Transfer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Organization" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "dong" TEXT,
    "sigungu" TEXT,
    "reshuffleReminders" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Organization" ("createdAt", "dong", "id", "kind", "name", "sigungu") SELECT "createdAt", "dong", "id", "kind", "name", "sigungu" FROM "Organization";
DROP TABLE "Organization";
ALTER TABLE "new_Organization" RENAME TO "Organization";
CREATE UNIQUE INDEX "Organization_name_key" ON "Organization"("name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Transfer_status_effective_idx" ON "Transfer"("status", "effective");

-- CreateIndex
CREATE INDEX "Transfer_memberId_idx" ON "Transfer"("memberId");

-- CreateIndex
CREATE INDEX "TransferItem_transferId_idx" ON "TransferItem"("transferId");
