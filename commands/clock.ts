import { formatSeoulTime, seoulDate } from '../src/core/calendar/index.ts';
import { UserError } from '../src/core/errors.ts';
import type { Translator } from '../src/core/i18n/index.ts';
import { weekdayLabel } from '../src/core/i18n/labels.ts';
import { defineCommand, subcommand } from '../src/features/context.ts';
import { parseClockTarget } from '../src/features/clock/rules.ts';

/** `2026-12-01 (화) 09:00` */
const when = (t: Translator, instant: Date) => {
  const date = seoulDate(instant);
  return `${date} (${weekdayLabel(t, date)}) ${formatSeoulTime(instant)}`;
};

export default defineCommand({
  name: 'clock',
  features: ['clock'],
  // The console simulates time; Slack and Discord run on real time and never see this command.
  platforms: ['console'],
  subcommands: {
    '': subcommand({
      roles: [],
      options: [{ name: 'to', type: 'string', positional: true, rest: true }],
      handler: async (ctx) => {
        const { t, simulation } = ctx;
        if (!simulation) throw new UserError('clock.unavailable');
        const now = ctx.clock.now();
        if (!ctx.options.to) return { lines: [t('clock.now', { now: when(t, now) })] };
        const target = parseClockTarget(ctx.options.to);
        if (!target) throw new UserError('clock.badFormat');
        let instant = target.kind === 'relative' ? new Date(now.getTime() + target.ms) : target.instant;
        // The simulated clock keeps flowing: "09:00" typed during 09:00 means now.
        if (instant < now && now.getTime() - instant.getTime() < 60_000) instant = now;
        if (instant < now) throw new UserError('clock.backwards', { now: when(t, now), target: when(t, instant) });
        const result = await simulation.advanceTo(instant);
        const lines = [
          t(result.complete ? 'clock.moved' : 'clock.stoppedEarly', { now: when(t, result.now), ran: result.ran }),
          ...(result.missed ? [t('clock.missed', { missed: result.missed })] : []),
          ...(result.failed ? [t('clock.failed', { failed: result.failed })] : []),
        ];
        return { tone: result.complete ? 'success' : 'info', lines };
      },
    }),
  },
});
