// Counting and quorum rules of council polls: concrete council cases, then
// properties over random polls (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countPoll,
  DECISION_OPTIONS,
  DEFAULT_RULE,
  formatFraction,
  meets,
  parseFraction,
  validateBallot,
  type BallotChoice,
  type Fraction,
  type PollKind,
  type PollResult,
  type QuorumRule,
} from '../../../src/features/polls/rules.ts';

// ── helpers ──────────────────────────────────────────────────────────────────

const YES = [0];
const NO = [1];
const ABSTAIN = [2];
const times = (n: number, ballot: BallotChoice): BallotChoice[] => Array.from({ length: n }, () => [...ballot]);
const decisionBallots = (yes: number, no: number, abstain: number): BallotChoice[] => [
  ...times(yes, YES),
  ...times(no, NO),
  ...times(abstain, ABSTAIN),
];
const decide = (eligible: number, yes: number, no: number, abstain: number, rule?: QuorumRule) =>
  countPoll({ kind: 'decision', optionCount: 3, maxChoices: null, eligible, ballots: decisionBallots(yes, no, abstain), rule });
const ranked = (optionCount: number, ballots: BallotChoice[]) =>
  countPoll({ kind: 'ranked', optionCount, maxChoices: null, eligible: ballots.length, ballots });
const votesOf = (r: PollResult) => r.counts.map((c) => c.votes);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

const AT_LEAST_2_3: Fraction = { num: 2, den: 3, strict: false };
const MAJORITY: Fraction = { num: 1, den: 2, strict: true };

// ── arbitraries ──────────────────────────────────────────────────────────────

const arbFraction: fc.Arbitrary<Fraction> = fc
  .integer({ min: 1, max: 12 })
  .chain((den) => fc.record({ num: fc.integer({ min: 0, max: den }), den: fc.constant(den), strict: fc.boolean() }));
const arbRule: fc.Arbitrary<QuorumRule> = fc.record({
  quorum: arbFraction,
  pass: arbFraction,
  base: fc.constantFrom('present' as const, 'cast' as const),
});
const arbVotes = fc.record({
  yes: fc.nat({ max: 20 }),
  no: fc.nat({ max: 20 }),
  abstain: fc.nat({ max: 20 }),
  extraEligible: fc.nat({ max: 40 }),
  shrink: fc.nat({ max: 40 }), // eligible may also be smaller than participated (members left)
});

/** A ranked ballot: distinct options in random order, at least one. */
const arbRankedBallot = (n: number) => fc.shuffledSubarray(range(n), { minLength: 1 });
/** A complete ranking of n options. */
const arbFullRanking = (n: number) => fc.shuffledSubarray(range(n), { minLength: n, maxLength: n });

/** A valid poll of any kind with its ballots. */
const arbPoll = fc.constantFrom<PollKind>('single', 'multi', 'ranked', 'decision', 'opinion').chain((kind) =>
  (kind === 'decision' ? fc.constant(3) : fc.integer({ min: 1, max: 6 })).chain((optionCount) =>
    (kind === 'multi' || kind === 'ranked' ? fc.option(fc.integer({ min: 1, max: optionCount }), { nil: null }) : fc.constant(null)).chain(
      (maxChoices) => {
        const limit = maxChoices ?? optionCount;
        const ballot: fc.Arbitrary<BallotChoice> =
          kind === 'multi'
            ? fc.uniqueArray(fc.integer({ min: 0, max: optionCount - 1 }), { minLength: 1, maxLength: limit })
            : kind === 'ranked'
              ? fc.shuffledSubarray(range(optionCount), { minLength: 1, maxLength: limit })
              : fc.integer({ min: 0, max: optionCount - 1 }).map((i) => [i]);
        return fc.record({
          kind: fc.constant(kind),
          optionCount: fc.constant(optionCount),
          maxChoices: fc.constant(maxChoices),
          eligible: fc.nat({ max: 30 }),
          ballots: fc.array(ballot, { maxLength: 25 }),
          rule: fc.option(arbRule, { nil: undefined }),
        });
      },
    ),
  ),
);

/** Ranked ballots over 1..6 options. */
const arbRankedPoll = fc
  .integer({ min: 1, max: 6 })
  .chain((n) => fc.record({ n: fc.constant(n), ballots: fc.array(arbRankedBallot(n), { maxLength: 30 }) }));

