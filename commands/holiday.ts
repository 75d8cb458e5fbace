import { defineCommand } from '../src/core/command.ts';
import { seoulToday } from '../src/core/time.ts';
import { featureContext, type Services } from '../src/features/context.ts';
import { weekdayLabel } from '../src/features/meetups/cards.ts';
import { HOLIDAY_YEARS, koreanHolidays } from '../src/features/meetups/holidays.ts';
import { UserError } from '../src/core/errors.ts';
import { addClosure, removeClosure } from '../src/features/meetups/service.ts';

export default defineCommand<Services>({
  name: 'holiday',
  subcommands: {
    add: {
      roles: ['coordinator'],
      options: [
        { name: 'date', type: 'date', required: true, positional: true },
        { name: 'name', type: 'string', required: true, positional: true, rest: true },
      ],
      handler: async (ctx) => {
        const date = ctx.options.date as string;
        const name = ctx.options.name as string;
        await addClosure(featureContext(ctx), ctx.services.scheduler, date, name);
        return { tone: 'success', lines: [ctx.t('holiday.added', { date, name })] };
      },
    },
    list: {
      roles: 'any',
      options: [{ name: 'year', type: 'integer' }],
      handler: async (ctx) => {
        const year = (ctx.options.year as number | undefined) ?? Number(seoulToday(ctx.clock.now()).slice(0, 4));
        if (year < HOLIDAY_YEARS.min || year > HOLIDAY_YEARS.max) {
          throw new UserError('holiday.badYear', { year, min: HOLIDAY_YEARS.min, max: HOLIDAY_YEARS.max });
        }
        const closures = await ctx.services.db.closure.findMany({
          where: { date: { gte: `${year}-01-01`, lte: `${year}-12-31` } },
          orderBy: { date: 'asc' },
        });
        const days = [
          ...koreanHolidays(year).map((h) => ({ date: h.date, name: h.name })),
          ...closures.map((c) => ({ date: c.date, name: `${c.name} ${ctx.t('holiday.closure')}` })),
        ].sort((a, b) => a.date.localeCompare(b.date));
        return {
          title: ctx.t('holiday.listTitle', { year }),
          lines: days.map((d) => `${d.date} (${weekdayLabel(ctx.t, d.date)}) ${d.name}`),
        };
      },
    },
    remove: {
      roles: ['coordinator'],
      options: [{ name: 'date', type: 'date', required: true, positional: true }],
      handler: async (ctx) => {
        const date = ctx.options.date as string;
        await removeClosure(featureContext(ctx), ctx.services.scheduler, date);
        return { tone: 'success', lines: [ctx.t('holiday.removed', { date })] };
      },
    },
  },
});
