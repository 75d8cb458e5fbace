// Council polls: who may vote (fixed when the poll opens), one ballot each,
// secrecy for anonymous polls, deadlines and reminders through the scheduler,
// and the result with its quorum verdict.
//
// Secrecy (anonymous polls): who has voted (PollParticipation: member, time)
// and what was chosen (PollBallot: choice only) are separate tables with no
// common key. A ballot carries no member, no time and a random id, which is
// also its row position, so neither order nor time links the two. Results
// stay hidden until close (live counts would reveal each vote as it arrives),
// and a ballot cannot be changed (changing it would need a link back).
//
// Sealed ballots (against copies of the database taken between votes): the
// choice is stored sealed (AES-256-GCM, sealed-ballot.ts) with a key kept
// outside the database (ballot-key.ts), padded to one length, and every vote
// re-seals all of the poll's ballots with fresh nonces and fresh random ids in
// a new random order. Two snapshots taken before and after a vote therefore
// differ by one more ballot, with no stored string in common: the one that
// is new cannot be told apart from the re-sealed old ones. No count per option
// is stored before the close; the close opens the ballots with the key, and a
// ballot that does not open stops the close (the poll stays open, the job
// fails with the reason) instead of counting something else.
import { randomInt } from 'node:crypto';
import { UserError } from '../../core/errors.ts';
import { toCsv } from '../../core/csv.ts';
import { formatSeoulDateTime, seoulDate, seoulInstant, type IsoDate } from '../../core/calendar/index.ts';
import { matchChoice } from '../../core/i18n/index.ts';
import { parseDateTimeInput } from '../../core/korean-input.ts';
import type { ScheduleInput } from '../../scheduler/scheduler.ts';
import type { Db } from '../../db/client.ts';
import { forgetOldRowVersions } from '../../db/dialect.ts';
import { recordAudit } from '../audit/service.ts';
import type { Platform } from '../../core/command.ts';
import type { Translator } from '../../core/i18n/index.ts';
import type { FeatureContext, LinkedContext } from '../context.ts';

/** What lookups need of the context: just the database. */
type Store = Pick<FeatureContext, 'db'>;
import { labelsFor, resultCard } from './cards.ts';
import { optionLabels, type PollRow } from './model.ts';
import { pollClose, pollRemind } from './jobs.ts';
import { ballotKey } from './ballot-key.ts';
import { isSealed, openChoice, sealChoice } from './sealed-ballot.ts';
import { findMember, findOrganization } from '../directory/service.ts';
import {
  canonicalShare,
  countPoll,
  DECISION_OPTIONS,
  DEFAULT_RULE,
  parseFraction,
  validateBallot,
  type BallotChoice,
  type PollKind,
  type PollResult,
  type QuorumRule,
} from './rules.ts';

export const MAX_OPTIONS = 10;
const REMINDER_LEADS = [
  { label: '1d', ms: 86_400_000 },
  { label: '2h', ms: 7_200_000 },
];

export async function findPoll(ctx: FeatureContext, id: number): Promise<PollRow> {
  const poll = await ctx.db.poll.findUnique({ where: { id } });
  if (!poll) throw new UserError('poll.notFound', { id });
  return poll;
}

/**
 * The kind of a poll: `single` · `multi:3` · `ranked` · `decision` · `opinion`,
 * or its Korean words: 하나 · 여러개:3 / 여러개 3 / 여러 개 3개 · 순위 · 찬반 · 의견
 * (the aliases of the pollKind choice group). multi without N: up to 2.
 */
export function parseKind(input: string): { kind: PollKind; maxChoices: number | null } {
  const text = input.trim().toLowerCase();
  const withMax = /^(.+?)\s*:?\s*(\d{1,2})\s*(?:개(?:까지)?)?$/.exec(text);
  const kind = matchChoice('pollKind', withMax ? withMax[1] : text);
  const max = withMax?.[2];
  if (kind === 'multi') {
    const n = Number(max ?? 2);
    if (!Number.isInteger(n) || n < 2 || n > MAX_OPTIONS) throw new UserError('poll.badKind');
    return { kind: 'multi', maxChoices: n };
  }
  if (kind && max === undefined) return { kind, maxChoices: null };
  throw new UserError('poll.badKind');
}

