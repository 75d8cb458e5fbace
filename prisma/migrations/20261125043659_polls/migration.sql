-- CreateTable
CREATE TABLE "Poll" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "question" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "maxChoices" INTEGER,
    "options" TEXT NOT NULL,
    "anonymous" BOOLEAN NOT NULL,
    "locked" BOOLEAN NOT NULL DEFAULT false,
    "live" BOOLEAN NOT NULL DEFAULT false,
    "voters" TEXT NOT NULL,
    "councilId" INTEGER,
    "deadline" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdById" INTEGER NOT NULL,
    "platform" TEXT,
    "channelId" TEXT,
    "result" TEXT,
    "createdAt" DATETIME NOT NULL,
    "closedAt" DATETIME
);

-- CreateTable
CREATE TABLE "PollEligible" (
    "pollId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,

    PRIMARY KEY ("pollId", "memberId"),
    CONSTRAINT "PollEligible_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "Poll" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PollParticipation" (
    "pollId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "votedAt" DATETIME NOT NULL,

    PRIMARY KEY ("pollId", "memberId"),
    CONSTRAINT "PollParticipation_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "Poll" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PollBallot" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "pollId" INTEGER NOT NULL,
    "memberId" INTEGER,
    "choice" TEXT NOT NULL,
    CONSTRAINT "PollBallot_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "Poll" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CouncilRule" (
    "councilId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "quorum" TEXT NOT NULL,
    "pass" TEXT NOT NULL,
    "base" TEXT NOT NULL DEFAULT 'present'
);

-- CreateIndex
CREATE INDEX "Poll_status_idx" ON "Poll"("status");

-- CreateIndex
CREATE INDEX "PollBallot_pollId_idx" ON "PollBallot"("pollId");

-- CreateIndex
CREATE UNIQUE INDEX "PollBallot_pollId_memberId_key" ON "PollBallot"("pollId", "memberId");
