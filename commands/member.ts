import { defineCommand } from '../src/core/command.ts';
import { UserError } from '../src/core/errors.ts';
import type { Locale } from '../src/core/i18n/index.ts';
import { translator } from '../src/core/i18n/index.ts';
import { featureContext, type Services } from '../src/features/context.ts';
import { memberCard, roleLabels } from '../src/features/directory/cards.ts';
import { parseRoles } from '../src/features/directory/rules.ts';
import { addMember, findMember, memberDetails, setLocale, setRoles } from '../src/features/directory/service.ts';

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
    me: {
      roles: 'any',
      allowUnlinked: true,
      options: [{ name: 'lang', type: 'choice', choices: 'locale' }],
      handler: async (ctx) => {
        const { actor } = ctx;
        if (actor.memberId === undefined) {
          return { card: { lines: [ctx.t('member.meUnlinked', { name: actor.name, platform: actor.platform })] }, ephemeral: true };
        }
        const lang = ctx.options.lang as Locale | undefined;
        if (lang) {
          await setLocale(featureContext(ctx), lang);
          return { card: { tone: 'success', lines: [translator(lang)('member.localeSet')] }, ephemeral: true };
        }
        return { card: memberCard(ctx.t, await memberDetails(ctx.services.db, actor.memberId)), ephemeral: true };
      },
    },
  },
});