// ── fractions ────────────────────────────────────────────────────────────────

describe('parseFraction / formatFraction', () => {
  it('reads the small syntax: majority, half, N/M (at least), N/M+ (more than)', () => {
    expect(parseFraction('majority')).toEqual({ num: 1, den: 2, strict: true });
    expect(parseFraction(' Majority ')).toEqual({ num: 1, den: 2, strict: true });
    expect(parseFraction('과반수')).toEqual({ num: 1, den: 2, strict: true });
    expect(parseFraction('과반')).toEqual({ num: 1, den: 2, strict: true });
    expect(parseFraction('half')).toEqual({ num: 1, den: 2, strict: false });
    expect(parseFraction('절반')).toEqual({ num: 1, den: 2, strict: false });
    expect(parseFraction('2/3')).toEqual({ num: 2, den: 3, strict: false });
    expect(parseFraction('2 / 3 +')).toEqual({ num: 2, den: 3, strict: true });
    expect(parseFraction('1/2+')).toEqual(DEFAULT_RULE.pass);
    expect(parseFraction('0/1')).toEqual({ num: 0, den: 1, strict: false });
    expect(parseFraction('0/1+')).toEqual({ num: 0, den: 1, strict: true });
    expect(parseFraction('1/1')).toEqual({ num: 1, den: 1, strict: false });
  });

  it('refuses anything else', () => {
    for (const bad of ['', ' ', '2', '3/2', '1/0', '0/0', '1/1+', '-1/2', '1.5/2', '1/2++', '+1/2', '2/3 이하', '3분의', 'abc', '1/2/3', '10000/10001', '1／2'])
      expect(parseFraction(bad), bad).toBeUndefined();
  });

  it('formatFraction round-trips through parseFraction', () => {
    fc.assert(
      fc.property(
        arbFraction.filter((f) => !(f.strict && f.num === f.den)),
        (f) => {
          expect(parseFraction(formatFraction(f))).toEqual(f);
        },
      ),
    );
    expect(formatFraction(MAJORITY)).toBe('1/2+');
    expect(formatFraction(AT_LEAST_2_3)).toBe('2/3');
  });
});

describe('meets', () => {
  it('council thresholds', () => {
    // 과반수 of 15 is 8; of 10 is 6; of 9 is 5.
    expect(meets(8, 15, MAJORITY)).toBe(true);
    expect(meets(7, 15, MAJORITY)).toBe(false);
    expect(meets(6, 10, MAJORITY)).toBe(true);
    expect(meets(5, 10, MAJORITY)).toBe(false);
    expect(meets(5, 9, MAJORITY)).toBe(true);
    // 3분의 2 이상 of 9 is 6; of 10 is 7; of 15 is 10.
    expect(meets(6, 9, AT_LEAST_2_3)).toBe(true);
    expect(meets(5, 9, AT_LEAST_2_3)).toBe(false);
    expect(meets(7, 10, AT_LEAST_2_3)).toBe(true);
    expect(meets(6, 10, AT_LEAST_2_3)).toBe(false);
    expect(meets(10, 15, AT_LEAST_2_3)).toBe(true);
    // 2/3 초과 of 9 is 7; 절반 이상 of 10 is 5.
    expect(meets(6, 9, { num: 2, den: 3, strict: true })).toBe(false);
    expect(meets(7, 9, { num: 2, den: 3, strict: true })).toBe(true);
    expect(meets(5, 10, { num: 1, den: 2, strict: false })).toBe(true);
    // Nobody: no majority, but "at least 0" holds.
    expect(meets(0, 0, MAJORITY)).toBe(false);
    expect(meets(0, 0, { num: 0, den: 1, strict: false })).toBe(true);
  });

  it('is exact where floating point is not (huge numbers)', () => {
    const big = 2 ** 60; // not a safe integer: refused
    expect(() => meets(big, big, MAJORITY)).toThrow();
    const n = Number.MAX_SAFE_INTEGER; // n·2 overflows the safe range; BigInt path
    expect(meets(n, n, MAJORITY)).toBe(true);
    expect(meets(n - 1, n, { num: 9998, den: 9999, strict: true })).toBe(true);
  });

  it('meets iff count reaches the smallest qualifying count', () => {
    fc.assert(
      fc.property(fc.nat({ max: 200 }), fc.nat({ max: 200 }), arbFraction, (count, total, f) => {
        const need = f.strict ? Math.floor((f.num * total) / f.den) + 1 : Math.ceil((f.num * total) / f.den);
        expect(meets(count, total, f)).toBe(count >= need);
      }),
    );
  });

  it('does not depend on how the fraction is written (2/4 = 1/2) and is monotone in count', () => {
    fc.assert(
      fc.property(fc.nat({ max: 200 }), fc.nat({ max: 200 }), arbFraction, fc.integer({ min: 2, max: 9 }), (count, total, f, k) => {
        expect(meets(count, total, { ...f, num: f.num * k, den: f.den * k })).toBe(meets(count, total, f));
        if (meets(count, total, f)) expect(meets(count + 1, total, f)).toBe(true);
      }),
    );
  });

  it('refuses malformed input as a programming error', () => {
    expect(() => meets(-1, 3, MAJORITY)).toThrow(Error);
    expect(() => meets(1.5, 3, MAJORITY)).toThrow(Error);
    expect(() => meets(1, 3, { num: 1, den: 0, strict: false })).toThrow(Error);
    expect(() => meets(1, 3, { num: 3, den: 2, strict: false })).toThrow(Error);
    expect(() => meets(1, 3, { num: -1, den: 2, strict: false })).toThrow(Error);
  });
});

