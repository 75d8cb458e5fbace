import { defineCommand } from '../src/core/command.ts';
import { UserError } from '../src/core/errors.ts';
import { matchChoice } from '../src/core/i18n/index.ts';
import { formatSeoulDateTime } from '../src/core/time.ts';
import { featureContext, type Services } from '../src/features/context.ts';
import { labelsFor, pollCard, resultCard, turnoutText } from '../src/features/polls/cards.ts';
import { DECISION_OPTIONS, type PollResult } from '../src/features/polls/rules.ts';
import {
  announceResult,
  castVote,
  closePoll,
  computeResult,
  createPoll,
  findPoll,
  participation,
  parseChoice,
} from '../src/features/polls/service.ts';
import { seoulToday } from '../src/core/time.ts';

const decisionIndex = (word: string) => {
  const value = matchChoice('decisionAnswer', word);
  return value ? DECISION_OPTIONS.indexOf(value as (typeof DECISION_OPTIONS)[number]) : undefined;
};

export default defineCommand<Services>({
  name: 'poll',
  subcommands: {
    create: {
      roles: ['coordinator', 'head'],
      options: [
        { name: 'question', type: 'string', required: true },
        { name: 'voters', type: 'string', required: true },
        { name: 'kind', type: 'string', required: true },
        { name: 'options', type: 'string' },
        { name: 'anonymous', type: 'boolean', required: true },
        { name: 'deadline', type: 'string', required: true },
        { name: 'lock', type: 'boolean' },
        { name: 'live', type: 'boolean' },
      ],
      handler: async (ctx) => {
        const o = ctx.options as Record<string, string | boolean | undefined>;
        const { poll } = await createPoll(
          featureContext(ctx),
          ctx.services.scheduler,
          {
            question: o.question as string,
            options: o.options as string | undefined,
            voters: o.voters as string,
            kind: o.kind as string,
            anonymous: o.anonymous as boolean,
            deadline: o.deadline as string,
            lock: o.lock as boolean | undefined,
            live: o.live as boolean | undefined,
          },
          { platform: ctx.invocation.platform, channelId: ctx.invocation.channelId },
        );
        return pollCard(ctx.t, poll, await participation(ctx.services.db, poll.id));
      },
    },
    vote: {
      roles: 'any',
      options: [
        { name: 'id', type: 'integer', required: true, positional: true },
        { name: 'choice', type: 'string', required: true, positional: true, rest: true },
      ],
      handler: async (ctx) => {
        const id = ctx.options.id as number;
        const poll = await findPoll(ctx.services.db, id);
        const choice = parseChoice(poll, ctx.options.choice as string, decisionIndex);
        const { changed } = await castVote(featureContext(ctx), id, choice);
        const labels = labelsFor(ctx.t, poll);
        // The answer is private: it names the choice, so only the voter sees it.
        const chosen = poll.anonymous ? '' : ` (${choice.map((i) => labels[i]).join(', ')})`;
        return {
          card: { tone: 'success', lines: [ctx.t(changed ? 'poll.voteChanged' : 'poll.voted', { id, chosen })] },
          ephemeral: true,
        };
      },
    },
    results: {
      roles: 'any',
      options: [{ name: 'id', type: 'integer', required: true, positional: true }],
      handler: async (ctx) => {
        const { db } = ctx.services;
        const poll = await findPoll(db, ctx.options.id as number);
        if (poll.status === 'closed' && poll.result) return resultCard(ctx.t, poll, JSON.parse(poll.result) as PollResult, true);
        const turnout = await participation(db, poll.id);
        if (poll.live && !poll.anonymous) return resultCard(ctx.t, poll, await computeResult(db, poll), false);
        return {
          card: { lines: [ctx.t('poll.hiddenUntilClose', { id: poll.id, turnout: turnoutText(ctx.t, turnout), deadline: formatSeoulDateTime(poll.deadline) })] },
          ephemeral: true,
        };
      },
    },
    close: {
      roles: ['coordinator', 'head'],
      options: [{ name: 'id', type: 'integer', required: true, positional: true }],
      handler: async (ctx) => {
        const { db, scheduler, deliver } = ctx.services;
        const poll = await findPoll(db, ctx.options.id as number);
        if (poll.createdById !== ctx.actor.memberId && !ctx.actor.roles.has('admin')) throw new UserError('poll.notCreator', { id: poll.id });
        const { result, closedNow } = await closePoll({ db, clock: ctx.clock, scheduler }, poll.id, ctx.actor);
        if (!result) throw new UserError('poll.notFound', { id: poll.id });
        const card = resultCard(ctx.t, poll, result, true);
        if (closedNow) await announceResult(deliver, db, poll, card, seoulToday(ctx.clock.now()));
        return card;
      },
    },
    list: {
      roles: 'any',
      handler: async (ctx) => {
        const { db } = ctx.services;
        const memberId = ctx.actor.memberId as number;
        const polls = await db.poll.findMany({
          where: { OR: [{ createdById: memberId }, { eligible: { some: { memberId } } }] },
          orderBy: { id: 'desc' },
          take: 20,
        });
        if (polls.length === 0) return { lines: [ctx.t('poll.listEmpty')] };
        return {
          title: ctx.t('poll.listTitle'),
          lines: polls.map((p) =>
            ctx.t(p.status === 'open' ? 'poll.lineOpen' : 'poll.lineClosed', { id: p.id, question: p.question, deadline: formatSeoulDateTime(p.deadline) }),
          ),
        };
      },
    },
    export: {
      roles: ['coordinator', 'head'],
      options: [{ name: 'id', type: 'integer', required: true, positional: true }],
      handler: async (ctx) => {
        const { db } = ctx.services;
        const poll = await findPoll(db, ctx.options.id as number);
        if (poll.createdById !== ctx.actor.memberId && !ctx.actor.roles.has('admin')) throw new UserError('poll.notCreatorExport', { id: poll.id });
        if (poll.status !== 'closed') throw new UserError('poll.exportOpen', { id: poll.id });
        const labels = labelsFor(ctx.t, poll);
        const ballots = await db.pollBallot.findMany({ where: { pollId: poll.id }, orderBy: { id: 'asc' } });
        const names = poll.anonymous
          ? new Map<number, string>()
          : new Map((await db.member.findMany({ where: { id: { in: ballots.map((b) => b.memberId ?? 0) } }, select: { id: true, name: true } })).map((m) => [m.id, m.name]));
        // Anonymous polls: ballots only, in random order, no names, no times.
        const header = poll.anonymous ? [ctx.t('poll.csvChoice')] : [ctx.t('poll.csvVoter'), ctx.t('poll.csvChoice')];
        const rows = ballots.map((b) => {
          const choice = (JSON.parse(b.choice) as number[]).map((i) => labels[i]).join(poll.kind === 'ranked' ? ' > ' : ', ');
          return poll.anonymous ? [choice] : [names.get(b.memberId ?? 0) ?? '', choice];
        });
        // Loaded on demand: only exports need it.
        const { stringify } = await import('csv-stringify/sync');
        const csv = stringify([header, ...rows], { bom: true });
        return {
          card: { tone: 'success', lines: [ctx.t('poll.exported', { id: poll.id, count: rows.length })] },
          files: [{ name: `poll-${poll.id}.csv`, mimeType: 'text/csv', content: csv }],
          ephemeral: true,
        };
      },
    },
  },
});
