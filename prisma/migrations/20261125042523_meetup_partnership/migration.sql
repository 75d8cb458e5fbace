-- AlterTable
ALTER TABLE "MeetupSeries" ADD COLUMN "partnershipId" INTEGER;
