import { defineCommand, subcommand } from '../src/features/context.ts';
import { formatSeoulDateTime } from '../src/core/calendar/index.ts';
import { choiceLabel } from '../src/core/i18n/index.ts';
import { AUDIT_PAGE_SIZE, listAudit } from '../src/features/audit/service.ts';

export default defineCommand({
  name: 'audit',
  features: ['audit'],
  subcommands: {
    '': subcommand({
      roles: [],
      options: [{ name: 'page', type: 'integer' }],
      handler: async (ctx) => {
        const page = Math.max(1, ctx.options.page ?? 1);
        const rows = await listAudit(ctx, page);
        if (rows.length === 0) return { card: { lines: [ctx.t('audit.empty')] }, ephemeral: true };
        const shown = rows.slice(0, AUDIT_PAGE_SIZE);
        return {
          card: {
            title: ctx.t('audit.title', { count: shown.length }),
            lines: shown.map((row) =>
              ctx.t('audit.line', { at: formatSeoulDateTime(row.at), actor: row.actor, action: choiceLabel(ctx.t, 'auditAction', row.action), target: row.target }),
            ),
            footer: rows.length > AUDIT_PAGE_SIZE ? ctx.t('audit.more', { next: page + 1 }) : undefined,
          },
          ephemeral: true,
        };
      },
    }),
  },
});
