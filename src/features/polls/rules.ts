// Counting and quorum rules of council polls (협의체 투표). Pure rules: no I/O,
// no clock, no randomness. Storage, commands and cards build on this API.
//
// Bad input from a user is answered with a value (parseFraction → undefined,
// validateBallot → a reason). Only programming errors throw a plain Error: a
// malformed Fraction, a negative count, a ballot that validateBallot would
// have refused reaching countPoll, a decision poll without exactly three options.
//
// ── How a poll is counted (README) ───────────────────────────────────────────
//
// Kinds
// - single (단일 선택), opinion (의견 수렴): one option per ballot; every option
//   gets one vote per ballot that chose it. Winners: the option(s) with the
//   most votes. For opinion the winners are informational only.
// - multi (복수 선택): 1..maxChoices distinct options per ballot (maxChoices
//   null = up to all options); each selected option gets one vote, so the
//   votes add up to the number of selections, not of ballots. Winners: most votes.
// - ranked (순위 투표): distinct options in order of preference, most preferred
//   first. Partial rankings are allowed: a member may rank only the options
//   they care about (so validateBallot never answers 'incomplete'). If
//   maxChoices is set, it caps how many options a ballot may rank.
//   Counted by instant-runoff (즉석 결선 투표), below.
// - decision (안건 의결): the options are always 찬성, 반대, 기권 (yes, no,
//   abstain), in that order. The outcome is the verdict, not a winner:
//   `winners` is always [] for a decision poll.
// Several winners always mean a tie (동률). Nobody voted → no winners.
//
// Quorum and verdict of a decision (재적·참여·찬성·반대·기권)
// - 재적 (eligible) is the number of members entitled to vote; 참여
//   (participated) the number of ballots cast, 기권 included.
// - Quorum (의사정족수): participated meets rule.quorum of eligible. Default:
//   more than half (재적위원 과반수 참여).
// - Without quorum the verdict is 'no-quorum' (정족수 미달), whatever the votes.
// - With quorum the motion passes when yes meets rule.pass of the base (의결
//   정족수). base 'present' = 찬성+반대+기권 (참여위원, the default: 출석위원
//   과반수 찬성 — an abstention then counts like a no), base 'cast' = 찬성+반대 only.
// - Otherwise, if yes == no, the verdict is 'tie' (가부동수): it is a rejection
//   (가부동수는 부결), kept apart so the card can say so. Else 'rejected'.
// - The tie rule is set through the pass share: with 'majority' (more than
//   half) a tie always fails; a council whose rules let a tie pass among the
//   votes cast configures pass 'at least 1/2' with base 'cast'.
// - Shares are compared in integers (count × den against num × total), never in
//   floating point: "more than half of 15" is 8, "at least 2/3 of 9" is 6.
//
// Instant-runoff (ranked)
// 1. Every round counts each ballot for its highest-ranked option that is still
//    in the running. A ballot whose ranked options have all been eliminated is
//    exhausted (소진) and no longer counts.
// 2. An option with more than half of the ballots that still count (not
//    exhausted) wins.
// 3. Otherwise, if all options still in the running have the same number of
//    votes, they all win together (a tie).
// 4. Otherwise the option with the fewest votes is eliminated. If several share
//    the fewest, the one with fewer first-preference votes in round 1 goes; if
//    still tied, the one with fewer votes in the previous round; if still tied,
//    all of them go at once — unless that would leave a single option, which
//    would then win without ever being weighed against the others: the count
//    stops there and all options still in the running are tied winners (추첨
//    또는 재투표로 정합니다).
// 5. Count again (next round).
// Each round eliminates at least one option, so there are at most as many
// rounds as options. The method uses vote counts only — never the order of the
// ballots or the position of an option in the list.
// Guarantees: an option ranked first by more than half of the ballots wins in
// round 1 (majority criterion); among ballots that rank every option, an
// option ranked last by more than half of them never wins alone.
// ─────────────────────────────────────────────────────────────────────────────

export type PollKind = 'single' | 'multi' | 'ranked' | 'decision' | 'opinion';

/**
 * A ballot's content: option indexes (0-based). single/opinion/decision: exactly
 * one; multi: 1..maxChoices distinct; ranked: a full or partial order of
 * distinct indexes, most preferred first.
 */
export type BallotChoice = number[];

/** 찬성, 반대, 기권 — decision polls always have these three options in this order. */
export const DECISION_OPTIONS = ['yes', 'no', 'abstain'] as const;

/**
 * A share: `strict` false = at least num/den (이상), true = more than num/den
 * (초과). A valid Fraction has integers with den ≥ 1 and 0 ≤ num ≤ den.
 */
