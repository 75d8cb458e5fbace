-- CreateTable
CREATE TABLE "Organization" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "dong" TEXT,
    "sigungu" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Partnership" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "fromId" INTEGER NOT NULL,
    "toId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Partnership_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Partnership_toId_fkey" FOREIGN KEY ("toId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Member" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "orgId" INTEGER,
    "position" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'ko',
    "preferredPlatform" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Member_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MemberRole" (
    "memberId" INTEGER NOT NULL,
    "role" TEXT NOT NULL,

    PRIMARY KEY ("memberId", "role"),
    CONSTRAINT "MemberRole_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CouncilSeat" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "councilId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "seat" TEXT NOT NULL,
    "termFrom" DATETIME,
    "termTo" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CouncilSeat_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CouncilSeat_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ChatIdentity" (
    "platform" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "memberId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("platform", "userId"),
    CONSTRAINT "ChatIdentity_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ChannelBinding" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "platform" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "orgId" INTEGER,
    "partnershipId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ChannelBinding_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ChannelBinding_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL,
    "actorId" INTEGER,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "detail" TEXT
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "idempotencyKey" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "destKind" TEXT NOT NULL,
    "destId" TEXT NOT NULL,
    "card" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL,
    "claimedAt" DATETIME,
    "sentAt" DATETIME,
    "messageRef" TEXT,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "InboundReceipt" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "LinkCode" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "memberId" INTEGER NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "LinkCode_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LinkRequest" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "platform" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Job" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "group" TEXT,
    "dueAt" DATETIME NOT NULL,
    "lateUntil" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimedAt" DATETIME,
    "claimToken" TEXT,
    "finishedAt" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "MeetupSeries" (
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
CREATE UNIQUE INDEX "Organization_name_key" ON "Organization"("name");

-- CreateIndex
CREATE INDEX "Partnership_toId_idx" ON "Partnership"("toId");

-- CreateIndex
CREATE UNIQUE INDEX "Partnership_kind_fromId_toId_key" ON "Partnership"("kind", "fromId", "toId");

-- CreateIndex
CREATE INDEX "Member_name_idx" ON "Member"("name");

-- CreateIndex
CREATE INDEX "Member_orgId_idx" ON "Member"("orgId");

-- CreateIndex
CREATE INDEX "MemberRole_role_idx" ON "MemberRole"("role");

-- CreateIndex
CREATE INDEX "CouncilSeat_memberId_idx" ON "CouncilSeat"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "CouncilSeat_councilId_memberId_key" ON "CouncilSeat"("councilId", "memberId");

-- CreateIndex
CREATE INDEX "ChatIdentity_memberId_idx" ON "ChatIdentity"("memberId");

-- CreateIndex
CREATE INDEX "ChannelBinding_orgId_idx" ON "ChannelBinding"("orgId");

-- CreateIndex
CREATE INDEX "ChannelBinding_partnershipId_idx" ON "ChannelBinding"("partnershipId");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelBinding_platform_channelId_orgId_partnershipId_key" ON "ChannelBinding"("platform", "channelId", "orgId", "partnershipId");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_idempotencyKey_key" ON "OutboxMessage"("idempotencyKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_platform_status_nextAttemptAt_idx" ON "OutboxMessage"("platform", "status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "InboundReceipt_at_idx" ON "InboundReceipt"("at");

-- CreateIndex
CREATE INDEX "LinkCode_memberId_idx" ON "LinkCode"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "LinkRequest_platform_userId_key" ON "LinkRequest"("platform", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Job_key_key" ON "Job"("key");

-- CreateIndex
CREATE INDEX "Job_status_dueAt_idx" ON "Job"("status", "dueAt");

-- CreateIndex
CREATE INDEX "Job_group_idx" ON "Job"("group");

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

-- CreateIndex
CREATE INDEX "Poll_status_idx" ON "Poll"("status");

-- CreateIndex
CREATE INDEX "PollBallot_pollId_idx" ON "PollBallot"("pollId");

-- CreateIndex
CREATE UNIQUE INDEX "PollBallot_pollId_memberId_key" ON "PollBallot"("pollId", "memberId");