/**
 * A deadline as people write it, Seoul time: `2026-12-24 18:00`,
 * `12월 24일 오후 5시`, `내일 18:00`, `12/24` (a date alone closes at 18:00).
 */
export function parseDeadline(input: string, now: Date): Date {
  const parsed = parseDateTimeInput(input, seoulDate(now));
  if (!parsed) throw new UserError('poll.badDeadline');
  const instant = seoulInstant(parsed.date, parsed.time);
  if (instant <= now) throw new UserError('poll.deadlinePast', { when: formatSeoulDateTime(instant) });
  return instant;
}

/** council:<org> | org:<org> | list:<member>,<member>… -> the electorate. */
export async function resolveVoters(ctx: Store, spec: string, today: string) {
  const { db } = ctx;
  const [type, ...rest] = spec.split(':');
  const ref = rest.join(':').trim();
  if (type === 'council' && ref) {
    const council = await findOrganization(ctx, ref);
    if (council.kind !== 'council') throw new UserError('council.notCouncil', { name: council.name, kind: council.kind });
    const seats = await db.councilSeat.findMany({
      where: { councilId: council.id, member: { status: 'active' }, ...sittingOn(today) },
      select: { memberId: true },
    });
    return { memberIds: seats.map((s) => s.memberId), councilId: council.id, label: `council:${council.id}` };
  }
  if (type === 'org' && ref) {
    const org = await findOrganization(ctx, ref);
    const members = await db.member.findMany({ where: { orgId: org.id, status: 'active' }, select: { id: true } });
    return { memberIds: members.map((m) => m.id), councilId: org.kind === 'council' ? org.id : null, label: `org:${org.id}` };
  }
  if (type === 'list' && ref) {
    const ids = new Set<number>();
    for (const name of ref.split(',').map((s) => s.trim()).filter(Boolean)) {
      const member = await findMember(ctx, name);
      if (member.status !== 'active') throw new UserError('poll.voterInactive', { name: member.name });
      ids.add(member.id);
    }
    return { memberIds: [...ids], councilId: null, label: 'list' };
  }
  throw new UserError('poll.badVoters');
}

/** Seats whose term covers `day` (Seoul): begun by its noon, ending on it or later (a dismissal ends the term the day before). */
function sittingOn(day: IsoDate) {
  return {
    OR: [{ termFrom: null }, { termFrom: { lte: seoulInstant(day, '12:00') } }],
    AND: [{ OR: [{ termTo: null }, { termTo: { gte: seoulInstant(day) } }] }],
  };
}

/**
 * Of the voters fixed at opening, those still in office on `day` (Seoul):
 * active (not retired or moved on), and for a council poll sitting on that
 * council (term running, not dismissed); for an organisation's poll, still in it.
 */
async function inOffice(store: Pick<Tx, 'member'>, poll: Pick<PollRow, 'voters'>, memberIds: number[], day: IsoDate): Promise<Set<number>> {
  const [type, id] = poll.voters.split(':');
  const where = type === 'council' ? { councilSeats: { some: { councilId: Number(id), ...sittingOn(day) } } } : type === 'org' ? { orgId: Number(id) } : {};
  const rows = await store.member.findMany({ where: { id: { in: memberIds }, status: 'active', ...where }, select: { id: true } });
  return new Set(rows.map((row) => row.id));
}

/**
 * 재적, the electorate turnout and quorum are measured against: the voters
 * fixed at opening who are in office on `day`, and those who voted while they
 * were. Korean committee practice counts the members in office, so a member
 * dismissed (or whose term ended, or who retired) without voting leaves 재적;
 * a ballot cast in office stands (a secret one could not be taken out) and its
 * voter stays counted, so 참여 never exceeds 재적.
 */
async function electorate(store: ElectorateStore, poll: Pick<PollRow, 'id' | 'voters'>, day: IsoDate) {
  const [eligible, participated] = await Promise.all([
    store.pollEligible.findMany({ where: { pollId: poll.id }, select: { memberId: true } }),
    store.pollParticipation.findMany({ where: { pollId: poll.id }, select: { memberId: true } }),
  ]);
  const voted = new Set(participated.map((p) => p.memberId));
  const ids = eligible.map((e) => e.memberId);
  const sitting = await inOffice(store, poll, ids, day);
  return { members: ids.filter((id) => sitting.has(id) || voted.has(id)), voted };
}

