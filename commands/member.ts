import { defineCommand } from '../src/core/command.ts';
import { UserError } from '../src/core/errors.ts';
import type { Locale } from '../src/core/i18n/index.ts';
import { choiceLabel, translator } from '../src/core/i18n/index.ts';
import { featureContext, type Services } from '../src/features/context.ts';
import { memberCard, roleLabels } from '../src/features/directory/cards.ts';
import { parseRoles } from '../src/features/directory/rules.ts';
import { addMember, findMember, memberDetails, setLocale, setPreferredPlatform, setRoles } from '../src/features/directory/service.ts';
import { adminIds, approveLink, createLinkCode, linkWithCode, requestLink } from '../src/features/directory/linking.ts';
import { formatSeoulDateTime } from '../src/core/time.ts';

export default defineCommand<Services>({
  name: 'member',
  subcommands: {
    add: {
      roles: ['coordinator'],
      options: [
        { name: 'name', type: 'string', required: true, positional: true },
        { name: 'org', type: 'string' },
        { name: 'position', type: 'string' },
        { name: 'role', type: 'string' },
        { name: 'phone', type: 'string' },
        { name: 'email', type: 'string' },
      ],
      handler: async (ctx) => {
        const o = ctx.options as Record<string, string | undefined>;
        const roles = parseRoles(o.role ?? 'staff');
        // Only an admin may hand out the admin role.
        if (roles.includes('admin') && !ctx.actor.roles.has('admin')) throw new UserError('member.adminOnly');
        const member = await addMember(featureContext(ctx), {
          name: o.name as string,
          orgRef: o.org,
          position: o.position,
          roles,
          phone: o.phone,
          email: o.email,
          locale: ctx.services.locale,
        });
        const params = { name: member.name, id: member.id, org: member.org?.name ?? '', roles: roleLabels(ctx.t, member.roles) };
        return { tone: 'success', lines: [ctx.t(member.org ? 'member.added' : 'member.addedNoOrg', params)] };
      },
    },
    show: {
      roles: 'any',
      options: [{ name: 'member', type: 'string', required: true, positional: true, rest: true }],
      handler: async (ctx) => {
        const member = await findMember(ctx.services.db, ctx.options.member as string);
        return memberCard(ctx.t, await memberDetails(ctx.services.db, member.id));
      },
    },
    role: {
      roles: [],
      options: [
        { name: 'member', type: 'string', required: true, positional: true },
        { name: 'roles', type: 'string', required: true, positional: true },
      ],
      handler: async (ctx) => {
        const roles = parseRoles(ctx.options.roles as string);
        const member = await setRoles(featureContext(ctx), ctx.options.member as string, roles);
        return { tone: 'success', lines: [ctx.t('member.rolesSet', { name: member.name, roles: roleLabels(ctx.t, roles) })] };
      },
    },
    link: {
      roles: 'any',
      allowUnlinked: true,
      options: [{ name: 'code', type: 'string', positional: true }],
      handler: async (ctx) => {
        const fc = featureContext(ctx);
        const code = ctx.options.code as string | undefined;
        if (code) {
          const member = await linkWithCode(fc, code);
          return { card: { tone: 'success', lines: [ctx.t('link.linked', { name: member.name, id: member.id })] }, ephemeral: true };
        }
        const request = await requestLink(fc);
        for (const adminId of await adminIds(fc)) {
          await ctx.services.deliver.deliver(
            { kind: 'member', id: adminId },
            {
              title: ctx.t('link.requestTitle'),
              lines: [ctx.t('link.requestBody', { name: request.displayName, platform: request.platform, id: request.id })],
              buttons: [{ label: ctx.t('link.approveNew'), command: `/member approve ${request.id}`, style: 'primary', updatesMessage: true }],
            },
            `link-request:${request.id}:${request.createdAt.getTime()}:${adminId}`,
          );
        }
        return { card: { lines: [ctx.t('link.requested', { id: request.id })] }, ephemeral: true };
      },
    },
    code: {
      roles: ['coordinator'],
      options: [{ name: 'member', type: 'string', required: true, positional: true, rest: true }],
      handler: async (ctx) => {
        const { code, member, expiresAt } = await createLinkCode(featureContext(ctx), ctx.options.member as string);
        return {
          card: { lines: [ctx.t('link.code', { name: member.name, code, until: formatSeoulDateTime(expiresAt) })] },
          ephemeral: true,
        };
      },
    },
    approve: {
      roles: [],
      options: [
        { name: 'request', type: 'integer', required: true, positional: true },
        { name: 'member', type: 'string' },
      ],
      handler: async (ctx) => {
        const { member, request } = await approveLink(featureContext(ctx), ctx.options.request as number, ctx.options.member as string | undefined);
        await ctx.services.deliver.deliver(
          { kind: 'member', id: member.id },
          { tone: 'success', lines: [ctx.t('link.approvedForUser', { name: member.name })] },
          `link-approved:${request.id}`,
        );
        return { tone: 'success', lines: [ctx.t('link.approved', { name: member.name, id: member.id, platform: request.platform })] };
      },
    },
    me: {
      roles: 'any',
      allowUnlinked: true,
      options: [
        { name: 'lang', type: 'choice', choices: 'locale' },
        { name: 'dm', type: 'choice', choices: 'dmPlatform' },
      ],
      handler: async (ctx) => {
        const { actor } = ctx;
        if (actor.memberId === undefined) {
          return { card: { lines: [ctx.t('member.meUnlinked', { name: actor.name, platform: actor.platform })] }, ephemeral: true };
        }
        const lang = ctx.options.lang as Locale | undefined;
        const dm = ctx.options.dm as string | undefined;
        if (lang || dm) {
          const lines: string[] = [];
          if (dm) {
            await setPreferredPlatform(featureContext(ctx), dm === 'all' ? null : dm);
            lines.push(ctx.t('member.dmSet', { platform: choiceLabel(ctx.t, 'dmPlatform', dm) }));
          }
          if (lang) {
            await setLocale(featureContext(ctx), lang);
            lines.push(translator(lang)('member.localeSet'));
          }
          return { card: { tone: 'success', lines }, ephemeral: true };
        }
        return { card: memberCard(ctx.t, await memberDetails(ctx.services.db, actor.memberId)), ephemeral: true };
      },
    },
  },
});
