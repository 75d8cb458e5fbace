import { defineCommand } from '../src/core/command.ts';
import { formatSeoulDate, seoulToday } from '../src/core/time.ts';
import { featureContext, type Services } from '../src/features/context.ts';
import type { Seat } from '../src/features/directory/rules.ts';
import { seatCouncilMember } from '../src/features/directory/service.ts';

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
  },
});
