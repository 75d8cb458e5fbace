import { defineCommand } from '../src/core/command.ts';
import { formatSeoulDate, seoulToday } from '../src/core/time.ts';
import { featureContext, type Services } from '../src/features/context.ts';
import type { Seat } from '../src/features/directory/rules.ts';
import { seatCouncilMember } from '../src/features/directory/service.ts';
import { setCouncilRule } from '../src/features/polls/service.ts';
import { choiceLabel } from '../src/core/i18n/index.ts';

export default defineCommand<Services>({
  name: 'council',
  subcommands: {
    seat: {
      roles: ['coordinator'],
      options: [
        { name: 'member', type: 'string', required: true, positional: true },
        { name: 'council', type: 'string', required: true },
        { name: 'seat', type: 'choice', choices: 'seat', required: true },
        { name: 'from', type: 'date' },
        { name: 'to', type: 'date' },
      ],
      handler: async (ctx) => {
        const o = ctx.options as { member: string; council: string; seat: Seat; from?: string; to?: string };
        const result = await seatCouncilMember(featureContext(ctx), {
          memberRef: o.member,
          councilRef: o.council,
          seat: o.seat,
          from: o.from,
          to: o.to,
          today: seoulToday(ctx.clock.now()),
        });
        return {
          tone: 'success',
          lines: [
            ctx.t('council.seated', {
              name: result.member.name,
              council: result.council.name,
              seat: ctx.t(`seat.${o.seat}` as 'seat.member'),
              from: formatSeoulDate(result.termFrom),
              to: formatSeoulDate(result.termTo),
            }),
          ],
        };
      },
    },
    rules: {
      roles: ['coordinator'],
      options: [
        { name: 'council', type: 'string', required: true, positional: true, rest: true },
        { name: 'quorum', type: 'string' },
        { name: 'pass', type: 'string' },
        { name: 'base', type: 'choice', choices: 'passBase' },
      ],
      handler: async (ctx) => {
        const o = ctx.options as Record<string, string | undefined>;
        const { council, rule } = await setCouncilRule(featureContext(ctx), o.council as string, { quorum: o.quorum, pass: o.pass, base: o.base });
        return {
          tone: 'success',
          lines: [ctx.t('council.rulesSet', { council: council.name, quorum: rule.quorum, pass: rule.pass, base: choiceLabel(ctx.t, 'passBase', rule.base) })],
        };
      },
    },
  },
});