// ── ballots ──────────────────────────────────────────────────────────────────

describe('validateBallot', () => {
  it('single / opinion / decision: exactly one option', () => {
    for (const kind of ['single', 'opinion'] as const) {
      expect(validateBallot(kind, 4, null, [3])).toBe('ok');
      expect(validateBallot(kind, 4, null, [])).toBe('empty');
      expect(validateBallot(kind, 4, null, [4])).toBe('out-of-range');
      expect(validateBallot(kind, 4, null, [-1])).toBe('out-of-range');
      expect(validateBallot(kind, 4, null, [1.5])).toBe('out-of-range');
      expect(validateBallot(kind, 4, null, [Number.NaN])).toBe('out-of-range');
      expect(validateBallot(kind, 4, null, [1, 1])).toBe('duplicate');
      expect(validateBallot(kind, 4, null, [1, 2])).toBe('too-many');
      expect(validateBallot(kind, 4, 3, [1, 2])).toBe('too-many'); // maxChoices is ignored
    }
    expect(DECISION_OPTIONS).toEqual(['yes', 'no', 'abstain']);
    expect(validateBallot('decision', 3, null, [2])).toBe('ok');
    expect(validateBallot('decision', 3, null, [3])).toBe('out-of-range');
    expect(validateBallot('decision', 3, null, [0, 1])).toBe('too-many');
    expect(() => validateBallot('decision', 2, null, [0])).toThrow(Error);
  });

  it('multi: 1..maxChoices distinct options', () => {
    expect(validateBallot('multi', 5, 2, [4, 0])).toBe('ok');
    expect(validateBallot('multi', 5, 2, [4, 0, 1])).toBe('too-many');
    expect(validateBallot('multi', 5, null, [4, 0, 1, 2, 3])).toBe('ok');
    expect(validateBallot('multi', 5, 9, [4, 0, 1, 2, 3])).toBe('ok');
    expect(validateBallot('multi', 5, 2, [])).toBe('empty');
    expect(validateBallot('multi', 5, 2, [0, 0])).toBe('duplicate');
    expect(validateBallot('multi', 5, 2, [0, 5])).toBe('out-of-range');
  });

  it('ranked: any order of distinct options, partial allowed ("incomplete" never returned)', () => {
    expect(validateBallot('ranked', 4, null, [2])).toBe('ok');
    expect(validateBallot('ranked', 4, null, [3, 1, 0, 2])).toBe('ok');
    expect(validateBallot('ranked', 4, null, [3, 1, 3])).toBe('duplicate');
    expect(validateBallot('ranked', 4, null, [])).toBe('empty');
    expect(validateBallot('ranked', 4, 2, [3, 1, 0])).toBe('too-many');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }).chain((n) => fc.tuple(fc.constant(n), arbRankedBallot(n))), ([n, b]) => {
        expect(validateBallot('ranked', n, null, b)).toBe('ok');
      }),
    );
  });

  it('refuses impossible poll shapes as programming errors', () => {
    expect(() => validateBallot('single', 0, null, [0])).toThrow(Error);
    expect(() => validateBallot('multi', 3, 0, [0])).toThrow(Error);
    expect(() => validateBallot('bogus' as PollKind, 3, null, [0])).toThrow(Error);
  });

  it('every generated ballot is valid, and countPoll refuses one that is not', () => {
    fc.assert(
      fc.property(arbPoll, (p) => {
        for (const b of p.ballots) expect(validateBallot(p.kind, p.optionCount, p.maxChoices, b)).toBe('ok');
      }),
    );
    expect(() => countPoll({ kind: 'single', optionCount: 3, maxChoices: null, eligible: 5, ballots: [[0], [3]] })).toThrow(/ballot 1 is out-of-range/);
    expect(() => countPoll({ kind: 'multi', optionCount: 3, maxChoices: 1, eligible: 5, ballots: [[0, 1]] })).toThrow(/too-many/);
    expect(() => countPoll({ kind: 'single', optionCount: 3, maxChoices: null, eligible: -1, ballots: [] })).toThrow(Error);
  });
});

