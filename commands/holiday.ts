import { seoulDate, yearOf } from '../src/core/calendar/index.ts';
import { weekdayLabel } from '../src/core/i18n/labels.ts';
import { defineCommand, subcommand } from '../src/features/context.ts';
import { addClosure, daysOff, removeClosure } from '../src/features/holidays/service.ts';

export default defineCommand({
  name: 'holiday',
  features: ['holidays'],
  subcommands: {
    add: subcommand({
      roles: ['coordinator'],
      options: [
        { name: 'date', type: 'date', required: true, positional: true },
        { name: 'name', type: 'string', required: true, positional: true, rest: true },
      ],
      handler: async (ctx) => {
        const { date, name } = ctx.options;
        await addClosure(ctx, date, name);
        return { tone: 'success', lines: [ctx.t('holiday.added', { date, name })] };
      },
    }),
    list: subcommand({
      roles: 'any',
      options: [{ name: 'year', type: 'integer' }],
      handler: async (ctx) => {
        const year = ctx.options.year ?? yearOf(seoulDate(ctx.clock.now()));
        const days = await daysOff(ctx, year);
        return {
          title: ctx.t('holiday.listTitle', { year }),
          lines: days.map((d) => `${d.date} (${weekdayLabel(ctx.t, d.date)}) ${d.name}${d.closure ? ` ${ctx.t('holiday.closure')}` : ''}`),
        };
      },
    }),
    remove: subcommand({
      roles: ['coordinator'],
      options: [{ name: 'date', type: 'date', required: true, positional: true }],
      handler: async (ctx) => {
        const { date } = ctx.options;
        await removeClosure(ctx, date);
        return { tone: 'success', lines: [ctx.t('holiday.removed', { date })] };
      },
    }),
  },
});
