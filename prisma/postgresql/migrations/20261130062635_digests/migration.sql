-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "digestChat" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "digestEmail" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "digestTime" TEXT;

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "digestTime" TEXT;