// ── decisions (안건 의결) ─────────────────────────────────────────────────────

describe('decision polls: concrete council cases', () => {
  it('15 eligible, 8 voted (quorum met): 5 yes 2 no 1 abstain → passed', () => {
    const r = decide(15, 5, 2, 1);
    expect(r).toEqual({
      kind: 'decision',
      eligible: 15,
      participated: 8,
      counts: [
        { index: 0, votes: 5 },
        { index: 1, votes: 2 },
        { index: 2, votes: 1 },
      ],
      winners: [],
      decision: { yes: 5, no: 2, abstain: 1, quorumMet: true, verdict: 'passed' },
    });
  });

  it('15 eligible, 7 voted → no-quorum, even if all said yes', () => {
    const r = decide(15, 7, 0, 0);
    expect(r.decision).toEqual({ yes: 7, no: 0, abstain: 0, quorumMet: false, verdict: 'no-quorum' });
  });

  it('10 eligible, 6 voted, 3 yes 3 no → tie (가부동수로 부결)', () => {
    expect(decide(10, 3, 3, 0).decision).toEqual({ yes: 3, no: 3, abstain: 0, quorumMet: true, verdict: 'tie' });
  });

  it('abstentions count against under the default rule (출석위원 과반수): 4 yes 3 no 1 abstain → rejected', () => {
    expect(decide(15, 4, 3, 1).decision?.verdict).toBe('rejected');
    expect(decide(15, 4, 3, 1, { ...DEFAULT_RULE, base: 'cast' }).decision?.verdict).toBe('passed');
  });

  it('2/3 rule: 9 present, 6 yes → passed; 5 yes → rejected', () => {
    const rule: QuorumRule = { quorum: MAJORITY, pass: AT_LEAST_2_3, base: 'present' };
    expect(decide(12, 6, 3, 0, rule).decision).toEqual({ yes: 6, no: 3, abstain: 0, quorumMet: true, verdict: 'passed' });
    expect(decide(12, 5, 4, 0, rule).decision?.verdict).toBe('rejected');
    expect(decide(12, 5, 3, 1, rule).decision?.verdict).toBe('rejected');
  });

  it('a council whose rules let a tie pass configures "at least half of the votes cast"', () => {
    const rule: QuorumRule = { quorum: MAJORITY, pass: parseFraction('half')!, base: 'cast' };
    expect(decide(10, 3, 3, 2, rule).decision?.verdict).toBe('passed');
    expect(decide(10, 3, 3, 2).decision?.verdict).toBe('tie');
  });

  it('edge cases: nobody eligible, nobody voted, everyone abstained, quorum of "at least half"', () => {
    expect(decide(0, 0, 0, 0).decision).toEqual({ yes: 0, no: 0, abstain: 0, quorumMet: false, verdict: 'no-quorum' });
    expect(decide(15, 0, 0, 0).decision?.verdict).toBe('no-quorum');
    // 찬성 0 = 반대 0: literally 가부동수.
    expect(decide(15, 0, 0, 8).decision?.verdict).toBe('tie');
    const halfQuorum: QuorumRule = { ...DEFAULT_RULE, quorum: { num: 1, den: 2, strict: false } };
    expect(decide(10, 5, 0, 0, halfQuorum).decision?.quorumMet).toBe(true);
    expect(decide(10, 5, 0, 0).decision?.quorumMet).toBe(false);
  });

  it('the order of ballots does not matter', () => {
    const ballots = [NO, YES, ABSTAIN, YES, YES, NO];
    const a = countPoll({ kind: 'decision', optionCount: 3, maxChoices: null, eligible: 10, ballots });
    expect(a).toEqual(decide(10, 3, 2, 1));
    expect(a.decision?.verdict).toBe('rejected'); // 3 of 6 is not more than half
  });
});

