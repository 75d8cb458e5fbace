import { defineCommand } from '../src/core/command.ts';
import { choiceLabel } from '../src/core/i18n/index.ts';
import { featureContext, type Services } from '../src/features/context.ts';
import { kindLabel, organizationCard, organizationList } from '../src/features/directory/cards.ts';
import type { OrgKind, PartnershipKind } from '../src/features/directory/rules.ts';
import {
  addOrganization,
  findOrganization,
  linkOrganizations,
  listOrganizations,
  organizationDetails,
} from '../src/features/directory/service.ts';

export default defineCommand<Services>({
  name: 'org',
  subcommands: {
    add: {
      roles: ['coordinator'],
      options: [
        { name: 'kind', type: 'choice', choices: 'orgKind', required: true, positional: true },
        { name: 'name', type: 'string', required: true, positional: true, rest: true },
        { name: 'dong', type: 'string' },
        { name: 'sigungu', type: 'string' },
      ],
      handler: async (ctx) => {
        const { kind, name, dong, sigungu } = ctx.options as { kind: OrgKind; name: string; dong?: string; sigungu?: string };
        const org = await addOrganization(featureContext(ctx), { kind, name, dong, sigungu });
        return { tone: 'success', lines: [ctx.t('org.added', { kind: kindLabel(ctx.t, org.kind), name: org.name, id: org.id })] };
      },
    },
    list: {
      roles: 'any',
      options: [
        { name: 'kind', type: 'choice', choices: 'orgKind' },
        { name: 'page', type: 'integer' },
      ],
      handler: async (ctx) => {
        const page = await listOrganizations(ctx.services.db, {
          kind: ctx.options.kind as OrgKind | undefined,
          page: ctx.options.page as number | undefined,
        });
        return organizationList(ctx.t, page);
      },
    },
    show: {
      roles: 'any',
      options: [{ name: 'org', type: 'string', required: true, positional: true, rest: true }],
      handler: async (ctx) => {
        const org = await findOrganization(ctx.services.db, ctx.options.org as string);
        return organizationCard(ctx.t, await organizationDetails(ctx.services.db, org.id));
      },
    },
    link: {
      roles: ['coordinator'],
      options: [
        { name: 'from', type: 'string', required: true, positional: true },
        { name: 'to', type: 'string', required: true, positional: true },
        { name: 'kind', type: 'choice', choices: 'partnershipKind', required: true },
      ],
      handler: async (ctx) => {
        const kind = ctx.options.kind as PartnershipKind;
        const result = await linkOrganizations(featureContext(ctx), {
          fromRef: ctx.options.from as string,
          toRef: ctx.options.to as string,
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
    },
  },
});
