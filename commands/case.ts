import { defineCommand, subcommand } from '../src/features/context.ts';
import { choiceLabel } from '../src/core/i18n/index.ts';
import { historyLine } from '../src/features/agenda/cards.ts';
import { caseHistory, closeFollowUp, dueFollowUps } from '../src/features/agenda/service.ts';

export default defineCommand({
  name: 'case',
  features: ['agenda'],
  subcommands: {
    show: subcommand({
      roles: 'any',
      options: [{ name: 'code', type: 'string', required: true, positional: true, text: 'case' }],
      handler: async (ctx) => {
        const history = await caseHistory(ctx, ctx.options.code.trim());
        if (history.length === 0) return { card: { lines: [ctx.t('case.unknown')] }, ephemeral: true };
        return { card: { title: ctx.t('case.title', { code: ctx.options.code }), lines: history.map((h) => historyLine(ctx.t, h)) }, ephemeral: true };
      },
    }),
    list: subcommand({
      roles: 'any',
      handler: async (ctx) => {
        const due = await dueFollowUps(ctx);
        if (due.length === 0) return { card: { lines: [ctx.t('case.noneDue')] }, ephemeral: true };
        return {
          card: {
            title: ctx.t('case.dueTitle', { count: due.length }),
            lines: due.map((i) => ctx.t('case.dueLine', { id: i.id, code: i.caseCode, date: i.nextCheck ?? '-', decision: i.decision ? choiceLabel(ctx.t, 'decision', i.decision) : '-' })),
          },
          ephemeral: true,
        };
      },
    }),
    done: subcommand({
      roles: 'any',
      options: [{ name: 'item', type: 'integer', required: true, positional: true }],
      handler: async (ctx) => {
        const item = await closeFollowUp(ctx, ctx.options.item);
        return { tone: 'success', lines: [ctx.t('case.doneClosed', { id: item.id, code: item.caseCode })] };
      },
    }),
  },
});