export interface Fraction {
  num: number;
  den: number;
  strict: boolean;
}

export interface QuorumRule {
  /** Share of the eligible (재적) who must take part: e.g. { num: 1, den: 2, strict: true } = more than half (과반수). strict=false means "at least". */
  quorum: Fraction;
  /** Share needed to pass, of `base`: e.g. { num:1, den:2, strict:true } = more than half (과반수); 2/3 = { num:2, den:3, strict:false } (3분의 2 이상). */
  pass: Fraction;
  /** What `pass` is a share of: 'present' = all who took part incl. 기권 (참여위원), 'cast' = yes+no only. */
  base: 'present' | 'cast';
}

/** 재적위원 과반수 참여, 참여위원 과반수 찬성. */
export const DEFAULT_RULE: QuorumRule = {
  quorum: { num: 1, den: 2, strict: true },
  pass: { num: 1, den: 2, strict: true },
  base: 'present',
};

/** Largest numerator or denominator parseFraction accepts. */
const MAX_TERM = 9999;

/**
 * Parse a share as councils write it in a command. Syntax (spaces allowed,
 * case-insensitive):
 * - 'majority' | '과반수' | '과반' = more than half (1/2, strict);
 * - 'half' | '절반' | '절반 이상' | '반 이상' = at least half (1/2);
 * - 'unanimous' | '만장일치' | '전원' = everyone (1/1);
 * - 'N/M' | 'M분의 N' | 'M분의N' = at least N/M, e.g. '2/3', '3분의2' (3분의 2 이상);
 *   a trailing '이상' says the same;
 * - 'N/M+' | 'M분의 N 초과' | 'N/M 초과' = more than N/M, e.g. '1/2+' (= majority).
 * N and M are whole numbers with 1 ≤ M ≤ 9999 and 0 ≤ N ≤ M; 'M/M+' (more than
 * everyone) can never be met and is refused. Anything else → undefined.
 */
export function parseFraction(text: string): Fraction | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === 'majority' || t === '과반수' || t === '과반' || t === '과반수 이상' || t === '과반 이상') return { num: 1, den: 2, strict: true };
  if (t === 'half' || t === '절반' || t === '절반 이상' || t === '반 이상' || t === '2분의 1 이상') return { num: 1, den: 2, strict: false };
  if (t === 'unanimous' || t === '만장일치' || t === '전원' || t === '전원 찬성') return { num: 1, den: 1, strict: false };
  const slash = /^(\d{1,4})\s*\/\s*(\d{1,4})\s*(\+|초과|이상)?$/.exec(t);
  const korean = slash ? null : /^(\d{1,4})\s*분의\s*(\d{1,4})\s*(초과|이상)?$/.exec(t);
  let num: number;
  let den: number;
  let strict: boolean;
  if (slash) {
    [num, den, strict] = [Number(slash[1]), Number(slash[2]), slash[3] === '+' || slash[3] === '초과'];
  } else if (korean) {
    [num, den, strict] = [Number(korean[2]), Number(korean[1]), korean[3] === '초과'];
  } else {
    return undefined;
  }
  if (den < 1 || den > MAX_TERM || num > den) return undefined;
  if (strict && num === den) return undefined;
  return { num, den, strict };
}

/** How a share is stored: 'majority' for more than half (as before), else 'N/M' or 'N/M+'. */
export function canonicalShare(f: Fraction): string {
  return f.num * 2 === f.den && f.strict ? 'majority' : formatFraction(f);
}

/**
 * A share in words: 과반수 · 3분의 2 이상 · 2분의 1 초과 · 만장일치 (ko);
 * more than half · at least 2/3 · more than 1/2 · unanimous (en).
 */
export function shareWords(f: Fraction, locale: 'ko' | 'en'): string {
  const ko = locale === 'ko';
  if (f.num * 2 === f.den && f.strict) return ko ? '과반수' : 'more than half';
  if (f.num === f.den && !f.strict) return ko ? '만장일치' : 'unanimous';
  if (ko) return `${f.den}분의 ${f.num} ${f.strict ? '초과' : '이상'}`;
  return `${f.strict ? 'more than' : 'at least'} ${f.num}/${f.den}`;
}

/** The canonical text of a share: 'N/M' or 'N/M+'. parseFraction reads it back unchanged. */
export function formatFraction(f: Fraction): string {
  assertFraction(f);
  return `${f.num}/${f.den}${f.strict ? '+' : ''}`;
}

/**
 * Does `count` out of `total` meet the share `f`? Integer arithmetic only:
 * count·den > num·total (strict) or ≥ (at least). meets(0, 0, more than half)
 * is false: with nobody, there is no majority.
 */