describe('decision polls: properties', () => {
  it('verdict is no-quorum iff quorum not met; otherwise passed iff yes meets the pass share of the base', () => {
    fc.assert(
      fc.property(arbVotes, arbRule, ({ yes, no, abstain, extraEligible, shrink }, rule) => {
        const participated = yes + no + abstain;
        const eligible = Math.max(0, participated + extraEligible - shrink);
        const d = decide(eligible, yes, no, abstain, rule).decision!;
        const q = rule.quorum;
        const quorum = q.strict ? participated * q.den > q.num * eligible : participated * q.den >= q.num * eligible;
        expect(d.quorumMet).toBe(quorum);
        expect(d.verdict === 'no-quorum').toBe(!quorum);
        if (quorum) {
          const base = rule.base === 'present' ? participated : yes + no;
          expect(d.verdict === 'passed').toBe(meets(yes, base, rule.pass));
          expect(d.verdict === 'tie').toBe(!meets(yes, base, rule.pass) && yes === no);
        }
        expect([d.yes, d.no, d.abstain]).toEqual([yes, no, abstain]);
      }),
    );
  });

  it('default rule, quorum met: passed iff yes·2 > yes+no+abstain; yes === no never passes', () => {
    fc.assert(
      fc.property(arbVotes, ({ yes, no, abstain, extraEligible, shrink }) => {
        const eligible = Math.max(0, yes + no + abstain + extraEligible - shrink);
        const d = decide(eligible, yes, no, abstain).decision!;
        if (d.quorumMet) expect(d.verdict === 'passed').toBe(yes * 2 > yes + no + abstain);
        const tied = decide(eligible, yes, yes, abstain).decision!;
        expect(tied.verdict).not.toBe('passed');
        expect(tied.verdict).toBe(tied.quorumMet ? 'tie' : 'no-quorum');
      }),
    );
  });

  it('monotonicity: one more yes never undoes a pass; one more no never makes one', () => {
    fc.assert(
      fc.property(arbVotes, arbRule, ({ yes, no, abstain, extraEligible }, rule) => {
        const eligible = yes + no + abstain + extraEligible;
        const before = decide(eligible, yes, no, abstain, rule).decision!;
        const moreYes = decide(eligible, yes + 1, no, abstain, rule).decision!;
        const moreNo = decide(eligible, yes, no + 1, abstain, rule).decision!;
        if (before.quorumMet) expect(moreYes.quorumMet).toBe(true);
        if (before.verdict === 'passed') expect(moreYes.verdict).toBe('passed');
        if (before.verdict !== 'passed' && before.quorumMet) expect(moreNo.verdict).not.toBe('passed');
      }),
    );
  });
});

// ── all kinds ────────────────────────────────────────────────────────────────

describe('single / multi / opinion: concrete', () => {
  it('single: most votes wins; a tie lists every tied option', () => {
    const r = countPoll({ kind: 'single', optionCount: 3, maxChoices: null, eligible: 15, ballots: [[1], [2], [1], [0], [1]] });
    expect(votesOf(r)).toEqual([1, 3, 1]);
    expect(r.winners).toEqual([1]);
    expect(r.rounds).toBeUndefined();
    expect(r.decision).toBeUndefined();
    const tie = countPoll({ kind: 'opinion', optionCount: 3, maxChoices: null, eligible: 15, ballots: [[2], [0], [2], [0]] });
    expect(tie.winners).toEqual([0, 2]);
  });

  it('multi: every selection counts', () => {
    const r = countPoll({ kind: 'multi', optionCount: 4, maxChoices: 2, eligible: 20, ballots: [[0, 3], [3], [1, 3], [0, 1]] });
    expect(votesOf(r)).toEqual([2, 2, 0, 3]);
    expect(r.participated).toBe(4);
    expect(r.winners).toEqual([3]);
  });

  it('nobody voted: zero counts, no winners', () => {
    for (const kind of ['single', 'multi', 'opinion', 'ranked'] as const) {
      const r = countPoll({ kind, optionCount: 3, maxChoices: null, eligible: 15, ballots: [] });
      expect(votesOf(r)).toEqual([0, 0, 0]);
      expect(r.winners).toEqual([]);
      expect(r.participated).toBe(0);
    }
    expect(countPoll({ kind: 'ranked', optionCount: 3, maxChoices: null, eligible: 15, ballots: [] }).rounds).toEqual([]);
  });
});