type ElectorateStore = Pick<Tx, 'pollEligible' | 'pollParticipation' | 'member'>;

export async function councilRule(ctx: Store, councilId: number | null): Promise<QuorumRule> {
  const { db } = ctx;
  if (!councilId) return DEFAULT_RULE;
  const row = await db.councilRule.findUnique({ where: { councilId } });
  if (!row) return DEFAULT_RULE;
  return {
    quorum: parseFraction(row.quorum) ?? DEFAULT_RULE.quorum,
    pass: parseFraction(row.pass) ?? DEFAULT_RULE.pass,
    base: row.base === 'cast' ? 'cast' : 'present',
  };
}

export async function setCouncilRule(ctx: FeatureContext, councilRef: string, input: { quorum?: string; pass?: string; base?: string }) {
  const council = await findOrganization(ctx, councilRef);
  if (council.kind !== 'council') throw new UserError('council.notCouncil', { name: council.name, kind: council.kind });
  const canonical: Record<string, string> = {};
  for (const [name, value] of [['quorum', input.quorum], ['pass', input.pass]] as const) {
    if (value === undefined) continue;
    const share = parseFraction(value);
    if (!share) throw new UserError('poll.badFraction', { option: name });
    canonical[name] = canonicalShare(share); // 3분의 2 is stored as 2/3
  }
  const current = await ctx.db.councilRule.findUnique({ where: { councilId: council.id } });
  const data = {
    quorum: canonical.quorum ?? current?.quorum ?? 'majority',
    pass: canonical.pass ?? current?.pass ?? 'majority',
    base: input.base ?? current?.base ?? 'present',
  };
  await ctx.db.$transaction(async (tx) => {
    await tx.councilRule.upsert({ where: { councilId: council.id }, create: { councilId: council.id, ...data }, update: data });
    await recordAudit(tx, ctx.clock, ctx.actor, 'council.rules', `council #${council.id}`, data);
  });
  return { council, rule: data };
}

export interface PollInput {
  question: string;
  options?: string;
  voters: string;
  /** Absent: 하나 (single) when options= are given, else 찬반 (decision). */
  kind?: string;
  /** Absent: named (기명). */
  anonymous?: boolean;
  deadline: string;
  lock?: boolean;
  live?: boolean;
}