export function meets(count: number, total: number, f: Fraction): boolean {
  assertCount(count, 'count');
  assertCount(total, 'total');
  assertFraction(f);
  const lhs = count * f.den;
  const rhs = f.num * total;
  if (Number.isSafeInteger(lhs) && Number.isSafeInteger(rhs)) return f.strict ? lhs > rhs : lhs >= rhs;
  const l = BigInt(count) * BigInt(f.den);
  const r = BigInt(f.num) * BigInt(total);
  return f.strict ? l > r : l >= r;
}

export type BallotProblem = 'empty' | 'out-of-range' | 'duplicate' | 'too-many' | 'incomplete';

/**
 * Check a ballot before it is stored. Checks in this order, first failure wins:
 * 'empty' (no option), 'out-of-range' (not an integer index of an option),
 * 'duplicate' (an option twice), 'too-many' (single/opinion/decision: more than
 * one; multi and ranked: more than maxChoices when it is set). Ranked ballots
 * may be partial, so 'incomplete' is never returned (kept in the type for a
 * future "rank everything" option). maxChoices is ignored for
 * single/opinion/decision. Decision polls must have optionCount 3.
 */
export function validateBallot(
  kind: PollKind,
  optionCount: number,
  maxChoices: number | null,
  choice: BallotChoice,
): 'ok' | BallotProblem {
  assertShape(kind, optionCount, maxChoices);
  if (choice.length === 0) return 'empty';
  for (const i of choice) if (!Number.isInteger(i) || i < 0 || i >= optionCount) return 'out-of-range';
  if (new Set(choice).size !== choice.length) return 'duplicate';
  switch (kind) {
    case 'single':
    case 'opinion':
    case 'decision':
      return choice.length > 1 ? 'too-many' : 'ok';
    case 'multi':
    case 'ranked':
      return maxChoices !== null && choice.length > maxChoices ? 'too-many' : 'ok';
  }
}

export interface OptionCount {
  index: number;
  votes: number;
}

/**
 * One round of an instant-runoff count. `counts`: the options still in the
 * running at the start of the round, in option order. `eliminated`: the
 * options eliminated at the end of this round ([] in the last round).
 * `exhausted`: ballots that no longer count in this round (cumulative), so
 * the counts plus `exhausted` always add up to the ballots cast.
 */
export interface RankedRound {
  counts: OptionCount[];
  eliminated: number[];
  exhausted: number;
}

/** 'tie' = 가부동수, a rejection shown as such. */
export type Verdict = 'passed' | 'rejected' | 'no-quorum' | 'tie';

export interface PollResult {
  kind: PollKind;
  /** 재적 */
  eligible: number;
  /** 참여 (ballots cast) */
  participated: number;
  /** Per option, in option order (for ranked: first preferences of round 1). */
  counts: OptionCount[];
  /**
   * single/multi/ranked/opinion: the option index(es) with most votes (ranked:
   * the IRV winner), ascending; empty when nobody voted. Several = a tie.
   * opinion has winners too (informational). decision: always [] — read
   * `decision.verdict`.
   */
  winners: number[];
  /** ranked only; [] when nobody voted. */
  rounds?: RankedRound[];
  /** decision only */
  decision?: { yes: number; no: number; abstain: number; quorumMet: boolean; verdict: Verdict };
}

/**
 * Count a poll. `ballots` must all pass validateBallot (a stored ballot that
 * does not is a programming error and throws). `rule` applies to decision
 * polls only (default DEFAULT_RULE). participated = ballots.length; it is not
 * clamped to `eligible`.
 */