describe('all kinds: properties', () => {
  it('counts: per option in order; sum = ballots (single/decision/opinion), = selections (multi), = ballots (ranked first preferences)', () => {
    fc.assert(
      fc.property(arbPoll, (p) => {
        const r = countPoll(p);
        expect(r.kind).toBe(p.kind);
        expect(r.eligible).toBe(p.eligible);
        expect(r.participated).toBe(p.ballots.length);
        expect(r.counts.map((c) => c.index)).toEqual(range(p.optionCount));
        const total = sum(votesOf(r));
        if (p.kind === 'multi') expect(total).toBe(sum(p.ballots.map((b) => b.length)));
        else expect(total).toBe(p.ballots.length);
        expect(r.rounds !== undefined).toBe(p.kind === 'ranked');
        expect(r.decision !== undefined).toBe(p.kind === 'decision');
      }),
    );
  });

  it('winners: ascending option indexes, non-empty iff somebody voted (decision: always [])', () => {
    fc.assert(
      fc.property(arbPoll, (p) => {
        const r = countPoll(p);
        if (p.kind === 'decision') {
          expect(r.winners).toEqual([]);
          return;
        }
        expect(r.winners.length > 0).toBe(p.ballots.length > 0);
        expect(r.winners).toEqual([...new Set(r.winners)].sort((a, b) => a - b));
        for (const w of r.winners) expect(w >= 0 && w < p.optionCount).toBe(true);
        if (p.kind !== 'ranked' && r.winners.length > 0) {
          const top = Math.max(...votesOf(r));
          expect(r.winners).toEqual(r.counts.filter((c) => c.votes === top).map((c) => c.index));
        }
      }),
    );
  });

  it('permuting the order of ballots never changes the result', () => {
    fc.assert(
      fc.property(
        arbPoll.chain((p) => fc.tuple(fc.constant(p), fc.shuffledSubarray(p.ballots, { minLength: p.ballots.length, maxLength: p.ballots.length }))),
        ([p, shuffled]) => {
          expect(countPoll({ ...p, ballots: shuffled })).toEqual(countPoll(p));
        },
      ),
    );
  });

  it('renaming options (neutrality): relabelled ballots give relabelled winners', () => {
    fc.assert(
      fc.property(
        arbPoll
          .filter((p) => p.kind !== 'decision')
          .chain((p) => fc.tuple(fc.constant(p), fc.shuffledSubarray(range(p.optionCount), { minLength: p.optionCount, maxLength: p.optionCount }))),
        ([p, perm]) => {
          const renamed = countPoll({ ...p, ballots: p.ballots.map((b) => b.map((i) => perm[i])) });
          const original = countPoll(p);
          expect(renamed.winners).toEqual(original.winners.map((i) => perm[i]).sort((a, b) => a - b));
          for (const c of original.counts) expect(renamed.counts[perm[c.index]].votes).toBe(c.votes);
          expect(renamed.rounds?.length).toBe(original.rounds?.length);
        },
      ),
    );
  });
});

// ── ranked (instant-runoff) ──────────────────────────────────────────────────

