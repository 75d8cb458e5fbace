// Closures: days an admin marks as no-work (기관 휴무, 임시공휴일 not yet in
// the table) on top of the Korean public holidays of src/core/calendar. Other
// features read them through closuresBetween() and hear of changes through
// the 'closures.changed' event (meetups re-plan their reminders).
import { firstWorkingDayOfMonth, HOLIDAY_YEARS, koreanHolidays } from '../../core/calendar/holidays.ts';
import { firstDayOfMonth, lastDayOfMonth, type IsoDate, type IsoMonth } from '../../core/calendar/index.ts';
import { UserError } from '../../core/errors.ts';
import { recordAudit } from '../audit/service.ts';
import type { FeatureContext } from '../context.ts';

declare module '../context.ts' {
  interface FeatureEvents {
    /** A closure was added or removed. */
    'closures.changed': { date: IsoDate };
  }
}

export async function closuresBetween({ db }: Pick<FeatureContext, 'db'>, from: IsoDate, to: IsoDate): Promise<Set<IsoDate>> {
  const rows = await db.closure.findMany({ where: { date: { gte: from, lte: to } }, select: { date: true } });
  return new Set(rows.map((r) => r.date));
}

/** The first working day of a month, closures included (null if none). */
export async function firstWorkingDay(ctx: Pick<FeatureContext, 'db'>, month: IsoMonth): Promise<IsoDate | null> {
  const [y, m] = month.split('-').map(Number);
  return firstWorkingDayOfMonth(y, m, await closuresBetween(ctx, firstDayOfMonth(month), lastDayOfMonth(month)));
}

export async function addClosure(ctx: FeatureContext, date: IsoDate, name: string) {
  const existing = await ctx.db.closure.findUnique({ where: { date } });
  if (existing) throw new UserError('holiday.exists', { date, name: existing.name });
  await ctx.db.$transaction(async (tx) => {
    await tx.closure.create({ data: { date, name, createdAt: ctx.clock.now() } });
    await recordAudit(tx, ctx.clock, ctx.actor, 'holiday.add', `closure ${date}`, { name });
  });
  await ctx.emit('closures.changed', { date });
}

export async function removeClosure(ctx: FeatureContext, date: IsoDate) {
  const existing = await ctx.db.closure.findUnique({ where: { date } });
  if (!existing) throw new UserError('holiday.notFound', { date });
  await ctx.db.$transaction(async (tx) => {
    await tx.closure.delete({ where: { date } });
    await recordAudit(tx, ctx.clock, ctx.actor, 'holiday.remove', `closure ${date}`);
  });
  await ctx.emit('closures.changed', { date });
}

/** Public holidays and closures of a year, in date order. */
export async function daysOff(ctx: FeatureContext, year: number) {
  if (year < HOLIDAY_YEARS.min || year > HOLIDAY_YEARS.max) {
    throw new UserError('holiday.badYear', { year, min: HOLIDAY_YEARS.min, max: HOLIDAY_YEARS.max });
  }
  const closures = await ctx.db.closure.findMany({ where: { date: { gte: `${year}-01-01`, lte: `${year}-12-31` } } });
  return [
    ...koreanHolidays(year).map((h) => ({ date: h.date, name: h.name, closure: false })),
    ...closures.map((c) => ({ date: c.date, name: c.name, closure: true })),
  ].sort((a, b) => a.date.localeCompare(b.date));
}
