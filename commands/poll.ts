import { formatSeoulDateTime } from '../src/core/calendar/index.ts';
import { matchChoice } from '../src/core/i18n/index.ts';
import { defineCommand, subcommand } from '../src/features/context.ts';
import { labelsFor, pollCard, resultCard, turnoutText } from '../src/features/polls/cards.ts';
import { DECISION_OPTIONS, type PollResult } from '../src/features/polls/rules.ts';
import { castVote, closePollEarly, computeResult, createPoll, exportPoll, extendPoll, findPoll, myPolls, parseChoice, participation } from '../src/features/polls/service.ts';

const decisionIndex = (word: string) => {
  const value = matchChoice('decisionAnswer', word);
  return value ? DECISION_OPTIONS.indexOf(value) : undefined;
};

export default defineCommand({
  name: 'poll',
  features: ['polls'],
  subcommands: {
    create: subcommand({
      roles: ['coordinator', 'head'],
      options: [
        { name: 'question', type: 'string', required: true },
        { name: 'voters', type: 'string', required: true },
        // A string: multi takes a number (여러개:3).
        { name: 'kind', type: 'string' },
        { name: 'options', type: 'string' },
        { name: 'anonymous', type: 'boolean' },
        { name: 'deadline', type: 'string', required: true },
        { name: 'lock', type: 'boolean' },
        { name: 'live', type: 'boolean' },
      ],
      handler: async (ctx) => {
        const { poll } = await createPoll(ctx, ctx.options, { platform: ctx.invocation.platform, channelId: ctx.invocation.channelId });
        return pollCard(ctx.t, poll, await participation(ctx, poll.id));
      },
    }),
    vote: subcommand({
      roles: 'any',
      options: [
        { name: 'id', type: 'integer', required: true, positional: true },
        { name: 'choice', type: 'string', required: true, positional: true, rest: true },
      ],
      handler: async (ctx) => {
        const { id } = ctx.options;
        const poll = await findPoll(ctx, id);
        const choice = parseChoice(poll, ctx.options.choice, decisionIndex);
        const { changed } = await castVote(ctx, id, choice);
        const labels = labelsFor(ctx.t, poll);
        // The answer is private: it names the choice, so only the voter sees it.
        const chosen = poll.anonymous ? '' : ` (${choice.map((i) => labels[i]).join(', ')})`;
        return {
          card: { tone: 'success', lines: [ctx.t(changed ? 'poll.voteChanged' : 'poll.voted', { id, chosen })] },
          ephemeral: true,
        };
      },
    }),
    show: subcommand({
      roles: 'any',
      options: [{ name: 'id', type: 'integer', required: true, positional: true }],
      handler: async (ctx) => {
        const poll = await findPoll(ctx, ctx.options.id);
        // The poll as posted, buttons included while it is open (a text twin of every button is in the footer).
        return pollCard(ctx.t, poll, await participation(ctx, poll.id));
      },
    }),
    extend: subcommand({
      roles: ['coordinator', 'head'],
      options: [
        { name: 'id', type: 'integer', required: true, positional: true },
        { name: 'deadline', type: 'string', required: true },
      ],
      handler: async (ctx) => {
        const { poll, previous } = await extendPoll(ctx, ctx.options.id, ctx.options.deadline);
        const card = pollCard(ctx.t, poll, await participation(ctx, poll.id));
        const done = ctx.t('poll.extended', { id: poll.id, from: formatSeoulDateTime(previous), to: formatSeoulDateTime(poll.deadline) });
        return { ...card, tone: 'success', lines: [done, ...(card.lines ?? [])] };
      },
    }),
    results: subcommand({
      roles: 'any',
      options: [{ name: 'id', type: 'integer', required: true, positional: true }],
      handler: async (ctx) => {
        const poll = await findPoll(ctx, ctx.options.id);
        if (poll.status === 'closed' && poll.result) return resultCard(ctx.t, poll, JSON.parse(poll.result) as PollResult, true);
        if (poll.live && !poll.anonymous) return resultCard(ctx.t, poll, await computeResult(ctx, poll), false);
        const turnout = await participation(ctx, poll.id);
        return {
          card: { lines: [ctx.t('poll.hiddenUntilClose', { id: poll.id, turnout: turnoutText(ctx.t, turnout), deadline: formatSeoulDateTime(poll.deadline) })] },
          ephemeral: true,
        };
      },
    }),
    close: subcommand({
      roles: ['coordinator', 'head'],
      options: [{ name: 'id', type: 'integer', required: true, positional: true }],
      handler: async (ctx) => {
        const { poll, result } = await closePollEarly(ctx, ctx.options.id);
        return resultCard(ctx.t, poll, result, true);
      },
    }),
    list: subcommand({
      roles: 'any',
      handler: async (ctx) => {
        const polls = await myPolls(ctx);
        if (polls.length === 0) return { lines: [ctx.t('poll.listEmpty')] };
        return {
          title: ctx.t('poll.listTitle'),
          lines: polls.map((p) =>
            ctx.t(p.status === 'open' ? 'poll.lineOpen' : 'poll.lineClosed', { id: p.id, question: p.question, deadline: formatSeoulDateTime(p.deadline) }),
          ),
        };
      },
    }),
    export: subcommand({
      roles: ['coordinator', 'head'],
      options: [{ name: 'id', type: 'integer', required: true, positional: true }],
      handler: async (ctx) => {
        const { poll, count, csv } = await exportPoll(ctx, ctx.options.id, ctx.t);
        return {
          card: { tone: 'success', lines: [ctx.t('poll.exported', { id: poll.id, count })] },
          files: [{ name: `poll-${poll.id}.csv`, mimeType: 'text/csv', content: csv }],
          ephemeral: true,
        };
      },
    }),
  },
});