describe('ranked: concrete counts', () => {
  it('three rounds: elimination, a tie broken by first preferences, an exhausted ballot; the plurality leader loses', () => {
    // Options 0..3. 15 members.
    const ballots = [
      ...times(5, [0, 1, 2]),
      ...times(1, [0]),
      ...times(4, [1, 2, 0]),
      ...times(3, [2, 1]),
      [3, 2],
      [3],
    ];
    const r = ranked(4, ballots);
    expect(votesOf(r)).toEqual([6, 4, 3, 2]);
    expect(r.rounds).toEqual([
      // 15 count, none over 7.5; 3 has the fewest.
      { counts: [{ index: 0, votes: 6 }, { index: 1, votes: 4 }, { index: 2, votes: 3 }, { index: 3, votes: 2 }], eliminated: [3], exhausted: 0 },
      // [3,2] moves to 2, [3] is exhausted. 1 and 2 tie at 4; 2 had fewer first preferences (3 < 4).
      { counts: [{ index: 0, votes: 6 }, { index: 1, votes: 4 }, { index: 2, votes: 4 }], eliminated: [2], exhausted: 1 },
      // [2,1]×3 move to 1, [3,2] is exhausted: 7 of 13 is a majority.
      { counts: [{ index: 0, votes: 6 }, { index: 1, votes: 7 }], eliminated: [], exhausted: 2 },
    ]);
    expect(r.winners).toEqual([1]);
  });

  it('a tie among the fewest, equal in round 1, is broken by the previous round', () => {
    const ballots = [...times(3, [0, 1]), ...times(3, [1]), ...times(5, [2]), [3, 1], [4, 0, 1], [4, 2]];
    const r = ranked(5, ballots);
    expect(r.rounds!.map((x) => x.counts.map((c) => `${c.index}:${c.votes}`).join(' '))).toEqual([
      '0:3 1:3 2:5 3:1 4:2',
      '0:3 1:4 2:5 4:2',
      '0:4 1:4 2:6', // 0 and 1: 3 each in round 1, but 3 < 4 in round 2 → 0 goes
      '1:8 2:6',
    ]);
    expect(r.rounds!.map((x) => x.eliminated)).toEqual([[3], [4], [0], []]);
    expect(r.winners).toEqual([1]);
  });

  it('options nobody ranked first go out together', () => {
    const r = ranked(5, [...times(3, [0]), ...times(3, [1]), [2, 0]]);
    expect(r.rounds!.map((x) => x.eliminated)).toEqual([[3, 4], [2], []]);
    expect(r.winners).toEqual([0]);
  });

  it('a majority of first preferences wins in round 1', () => {
    const r = ranked(3, [[2, 0], [2], [0, 1], [2, 1, 0], [1]]);
    expect(r.rounds).toHaveLength(1);
    expect(r.winners).toEqual([2]);
  });

  it('all remaining options tied → all win (a tie)', () => {
    expect(ranked(3, [[0, 1, 2], [1, 2, 0], [2, 0, 1]]).winners).toEqual([0, 1, 2]);
    const two = ranked(3, [[0], [1]]);
    expect(two.rounds!.map((x) => x.eliminated)).toEqual([[2], []]);
    expect(two.winners).toEqual([0, 1]);
  });

  it('tied fewest are not all eliminated when only one option would be left: the count ends in a tie', () => {
    // 0 leads with 4 of 10, but 6 members rank it last. Eliminating 1, 2 and 3
    // together would hand 0 the win unweighed; without a draw this is a tie.
    const r = ranked(4, [...times(4, [0]), ...times(2, [1, 2, 3, 0]), ...times(2, [2, 3, 1, 0]), ...times(2, [3, 1, 2, 0])]);
    expect(r.rounds).toEqual([
      { counts: [{ index: 0, votes: 4 }, { index: 1, votes: 2 }, { index: 2, votes: 2 }, { index: 3, votes: 2 }], eliminated: [], exhausted: 0 },
    ]);
    expect(r.winners).toEqual([0, 1, 2, 3]);
  });

  it('one option: it wins if anyone voted', () => {
    expect(ranked(1, [[0], [0]]).winners).toEqual([0]);
  });
});

