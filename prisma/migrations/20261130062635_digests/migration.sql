-- AlterTable
ALTER TABLE "Organization" ADD COLUMN "digestTime" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Member" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "orgId" INTEGER,
    "position" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'ko',
    "preferredPlatform" TEXT,
    "status" TEXT NOT NULL DEFAULT 'active',
    "statusAt" DATETIME,
    "digestChat" BOOLEAN NOT NULL DEFAULT true,
    "digestEmail" BOOLEAN NOT NULL DEFAULT true,
    "digestTime" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Member_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Member" ("createdAt", "email", "id", "locale", "name", "orgId", "phone", "position", "preferredPlatform", "status", "statusAt") SELECT "createdAt", "email", "id", "locale", "name", "orgId", "phone", "position", "preferredPlatform", "status", "statusAt" FROM "Member";
DROP TABLE "Member";
ALTER TABLE "new_Member" RENAME TO "Member";
CREATE INDEX "Member_name_idx" ON "Member"("name");
CREATE INDEX "Member_orgId_idx" ON "Member"("orgId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