export async function createPoll(ctx: LinkedContext, input: PollInput, where: { platform: string; channelId: string }) {
  const { kind, maxChoices } = parseKind(input.kind ?? (input.options?.trim() ? 'single' : 'decision'));
  const anonymous = input.anonymous ?? false;
  const now = ctx.clock.now();
  const deadline = parseDeadline(input.deadline, now);
  let options: string[];
  if (kind === 'decision') {
    options = [...DECISION_OPTIONS];
  } else {
    options = (input.options ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (options.length < 2 || options.length > MAX_OPTIONS || new Set(options).size !== options.length) {
      throw new UserError('poll.badOptions', { max: MAX_OPTIONS });
    }
    if (maxChoices !== null && maxChoices > options.length) throw new UserError('poll.badKind');
  }
  const voters = await resolveVoters(ctx, input.voters, seoulDate(now));
  if (voters.memberIds.length === 0) throw new UserError('poll.noVoters');
  const poll = await ctx.db.$transaction(async (tx) => {
    const created = await tx.poll.create({
      data: {
        question: input.question,
        kind,
        maxChoices,
        options: JSON.stringify(options),
        anonymous,
        locked: anonymous || Boolean(input.lock),
        live: !anonymous && Boolean(input.live),
        voters: voters.label,
        councilId: voters.councilId,
        deadline,
        createdById: ctx.actor.memberId,
        platform: where.platform,
        channelId: where.channelId,
        createdAt: now,
        eligible: { create: voters.memberIds.map((memberId) => ({ memberId })) },
      },
    });
    await recordAudit(tx, ctx.clock, ctx.actor, 'poll.create', `poll #${created.id}`, { kind, anonymous });
    for (const job of pollJobs(created.id, deadline, now)) await ctx.scheduler.schedule(job, tx);
    return created;
  });
  return { poll, eligible: voters.memberIds.length };
}

const pollGroup = (pollId: number) => `poll:${pollId}`;

/**
 * The jobs of an open poll: its close at the deadline and the reminders
 * before it. A reminder may run late only until the next one is due (or the
 * deadline). After an extension the reminder keys name the new deadline, so
 * members are reminded again before it.
 */
function pollJobs(pollId: number, deadline: Date, now: Date, extended = false): ScheduleInput[] {
  const payload = { pollId };
  const group = pollGroup(pollId);
  const jobs = [pollClose.entry({ key: `poll-close:${pollId}`, payload, dueAt: deadline, group })];
  for (const [i, lead] of REMINDER_LEADS.entries()) {
    const lateUntil = new Date(deadline.getTime() - (REMINDER_LEADS[i + 1]?.ms ?? 60_000));
    if (lateUntil <= now) continue;
    const key = `poll-remind:${pollId}:${lead.label}${extended ? `@${deadline.getTime()}` : ''}`;
    jobs.push(pollRemind.entry({ key, payload, dueAt: new Date(deadline.getTime() - lead.ms), lateUntil, group }));
  }
  return jobs;
}

/** A later deadline for an open poll (its creator or an admin); the close and the reminders move with it. */
export async function extendPoll(ctx: FeatureContext, pollId: number, deadlineText: string) {
  const poll = await findPoll(ctx, pollId);
  requireCreator(ctx, poll, 'poll.notCreatorExtend');
  const now = ctx.clock.now();
  if (poll.status !== 'open' || poll.deadline <= now) throw new UserError('poll.closed', { id: pollId });
  const deadline = parseDeadline(deadlineText, now);
  if (deadline <= poll.deadline) {
    throw new UserError('poll.extendNotLater', { id: pollId, current: formatSeoulDateTime(poll.deadline), value: formatSeoulDateTime(deadline) });
  }
  const moved = await ctx.db.poll.updateMany({ where: { id: pollId, status: 'open' }, data: { deadline } });
  if (moved.count !== 1) throw new UserError('poll.closed', { id: pollId });
  await recordAudit(ctx.db, ctx.clock, ctx.actor, 'poll.extend', `poll #${pollId}`, {
    from: formatSeoulDateTime(poll.deadline),
    to: formatSeoulDateTime(deadline),
  });
  await ctx.scheduler.replaceGroup(pollGroup(pollId), pollJobs(pollId, deadline, now, true));
  return { poll: { ...poll, deadline }, previous: poll.deadline };
}

/** Option indexes from what the voter wrote: numbers (1-based) or labels, comma- or space-separated. */
export function parseChoice(poll: Pick<PollRow, 'kind' | 'options'>, words: string, answerAliases: (word: string) => number | undefined): BallotChoice {
  const labels = optionLabels(poll);
  const parts = words.split(/[,\s]+/).map((s) => s.trim()).filter(Boolean);
  return parts.map((part) => {
    if (/^\d+$/.test(part)) return Number(part) - 1;
    if (poll.kind === 'decision') {
      const index = answerAliases(part);
      if (index !== undefined) return index;
    }
    return labels.indexOf(part);
  });
}

export async function castVote(ctx: LinkedContext, pollId: number, choice: BallotChoice) {
  const poll = await findPoll(ctx, pollId);
  const now = ctx.clock.now();
  if (poll.status !== 'open' || poll.deadline <= now) throw new UserError('poll.closed', { id: pollId });
  const memberId = ctx.actor.memberId;
  const eligible = await ctx.db.pollEligible.findUnique({ where: { pollId_memberId: { pollId, memberId } } });
  if (!eligible) throw new UserError('poll.notEligible', { id: pollId });
  // Rechecked at each vote (a change too): the electorate was fixed at opening, the seats may have ended since.
  if (!(await inOffice(ctx.db, poll, [memberId], seoulDate(now))).has(memberId)) throw new UserError('poll.leftOffice', { id: pollId });
  const verdict = validateBallot(poll.kind as PollKind, optionLabels(poll).length, poll.maxChoices, choice);
  if (verdict !== 'ok') throw new UserError(`poll.ballot.${verdict}` as 'poll.ballot.empty', { max: poll.maxChoices ?? 1, count: optionLabels(poll).length });
  const already = await ctx.db.pollParticipation.findUnique({ where: { pollId_memberId: { pollId, memberId } } });
  if (already && poll.locked) throw new UserError(poll.anonymous ? 'poll.alreadyVotedSecret' : 'poll.alreadyVotedLocked', { id: pollId });
  const content = JSON.stringify(choice);
  // Read before the transaction: resolving it may create the key file.
  const key = poll.anonymous ? await ballotKey(ctx) : undefined;
  try {
    await ctx.db.$transaction(async (tx) => {
      // Votes of one poll take turns: a secret vote rewrites all the poll's
      // ballots, and two rewrites at once (PostgreSQL runs them side by side)
      // would each miss the other's rows. Writing the poll row first holds its
      // lock until commit; SQLite serialises writers anyway.
      await tx.poll.updateMany({ where: { id: pollId }, data: { locked: poll.locked } });
      if (already) {
        await tx.pollBallot.update({ where: { pollId_memberId: { pollId, memberId } }, data: { choice: content } });
        await tx.pollParticipation.update({ where: { pollId_memberId: { pollId, memberId } }, data: { votedAt: now } });
      } else {
        await tx.pollParticipation.create({ data: { pollId, memberId, votedAt: now } });
        if (key) await rewriteSecretBallots(tx, key, pollId, content);
        else await tx.pollBallot.create({ data: { id: (await freshBallotIds(tx, 1))[0], pollId, memberId, choice: content } });
      }
      // Checked after our writes hold the lock: a close that won the race wins.
      if ((await tx.poll.count({ where: { id: pollId, status: 'open' } })) === 0) throw new UserError('poll.closed', { id: pollId });
      // The audit row says that someone voted, never what.
      await recordAudit(tx, ctx.clock, ctx.actor, already ? 'poll.revote' : 'poll.vote', `poll #${pollId}`);
    });
  } catch (error) {
    // Two first votes at once (a double press): the second finds the first.
    if ((error as { code?: string }).code === 'P2002') {
      throw new UserError(poll.anonymous ? 'poll.alreadyVotedSecret' : 'poll.alreadyVotedLocked', { id: pollId });
    }
    throw error;
  }
  if (poll.anonymous) await forgetWriteOrder(ctx.db);
  return { poll, changed: Boolean(already) };
}

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/**
 * Adds a secret ballot by rewriting all of the poll's ballots, sealed afresh,
 * in a random order with fresh random ids: in the database file a row's
 * position (its place in the page, not only its id) would otherwise tell the
 * order of voting, which participation times give with names; and a ballot
 * kept as it was would survive from one copy of the database to the next,
 * leaving the new one as the only unfamiliar string. Council polls have tens
 * of ballots, so the rewrite is cheap. `newChoice` undefined: only re-seal
 * (ballots written before sealing existed are sealed this way at start-up).
 */
async function rewriteSecretBallots(tx: Tx, key: Buffer, pollId: number, newChoice?: string): Promise<void> {
  const choices = (await tx.pollBallot.findMany({ where: { pollId }, select: { choice: true } })).map((b) => openChoice(key, pollId, b.choice));
  if (newChoice !== undefined) choices.push(newChoice);
  for (let i = choices.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [choices[i], choices[j]] = [choices[j], choices[i]];
  }
  await tx.pollBallot.deleteMany({ where: { pollId } });
  const ids = await freshBallotIds(tx, choices.length);
  for (const [i, choice] of choices.entries()) {
    await tx.pollBallot.create({ data: { id: ids[i], pollId, memberId: null, choice: sealChoice(key, pollId, choice) } });
  }
}

/** Ballot ids are random in [1, 2^31 - 1): a 32-bit INTEGER on PostgreSQL as on SQLite. */
const BALLOT_ID_LIMIT = 2 ** 31 - 1;

/**
 * `count` distinct random ballot ids not in use. The id space is shared by all
 * polls, and with 31 bits a clash is rare but possible (1 in ~20,000 for a
 * 50-ballot rewrite among 10,000 stored ballots), so clashes are drawn again
 * instead of failing the vote.
 */
async function freshBallotIds(tx: Pick<Db, 'pollBallot'>, count: number): Promise<number[]> {
  const ids = new Set<number>();
  while (ids.size < count) {
    const draw = new Set<number>();
    while (draw.size < count - ids.size) {
      const id = randomInt(1, BALLOT_ID_LIMIT);
      if (!ids.has(id)) draw.add(id);
    }
    const taken = new Set((await tx.pollBallot.findMany({ where: { id: { in: [...draw] } }, select: { id: true } })).map((b) => b.id));
    for (const id of draw) if (!taken.has(id)) ids.add(id);
  }
  return [...ids];
}

/**
 * Start-up: seals the ballots of open secret polls that were stored before
 * sealing existed (plain `[1]`), so copies taken from now on show none.
 */
export async function sealLegacyBallots(ctx: FeatureContext): Promise<number> {
  const open = await ctx.db.poll.findMany({ where: { status: 'open', anonymous: true }, select: { id: true } });
  let sealed = 0;
  for (const { id } of open) {
    const ballots = await ctx.db.pollBallot.findMany({ where: { pollId: id }, select: { choice: true } });
    if (ballots.every((b) => isSealed(b.choice))) continue;
    const key = await ballotKey(ctx);
    await ctx.db.$transaction((tx) => rewriteSecretBallots(tx, key, id));
    sealed++;
  }
  if (sealed) await forgetWriteOrder(ctx.db);
  return sealed;
}

/** Old row versions (SQLite's write-ahead log, PostgreSQL's dead tuples) would keep earlier layouts: let the database drop them. */
async function forgetWriteOrder(db: Db): Promise<void> {
  await forgetOldRowVersions(db, 'PollBallot');
}

export async function participation(ctx: FeatureContext, pollId: number) {
  const { members, voted } = await electorate(ctx.db, await findPoll(ctx, pollId), seoulDate(ctx.clock.now()));
  return { eligible: members.length, voted: voted.size };
}

/** What counting reads: the database, or the close's transaction. */
type BallotStore = ElectorateStore & Pick<Tx, 'pollBallot'>;

/**
 * The choices of a poll's ballots, opened with the ballot key when the poll
 * is secret. Throws BallotSealError when one does not open: nothing is
 * counted with a wrong key.
 */
async function readChoices(ctx: FeatureContext, poll: PollRow, store: BallotStore, order?: 'id'): Promise<{ memberId: number | null; choice: BallotChoice }[]> {
  const ballots = await store.pollBallot.findMany({ where: { pollId: poll.id }, ...(order ? { orderBy: { id: 'asc' as const } } : {}) });
  const sealed = poll.anonymous || ballots.some((b) => isSealed(b.choice));
  const key = sealed && ballots.length ? await ballotKey(ctx) : undefined;
  return ballots.map((b) => ({
    memberId: b.memberId,
    choice: JSON.parse(key ? openChoice(key, poll.id, b.choice) : b.choice) as BallotChoice,
  }));
}

export async function computeResult(ctx: FeatureContext, poll: PollRow): Promise<PollResult> {
  return countBallots(ctx, poll, ctx.db, await pollRule(ctx, poll));
}

const pollRule = (ctx: FeatureContext, poll: PollRow) => (poll.kind === 'decision' ? councilRule(ctx, poll.councilId) : Promise.resolve(undefined));

async function countBallots(ctx: FeatureContext, poll: PollRow, store: BallotStore, rule: QuorumRule | undefined): Promise<PollResult> {
  // 재적 on the day voting ended: the deadline's, or today's for an early close (a late close job changes nothing).
  const ended = new Date(Math.min(ctx.clock.now().getTime(), poll.deadline.getTime()));
  const [{ members }, ballots] = await Promise.all([electorate(store, poll, seoulDate(ended)), readChoices(ctx, poll, store)]);
  return countPoll({
    kind: poll.kind as PollKind,
    optionCount: optionLabels(poll).length,
    maxChoices: poll.maxChoices,
    eligible: members.length,
    ballots: ballots.map((b) => b.choice),
    rule,
  });
}

/**
 * Closes a poll (deadline, or early by its creator), stores the result; the
 * caller announces it. Closing, counting and storing the result are one
 * transaction: a vote racing the close either landed before (and is counted)
 * or sees the poll closed and is refused; and a ballot that does not open
 * with the key rolls the close back, so the poll is never closed without its
 * result (the job fails with the reason and is retried).
 */
export async function closePoll(ctx: FeatureContext, pollId: number) {
  const { db } = ctx;
  const poll = await findPoll(ctx, pollId);
  if (poll.status !== 'open') return { poll, result: JSON.parse(poll.result ?? 'null') as PollResult | null, closedNow: false };
  // Read outside the transaction (the key may create its file).
  const rule = await pollRule(ctx, poll);
  if (poll.anonymous) await ballotKey(ctx);
  const result = await db.$transaction(async (tx) => {
    const closed = await tx.poll.updateMany({ where: { id: pollId, status: 'open' }, data: { status: 'closed', closedAt: ctx.clock.now() } });
    if (closed.count !== 1) return undefined;
    const counted = await countBallots(ctx, poll, tx, rule);
    await tx.poll.update({ where: { id: pollId }, data: { result: JSON.stringify(counted) } });
    await recordAudit(tx, ctx.clock, ctx.actor, 'poll.close', `poll #${pollId}`);
    return counted;
  });
  if (!result) {
    const now = await findPoll(ctx, pollId);
    return { poll: now, result: JSON.parse(now.result ?? 'null') as PollResult | null, closedNow: false };
  }
  await ctx.scheduler.cancelGroup(pollGroup(pollId));
  return { poll: { ...poll, status: 'closed' }, result, closedNow: true };
}

/** Early close by the poll's creator (or an admin); the result is announced once. */
export async function closePollEarly(ctx: FeatureContext, pollId: number) {
  const poll = await findPoll(ctx, pollId);
  requireCreator(ctx, poll, 'poll.notCreator');
  const { result, closedNow } = await closePoll(ctx, poll.id);
  if (!result) throw new UserError('poll.notFound', { id: poll.id });
  if (closedNow) await announceResult(ctx, poll, result);
  return { poll, result };
}

function requireCreator(ctx: FeatureContext, poll: PollRow, refusal: 'poll.notCreator' | 'poll.notCreatorExport' | 'poll.notCreatorExtend'): void {
  if (poll.createdById !== ctx.actor.memberId && !ctx.actor.roles.has('admin')) throw new UserError(refusal, { id: poll.id });
}

/** The result where the poll was opened, and to the council's sitting chairs (공공·민간위원장) by DM, each in their language. */
export async function announceResult(ctx: FeatureContext, poll: PollRow, result: PollResult) {
  const card = (t: Translator) => resultCard(t, poll, result, true);
  if (poll.platform && poll.channelId) {
    await ctx.deliver.deliver({ kind: 'channel', platform: poll.platform as Platform, channelId: poll.channelId }, card, `poll-result:${poll.id}`);
  }
  if (poll.councilId) await ctx.deliver.deliver({ kind: 'chairs', councilId: poll.councilId }, card, `poll-result:${poll.id}:chairs`);
}

/** The caller's polls: those they opened or may vote in, newest first. */
export async function myPolls(ctx: LinkedContext) {
  const memberId = ctx.actor.memberId;
  return ctx.db.poll.findMany({
    where: { OR: [{ createdById: memberId }, { eligible: { some: { memberId } } }] },
    orderBy: { id: 'desc' },
    take: 20,
  });
}

/** A closed poll as CSV rows (creator or admin only); anonymous polls: choices only, random order, no names, no times. */
export async function exportPoll(ctx: FeatureContext, pollId: number, t: Translator) {
  const poll = await findPoll(ctx, pollId);
  requireCreator(ctx, poll, 'poll.notCreatorExport');
  if (poll.status !== 'closed') throw new UserError('poll.exportOpen', { id: poll.id });
  const labels = labelsFor(t, poll);
  const ballots = await readChoices(ctx, poll, ctx.db, 'id');
  const names = poll.anonymous
    ? new Map<number, string>()
    : new Map(
        (await ctx.db.member.findMany({ where: { id: { in: ballots.map((b) => b.memberId ?? 0) } }, select: { id: true, name: true } })).map((m) => [m.id, m.name]),
      );
  const header = poll.anonymous ? [t('poll.csvChoice')] : [t('poll.csvVoter'), t('poll.csvChoice')];
  const rows = ballots.map((b) => {
    const choice = b.choice.map((i) => labels[i]).join(poll.kind === 'ranked' ? ' > ' : ', ');
    return poll.anonymous ? [choice] : [names.get(b.memberId ?? 0) ?? '', choice];
  });
  return { poll, count: rows.length, csv: await toCsv([header, ...rows]) };
}

/** Who is reminded: the electorate in office today that has not voted. */
export async function nonVoters(ctx: FeatureContext, pollId: number): Promise<number[]> {
  const { members, voted } = await electorate(ctx.db, await findPoll(ctx, pollId), seoulDate(ctx.clock.now()));
  return members.filter((id) => !voted.has(id));
}