export function countPoll(input: {
  kind: PollKind;
  optionCount: number;
  maxChoices: number | null;
  eligible: number;
  ballots: BallotChoice[];
  rule?: QuorumRule;
}): PollResult {
  const { kind, optionCount, maxChoices, eligible, ballots } = input;
  const rule = input.rule ?? DEFAULT_RULE;
  assertShape(kind, optionCount, maxChoices);
  assertCount(eligible, 'eligible');
  assertFraction(rule.quorum);
  assertFraction(rule.pass);
  if (rule.base !== 'present' && rule.base !== 'cast') throw new Error(`countPoll: unknown base ${String(rule.base)}`);
  ballots.forEach((b, i) => {
    const v = validateBallot(kind, optionCount, maxChoices, b);
    if (v !== 'ok') throw new Error(`countPoll: ballot ${i} is ${v}: ${JSON.stringify(b)}`);
  });

  const participated = ballots.length;
  const votes = new Array<number>(optionCount).fill(0);
  if (kind === 'ranked') for (const b of ballots) votes[b[0]]++;
  else for (const b of ballots) for (const i of b) votes[i]++;
  const counts = votes.map((v, index) => ({ index, votes: v }));
  const base = { kind, eligible, participated, counts };

  switch (kind) {
    case 'decision': {
      const [yes, no, abstain] = votes;
      const quorumMet = meets(participated, eligible, rule.quorum);
      const total = rule.base === 'present' ? yes + no + abstain : yes + no;
      const verdict: Verdict = !quorumMet
        ? 'no-quorum'
        : meets(yes, total, rule.pass)
          ? 'passed'
          : yes === no
            ? 'tie'
            : 'rejected';
      return { ...base, winners: [], decision: { yes, no, abstain, quorumMet, verdict } };
    }
    case 'ranked': {
      const { winners, rounds } = instantRunoff(optionCount, ballots);
      return { ...base, winners, rounds };
    }
    default:
      return { ...base, winners: participated === 0 ? [] : mostVoted(counts) };
  }
}

/** The indexes with the highest vote count, ascending. */
function mostVoted(counts: OptionCount[]): number[] {
  const top = Math.max(...counts.map((c) => c.votes));
  return counts.filter((c) => c.votes === top).map((c) => c.index);
}

/** Instant-runoff as described at the top of this file. Ballots are valid and non-empty. */
function instantRunoff(optionCount: number, ballots: BallotChoice[]): { winners: number[]; rounds: RankedRound[] } {
  const rounds: RankedRound[] = [];
  if (ballots.length === 0) return { winners: [], rounds };
  const inRunning = new Array<boolean>(optionCount).fill(true);
  let firstRound: number[] = [];
  let previous: number[] = [];

  for (;;) {
    const votes = new Array<number>(optionCount).fill(0);
    let exhausted = 0;
    for (const b of ballots) {
      const top = b.find((i) => inRunning[i]);
      if (top === undefined) exhausted++;
      else votes[top]++;
    }
    const remaining = votes.map((_, i) => i).filter((i) => inRunning[i]);
    const round: RankedRound = { counts: remaining.map((index) => ({ index, votes: votes[index] })), eliminated: [], exhausted };
    rounds.push(round);
    if (rounds.length === 1) firstRound = votes;

    const active = ballots.length - exhausted;
    const majority = remaining.find((i) => votes[i] * 2 > active);
    if (majority !== undefined) return { winners: [majority], rounds };

    const fewest = Math.min(...remaining.map((i) => votes[i]));
    let lowest = remaining.filter((i) => votes[i] === fewest);
    if (lowest.length === remaining.length) return { winners: remaining, rounds };
    lowest = keepFewest(lowest, firstRound);
    if (rounds.length > 1) lowest = keepFewest(lowest, previous);
    if (remaining.length - lowest.length < 2) return { winners: remaining, rounds };

    round.eliminated = lowest;
    for (const i of lowest) inRunning[i] = false;
    previous = votes;
    // Each round eliminates at least one option and stops before the last one,
    // so this loop runs at most optionCount times.
  }
}

/** The options of `among` with the fewest votes in `votes`. */
function keepFewest(among: number[], votes: number[]): number[] {
  const fewest = Math.min(...among.map((i) => votes[i]));
  return among.filter((i) => votes[i] === fewest);
}

function assertCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${what} must be a non-negative integer, got ${n}`);
}

function assertFraction(f: Fraction): void {
  const ok =
    Number.isSafeInteger(f.num) &&
    Number.isSafeInteger(f.den) &&
    f.den >= 1 &&
    f.num >= 0 &&
    f.num <= f.den &&
    typeof f.strict === 'boolean';
  if (!ok) throw new Error(`invalid fraction ${JSON.stringify(f)}`);
}

const KINDS: readonly PollKind[] = ['single', 'multi', 'ranked', 'decision', 'opinion'];

function assertShape(kind: PollKind, optionCount: number, maxChoices: number | null): void {
  if (!KINDS.includes(kind)) throw new Error(`unknown poll kind ${String(kind)}`);
  if (!Number.isSafeInteger(optionCount) || optionCount < 1) throw new Error(`optionCount must be ≥ 1, got ${optionCount}`);
  if (kind === 'decision' && optionCount !== DECISION_OPTIONS.length)
    throw new Error(`a decision poll has ${DECISION_OPTIONS.length} options, got ${optionCount}`);
  if (maxChoices !== null && (!Number.isSafeInteger(maxChoices) || maxChoices < 1))
    throw new Error(`maxChoices must be null or ≥ 1, got ${maxChoices}`);
}
