-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Organization" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "dong" TEXT,
    "sigungu" TEXT,
    "reshuffleReminders" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Partnership" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "fromId" INTEGER NOT NULL,
    "toId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Partnership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Member" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "orgId" INTEGER,
    "position" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'ko',
    "preferredPlatform" TEXT,
    "status" TEXT NOT NULL DEFAULT 'active',
    "statusAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MemberRole" (
    "memberId" INTEGER NOT NULL,
    "role" TEXT NOT NULL,

    CONSTRAINT "MemberRole_pkey" PRIMARY KEY ("memberId","role")
);

-- CreateTable
CREATE TABLE "CouncilSeat" (
    "id" SERIAL NOT NULL,
    "councilId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "seat" TEXT NOT NULL,
    "termFrom" TIMESTAMP(3),
    "termTo" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CouncilSeat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChatIdentity" (
    "platform" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "memberId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChatIdentity_pkey" PRIMARY KEY ("platform","userId")
);

-- CreateTable
CREATE TABLE "ChannelBinding" (
    "id" SERIAL NOT NULL,
    "platform" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "orgId" INTEGER,
    "partnershipId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChannelBinding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actorId" INTEGER,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "detail" TEXT,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" SERIAL NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "destKind" TEXT NOT NULL,
    "destId" TEXT NOT NULL,
    "card" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL,
    "claimedAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "messageRef" TEXT,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InboundReceipt" (
    "key" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InboundReceipt_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "LinkCode" (
    "code" TEXT NOT NULL,
    "memberId" INTEGER NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LinkCode_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "LinkRequest" (
    "id" SERIAL NOT NULL,
    "platform" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LinkRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "group" TEXT,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "lateUntil" TIMESTAMP(3),
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimedAt" TIMESTAMP(3),
    "claimToken" TEXT,
    "finishedAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetupSeries" (
    "id" SERIAL NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MeetupSeries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetupParticipant" (
    "seriesId" INTEGER NOT NULL,
    "orgId" INTEGER NOT NULL,

    CONSTRAINT "MeetupParticipant_pkey" PRIMARY KEY ("seriesId","orgId")
);

-- CreateTable
CREATE TABLE "MeetupChange" (
    "id" SERIAL NOT NULL,
    "seriesId" INTEGER NOT NULL,
    "original" TEXT NOT NULL,
    "cancelled" BOOLEAN NOT NULL DEFAULT false,
    "date" TEXT,
    "time" TEXT,
    "place" TEXT,

    CONSTRAINT "MeetupChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rsvp" (
    "id" SERIAL NOT NULL,
    "seriesId" INTEGER NOT NULL,
    "original" TEXT NOT NULL,
    "memberId" INTEGER NOT NULL,
    "answer" TEXT NOT NULL,
    "proxyName" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Rsvp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Closure" (
    "date" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Closure_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "Poll" (
    "id" SERIAL NOT NULL,
    "question" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "maxChoices" INTEGER,
    "options" TEXT NOT NULL,
    "anonymous" BOOLEAN NOT NULL,
    "locked" BOOLEAN NOT NULL DEFAULT false,
    "live" BOOLEAN NOT NULL DEFAULT false,
    "voters" TEXT NOT NULL,
    "councilId" INTEGER,
    "deadline" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdById" INTEGER NOT NULL,
    "platform" TEXT,
    "channelId" TEXT,
    "result" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "Poll_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PollEligible" (
    "pollId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,

    CONSTRAINT "PollEligible_pkey" PRIMARY KEY ("pollId","memberId")
);

-- CreateTable
CREATE TABLE "PollParticipation" (
    "pollId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "votedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PollParticipation_pkey" PRIMARY KEY ("pollId","memberId")
);

-- CreateTable
CREATE TABLE "PollBallot" (
    "id" INTEGER NOT NULL,
    "pollId" INTEGER NOT NULL,
    "memberId" INTEGER,
    "choice" TEXT NOT NULL,

    CONSTRAINT "PollBallot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CouncilRule" (
    "councilId" INTEGER NOT NULL,
    "quorum" TEXT NOT NULL,
    "pass" TEXT NOT NULL,
    "base" TEXT NOT NULL DEFAULT 'present',

    CONSTRAINT "CouncilRule_pkey" PRIMARY KEY ("councilId")
);

-- CreateTable
CREATE TABLE "Transfer" (
    "id" SERIAL NOT NULL,
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
    "announceAt" TIMESTAMP(3),
    "announcedAt" TIMESTAMP(3),
    "appliedAt" TIMESTAMP(3),
    "receivedAt" TIMESTAMP(3),
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Transfer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TransferItem" (
    "id" SERIAL NOT NULL,
    "transferId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "doneAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TransferItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agenda" (
    "id" SERIAL NOT NULL,
    "seriesId" INTEGER NOT NULL,
    "original" TEXT NOT NULL,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'planned',
    "compiledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Agenda_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgendaItem" (
    "id" SERIAL NOT NULL,
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
    "followUpDoneAt" TIMESTAMP(3),
    "purgedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AgendaItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgendaAgency" (
    "itemId" INTEGER NOT NULL,
    "orgId" INTEGER NOT NULL,
    "memberId" INTEGER,

    CONSTRAINT "AgendaAgency_pkey" PRIMARY KEY ("itemId","orgId")
);

-- CreateTable
CREATE TABLE "CaseSettings" (
    "sigungu" TEXT NOT NULL,
    "codePattern" TEXT NOT NULL,
    "codeExample" TEXT NOT NULL,
    "riskLevels" TEXT NOT NULL DEFAULT '고,중,저',

    CONSTRAINT "CaseSettings_pkey" PRIMARY KEY ("sigungu")
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

-- CreateIndex
CREATE INDEX "Transfer_status_effective_idx" ON "Transfer"("status", "effective");

-- CreateIndex
CREATE INDEX "Transfer_memberId_idx" ON "Transfer"("memberId");

-- CreateIndex
CREATE INDEX "TransferItem_transferId_idx" ON "TransferItem"("transferId");

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

-- AddForeignKey
ALTER TABLE "Partnership" ADD CONSTRAINT "Partnership_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Partnership" ADD CONSTRAINT "Partnership_toId_fkey" FOREIGN KEY ("toId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberRole" ADD CONSTRAINT "MemberRole_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CouncilSeat" ADD CONSTRAINT "CouncilSeat_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CouncilSeat" ADD CONSTRAINT "CouncilSeat_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatIdentity" ADD CONSTRAINT "ChatIdentity_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelBinding" ADD CONSTRAINT "ChannelBinding_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelBinding" ADD CONSTRAINT "ChannelBinding_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LinkCode" ADD CONSTRAINT "LinkCode_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetupSeries" ADD CONSTRAINT "MeetupSeries_organiserId_fkey" FOREIGN KEY ("organiserId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetupParticipant" ADD CONSTRAINT "MeetupParticipant_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "MeetupSeries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetupParticipant" ADD CONSTRAINT "MeetupParticipant_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetupChange" ADD CONSTRAINT "MeetupChange_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "MeetupSeries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rsvp" ADD CONSTRAINT "Rsvp_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "MeetupSeries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PollEligible" ADD CONSTRAINT "PollEligible_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "Poll"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PollParticipation" ADD CONSTRAINT "PollParticipation_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "Poll"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PollBallot" ADD CONSTRAINT "PollBallot_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "Poll"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TransferItem" ADD CONSTRAINT "TransferItem_transferId_fkey" FOREIGN KEY ("transferId") REFERENCES "Transfer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agenda" ADD CONSTRAINT "Agenda_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "MeetupSeries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_agendaId_fkey" FOREIGN KEY ("agendaId") REFERENCES "Agenda"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaAgency" ADD CONSTRAINT "AgendaAgency_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "AgendaItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;
