import { defineCommand, subcommand } from '../src/features/context.ts';
import { choiceLabel } from '../src/core/i18n/index.ts';
import { confirmation, kindLabel, organizationCard, organizationList } from '../src/features/directory/cards.ts';
import { checkRemoveOrganization, checkUnlink, removeOrganization, renameOrganization, unlinkPartnership } from '../src/features/directory/roster.ts';
import {
  addOrganization,
  findOrganization,
  linkOrganizations,
  listOrganizations,
  organizationDetails,
} from '../src/features/directory/service.ts';
import { exportOrganizations, recordExport } from '../src/features/directory/export.ts';

export default defineCommand({
  name: 'org',
  features: ['directory'],
  subcommands: {
    add: subcommand({
      roles: ['coordinator'],
      options: [
        { name: 'kind', type: 'choice', choices: 'orgKind', required: true, positional: true },
        { name: 'name', type: 'string', required: true, positional: true, rest: true },
        { name: 'dong', type: 'string' },
        { name: 'sigungu', type: 'string' },
      ],
      handler: async (ctx) => {
        const { kind, name, dong, sigungu } = ctx.options;
        const org = await addOrganization(ctx, { kind, name, dong, sigungu });
        return { tone: 'success', lines: [ctx.t('org.added', { kind: kindLabel(ctx.t, org.kind), name: org.name, id: org.id })] };
      },
    }),
    list: subcommand({
      roles: 'any',
      options: [
        { name: 'kind', type: 'choice', choices: 'orgKind' },
        { name: 'page', type: 'integer' },
      ],
      handler: async (ctx) => {
        const page = await listOrganizations(ctx, {
          kind: ctx.options.kind,
          page: ctx.options.page,
        });
        return organizationList(ctx.t, page);
      },
    }),
    show: subcommand({
      roles: 'any',
      options: [{ name: 'org', type: 'string', required: true, positional: true, rest: true, suggest: 'org' }],
      handler: async (ctx) => {
        const org = await findOrganization(ctx, ctx.options.org);
        return organizationCard(ctx.t, await organizationDetails(ctx, org.id));
      },
    }),
    link: subcommand({
      roles: ['coordinator'],
      options: [
        { name: 'from', type: 'string', required: true, positional: true, suggest: 'org' },
        { name: 'to', type: 'string', required: true, positional: true, suggest: 'org' },
        { name: 'kind', type: 'choice', choices: 'partnershipKind', required: true },
      ],
      handler: async (ctx) => {
        const { kind } = ctx.options;
        const result = await linkOrganizations(ctx, {
          fromRef: ctx.options.from,
          toRef: ctx.options.to,
          kind,
        });
        const lines = [
          ctx.t('org.linked', {
            from: result.from.name,
            to: result.to.name,
            kind: choiceLabel(ctx.t, 'partnershipKind', kind),
            id: result.partnership.id,
          }),
        ];
        if (result.hubOverfull) lines.push(ctx.t('org.hubFull', { from: result.from.name, count: result.hubOverfull }));
        return { tone: 'success', lines };
      },
    }),
    rename: subcommand({
      roles: ['coordinator'],
      options: [
        { name: 'org', type: 'string', required: true, positional: true, suggest: 'org' },
        { name: 'name', type: 'string', required: true },
      ],
      handler: async (ctx) => {
        const { org, name } = await renameOrganization(ctx, ctx.options.org, ctx.options.name);
        return { tone: 'success', lines: [ctx.t('org.renamed', { before: org.name, after: name })] };
      },
    }),
    remove: subcommand({
      roles: ['coordinator'],
      options: [
        { name: 'org', type: 'string', required: true, positional: true, suggest: 'org' },
        { name: 'confirm', type: 'boolean' },
      ],
      handler: async (ctx) => {
        if (!ctx.options.confirm) {
          const { org, partnerships, channels } = await checkRemoveOrganization(ctx, ctx.options.org);
          return confirmation(ctx.t, ctx.t('org.confirmRemove', { name: org.name, partnerships, channels }), `/org remove #${org.id}`);
        }
        const { org } = await removeOrganization(ctx, ctx.options.org);
        return { tone: 'success', lines: [ctx.t('org.removed', { name: org.name })] };
      },
    }),
    unlink: subcommand({
      roles: ['coordinator'],
      options: [
        { name: 'partnership', type: 'integer', required: true, positional: true },
        { name: 'confirm', type: 'boolean' },
      ],
      handler: async (ctx) => {
        const p = ctx.options.confirm ? await unlinkPartnership(ctx, ctx.options.partnership) : await checkUnlink(ctx, ctx.options.partnership);
        const params = { from: p.from.name, to: p.to.name, kind: choiceLabel(ctx.t, 'partnershipKind', p.kind), id: p.id };
        if (!ctx.options.confirm) return confirmation(ctx.t, ctx.t('org.confirmUnlink', params), `/org unlink ${p.id}`);
        return { tone: 'success', lines: [ctx.t('org.unlinked', params)] };
      },
    }),
    export: subcommand({
      roles: ['coordinator'],
      options: [],
      handler: async (ctx) => {
        const { csv, count } = await exportOrganizations(ctx, ctx.t);
        await recordExport(ctx, 'organizations', { count });
        return {
          card: { tone: 'success', lines: [ctx.t('export.done', { kind: ctx.t('import.kind.organizations'), count })] },
          files: [{ name: 'organizations.csv', mimeType: 'text/csv', content: csv }],
          ephemeral: true,
        };
      },
    }),
  },
});
