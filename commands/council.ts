// /council: seats (the directory's) and the council's voting rules (the polls'),
// so it lives with polls, which already reads the directory; the directory
// imports nothing of polls.
import { defineCommand, subcommand } from '../src/features/context.ts';
import { seoulDate } from '../src/core/calendar/index.ts';
import { seatCouncilMember } from '../src/features/directory/service.ts';
import { councilRosterCard, confirmation } from '../src/features/directory/cards.ts';
import { checkDismiss, councilRoster, dismissSeat } from '../src/features/directory/roster.ts';
import { setCouncilRule } from '../src/features/polls/service.ts';
import { describeRule } from '../src/features/polls/cards.ts';
import { choiceLabel } from '../src/core/i18n/index.ts';

export default defineCommand({
  name: 'council',
  features: ['directory', 'polls'],
  subcommands: {
    seat: subcommand({
      roles: ['coordinator'],
      options: [
        { name: 'member', type: 'string', required: true, positional: true, suggest: 'member' },
        { name: 'council', type: 'string', required: true, suggest: 'org' },
        { name: 'seat', type: 'choice', choices: 'seat', required: true },
        { name: 'from', type: 'date' },
        { name: 'to', type: 'date' },
      ],
      handler: async (ctx) => {
        const o = ctx.options;
        const result = await seatCouncilMember(ctx, {
          memberRef: o.member,
          councilRef: o.council,
          seat: o.seat,
          from: o.from,
          to: o.to,
          today: seoulDate(ctx.clock.now()),
        });
        return {
          tone: 'success',
          lines: [
            ctx.t('council.seated', {
              name: result.member.name,
              council: result.council.name,
              seat: choiceLabel(ctx.t, 'seat', o.seat),
              from: seoulDate(result.termFrom),
              to: seoulDate(result.termTo),
            }),
          ],
        };
      },
    }),
    rules: subcommand({
      roles: ['coordinator'],
      options: [
        { name: 'council', type: 'string', required: true, positional: true, rest: true, suggest: 'org' },
        { name: 'quorum', type: 'string' },
        { name: 'pass', type: 'string' },
        { name: 'base', type: 'choice', choices: 'passBase' },
      ],
      handler: async (ctx) => {
        const o = ctx.options;
        const { council, rule } = await setCouncilRule(ctx, o.council, { quorum: o.quorum, pass: o.pass, base: o.base });
        return {
          tone: 'success',
          lines: [ctx.t('council.rulesSet', { council: council.name, rule: describeRule(ctx.t, rule) })],
        };
      },
    }),
    list: subcommand({
      roles: 'any',
      options: [
        { name: 'council', type: 'string', required: true, positional: true, rest: true, suggest: 'org' },
        { name: 'all', type: 'boolean' },
      ],
      handler: async (ctx) => councilRosterCard(ctx.t, await councilRoster(ctx, ctx.options.council, ctx.options.all)),
    }),
    dismiss: subcommand({
      roles: ['coordinator'],
      options: [
        { name: 'member', type: 'string', required: true, positional: true, suggest: 'member' },
        { name: 'council', type: 'string', required: true, suggest: 'org' },
        { name: 'confirm', type: 'boolean' },
      ],
      handler: async (ctx) => {
        const { member: ref, council: councilRef, confirm } = ctx.options;
        const result = confirm ? await dismissSeat(ctx, ref, councilRef) : await checkDismiss(ctx, ref, councilRef);
        const params = { name: result.member.name, council: result.council.name, seat: choiceLabel(ctx.t, 'seat', result.seat.seat), today: result.today };
        if (!confirm) return confirmation(ctx.t, ctx.t('council.confirmDismiss', params), `/council dismiss #${result.member.id} council=#${result.council.id}`);
        return { tone: 'success', lines: [ctx.t('council.dismissed', params)] };
      },
    }),
  },
});