describe('ranked: properties', () => {
  it('rounds are consistent: at most optionCount rounds; counts + exhausted = ballots; each round before the last eliminates', () => {
    fc.assert(
      fc.property(arbRankedPoll, ({ n, ballots }) => {
        const r = ranked(n, ballots);
        const rounds = r.rounds!;
        if (ballots.length === 0) {
          expect(rounds).toEqual([]);
          return;
        }
        expect(rounds.length).toBeGreaterThanOrEqual(1);
        expect(rounds.length).toBeLessThanOrEqual(n);
        expect(rounds[0].counts).toEqual(r.counts);
        expect(rounds[0].exhausted).toBe(0);
        rounds.forEach((round, k) => {
          expect(sum(round.counts.map((c) => c.votes)) + round.exhausted).toBe(ballots.length);
          const last = k === rounds.length - 1;
          expect(round.eliminated.length > 0).toBe(!last);
          if (!last) {
            const next = rounds[k + 1];
            expect(next.counts.map((c) => c.index)).toEqual(round.counts.map((c) => c.index).filter((i) => !round.eliminated.includes(i)));
            expect(next.exhausted).toBeGreaterThanOrEqual(round.exhausted);
            expect(next.counts.length).toBeGreaterThanOrEqual(2);
            // Only options with the fewest votes are eliminated.
            const fewest = Math.min(...round.counts.map((c) => c.votes));
            for (const e of round.eliminated) expect(round.counts.find((c) => c.index === e)!.votes).toBe(fewest);
          }
        });
        // The winner has a majority of the ballots still counting, or the winners are a tie of the last round.
        const final = rounds[rounds.length - 1];
        const active = ballots.length - final.exhausted;
        if (r.winners.length === 1) {
          expect(final.counts.find((c) => c.index === r.winners[0])!.votes * 2).toBeGreaterThan(active);
        } else {
          expect(r.winners).toEqual(final.counts.map((c) => c.index));
        }
      }),
    );
  });

  it('a ballot counts for its highest-ranked option still in the running', () => {
    fc.assert(
      fc.property(arbRankedPoll, ({ n, ballots }) => {
        const rounds = ranked(n, ballots).rounds!;
        for (const round of rounds) {
          const running = new Set(round.counts.map((c) => c.index));
          const expected = new Map<number, number>([...running].map((i) => [i, 0]));
          let exhausted = 0;
          for (const b of ballots) {
            const top = b.find((i) => running.has(i));
            if (top === undefined) exhausted++;
            else expected.set(top, expected.get(top)! + 1);
          }
          expect(round.exhausted).toBe(exhausted);
          for (const c of round.counts) expect(c.votes).toBe(expected.get(c.index));
        }
      }),
    );
  });

  it('majority criterion: an option ranked first by more than half wins in round 1', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((n) =>
          fc.record({
            n: fc.constant(n),
            x: fc.integer({ min: 0, max: n - 1 }),
            others: fc.array(arbRankedBallot(n), { maxLength: 15 }),
            tails: fc.array(arbRankedBallot(n), { maxLength: 20 }),
          }),
        ),
        ({ n, x, others, tails }) => {
          // others.length + 1 ballots start with x: more than half in any case.
          const forX = Array.from({ length: others.length + 1 }, (_, k) => {
            const tail = tails[k % Math.max(1, tails.length)] ?? [];
            return [x, ...tail.filter((i) => i !== x)];
          });
          const r = ranked(n, [...others, ...forX]);
          expect(r.winners).toEqual([x]);
          expect(r.rounds).toHaveLength(1);
        },
      ),
    );
  });

  it('majority loser: with complete rankings, an option ranked last by more than half never wins alone', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }).chain((n) =>
          fc.record({
            n: fc.constant(n),
            x: fc.integer({ min: 0, max: n - 1 }),
            others: fc.array(arbFullRanking(n), { maxLength: 12 }),
            lastX: fc.array(arbFullRanking(n), { minLength: 1, maxLength: 13 }),
          }),
        ),
        ({ n, x, others, lastX }) => {
          const againstX = lastX.map((b) => [...b.filter((i) => i !== x), x]);
          while (againstX.length <= others.length) againstX.push([...againstX[0]]);
          const r = ranked(n, [...others, ...againstX]);
          expect(r.winners).not.toEqual([x]);
          // It can only share a tie of three or more (a cycle such as A>B>C, B>C>A, C>A>B).
          if (r.winners.includes(x)) expect(r.winners.length).toBeGreaterThanOrEqual(3);
        },
      ),
    );
  });

  it('with two options, instant-runoff is a plain majority vote', () => {
    fc.assert(
      fc.property(fc.array(arbRankedBallot(2), { minLength: 1, maxLength: 30 }), (ballots) => {
        const first = [0, 1].map((i) => ballots.filter((b) => b[0] === i).length);
        const r = ranked(2, ballots);
        expect(r.winners).toEqual(first[0] === first[1] ? [0, 1] : [first[0] > first[1] ? 0 : 1]);
        expect(r.rounds).toHaveLength(1);
      }),
    );
  });
});
