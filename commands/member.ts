import { defineCommand, subcommand } from '../src/features/context.ts';
import { isLinked } from '../src/core/command.ts';
import { UserError } from '../src/core/errors.ts';
import { choiceLabel, translator } from '../src/core/i18n/index.ts';
import { confirmation, memberCard, memberList, roleLabels } from '../src/features/directory/cards.ts';
import { checkMerge, checkStatusChange, editMember, listMembers, mergeMembers, setMemberStatus } from '../src/features/directory/roster.ts';
import { parseRoles } from '../src/features/directory/rules.ts';
import { addMember, findMember, memberDetails, memberLabel, setLocale, setPreferredPlatform, setRoles } from '../src/features/directory/service.ts';
import { approveLink, createLinkCode, linkWithCode, requestLink } from '../src/features/directory/linking.ts';
import { formatSeoulDateTime } from '../src/core/calendar/index.ts';
import { exportMembers, recordExport } from '../src/features/directory/export.ts';
import { findOrganization } from '../src/features/directory/service.ts';

export default defineCommand({
  name: 'member',
  features: ['directory'],
  subcommands: {
    add: subcommand({
      roles: ['coordinator'],
      options: [
        { name: 'name', type: 'string', required: true, positional: true },
        { name: 'org', type: 'string', suggest: 'org' },
        { name: 'position', type: 'string' },
        { name: 'role', type: 'string' },
        { name: 'phone', type: 'string' },
        { name: 'email', type: 'string' },
        { name: 'new', type: 'boolean' },
      ],
      handler: async (ctx) => {
        const o = ctx.options;
        const roles = parseRoles(o.role ?? 'staff');
        const result = await addMember(ctx, {
          name: o.name,
          orgRef: o.org,
          position: o.position,
          roles,
          phone: o.phone,
          email: o.email,
          locale: ctx.locale,
          namesake: o.new,
        });
        if (result.namesakes) {
          // Probably the same person: ask instead of creating a twin.
          const first = result.namesakes[0];
          return {
            card: {
              lines: [ctx.t('member.duplicateQuestion', { org: result.org?.name ?? '-', matches: result.namesakes.map(memberLabel).join(', ') })],
              buttons: [{ label: ctx.t('member.sameButton', { id: first.id }), command: `/member show #${first.id}` }],
            },
            ephemeral: true,
          };
        }
        const { member } = result;
        const params = { name: member.name, id: member.id, org: member.org?.name ?? '', roles: roleLabels(ctx.t, member.roles) };
        return { tone: 'success', lines: [ctx.t(member.org ? 'member.added' : 'member.addedNoOrg', params)] };
      },
    }),
    list: subcommand({
      roles: 'any',
      options: [
        { name: 'org', type: 'string', suggest: 'org' },
        { name: 'role', type: 'choice', choices: 'role' },
        { name: 'council', type: 'string', suggest: 'org' },
        { name: 'status', type: 'choice', choices: 'memberStatus' },
        { name: 'name', type: 'string' },
        { name: 'page', type: 'integer' },
      ],
      handler: async (ctx) => {
        const o = ctx.options;
        const page = await listMembers(ctx, { orgRef: o.org, role: o.role, councilRef: o.council, status: o.status, query: o.name, page: o.page });
        return memberList(ctx.t, page);
      },
    }),
    edit: subcommand({
      roles: 'any',
      options: [
        { name: 'member', type: 'string', required: true, positional: true, suggest: 'member' },
        { name: 'name', type: 'string' },
        { name: 'position', type: 'string' },
        { name: 'phone', type: 'string' },
        { name: 'email', type: 'string' },
        { name: 'org', type: 'string', suggest: 'org' },
      ],
      handler: async (ctx) => {
        const { member: ref, org, ...fields } = ctx.options;
        const { member } = await editMember(ctx, ref, { ...fields, orgRef: org });
        const changed = Object.entries({ ...fields, org: member.org && org ? member.org.name : org })
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => `${k}=${v}`)
          .join(', ');
        return { tone: 'success', lines: [ctx.t('member.edited', { name: member.name, id: member.id, fields: changed })] };
      },
    }),
    retire: subcommand({
      roles: ['coordinator', 'head'],
      options: [
        { name: 'member', type: 'string', required: true, positional: true, suggest: 'member' },
        { name: 'reason', type: 'choice', choices: 'memberStatus', required: true },
        { name: 'confirm', type: 'boolean' },
      ],
      handler: async (ctx) => {
        const { member: ref, reason, confirm } = ctx.options;
        if (reason === 'active') throw new UserError('member.retireNeedsReason');
        const status = choiceLabel(ctx.t, 'memberStatus', reason);
        if (!confirm) {
          const { member, seats } = await checkStatusChange(ctx, ref, reason);
          return confirmation(ctx.t, ctx.t('member.confirmRetire', { name: member.name, status, seats }), `/member retire #${member.id} reason=${reason}`);
        }
        const { member, seatsEnded } = await setMemberStatus(ctx, ref, reason);
        return { tone: 'success', lines: [ctx.t('member.retired', { name: member.name, status, seats: seatsEnded, ref: `#${member.id}` })] };
      },
    }),
    reactivate: subcommand({
      roles: ['coordinator', 'head'],
      options: [{ name: 'member', type: 'string', required: true, positional: true, rest: true, suggest: 'member' }],
      handler: async (ctx) => {
        const { member } = await setMemberStatus(ctx, ctx.options.member, 'active');
        return { tone: 'success', lines: [ctx.t('member.reactivated', { name: member.name })] };
      },
    }),
    merge: subcommand({
      roles: ['coordinator'],
      options: [
        { name: 'keep', type: 'string', required: true, positional: true, suggest: 'member' },
        { name: 'other', type: 'string', required: true, positional: true, suggest: 'member' },
        { name: 'confirm', type: 'boolean' },
      ],
      handler: async (ctx) => {
        const { keep: keepRef, other: otherRef, confirm } = ctx.options;
        if (!confirm) {
          const { keep, other } = await checkMerge(ctx, keepRef, otherRef);
          const names = { keep: memberLabel(keep), other: memberLabel(other) };
          return confirmation(ctx.t, ctx.t('member.confirmMerge', names), `/member merge #${keep.id} #${other.id}`);
        }
        const { keep, other } = await mergeMembers(ctx, keepRef, otherRef);
        return { tone: 'success', lines: [ctx.t('member.merged', { keep: memberLabel(keep), other: memberLabel(other) })] };
      },
    }),
    show: subcommand({
      roles: 'any',
      options: [{ name: 'member', type: 'string', required: true, positional: true, rest: true, suggest: 'member' }],
      handler: async (ctx) => {
        const member = await findMember(ctx, ctx.options.member);
        return memberCard(ctx.t, await memberDetails(ctx, member.id));
      },
    }),
    role: subcommand({
      roles: [],
      options: [
        { name: 'member', type: 'string', required: true, positional: true, suggest: 'member' },
        { name: 'roles', type: 'string', required: true, positional: true },
      ],
      handler: async (ctx) => {
        const roles = parseRoles(ctx.options.roles);
        const member = await setRoles(ctx, ctx.options.member, roles);
        return { tone: 'success', lines: [ctx.t('member.rolesSet', { name: member.name, roles: roleLabels(ctx.t, roles) })] };
      },
    }),
    link: subcommand({
      roles: 'any',
      allowUnlinked: true,
      options: [{ name: 'code', type: 'string', positional: true }],
      handler: async (ctx) => {
        const { code } = ctx.options;
        if (code) {
          const member = await linkWithCode(ctx, code);
          return { card: { tone: 'success', lines: [ctx.t('link.linked', { name: member.name, id: member.id })] }, ephemeral: true };
        }
        const request = await requestLink(ctx);
        return { card: { lines: [ctx.t('link.requested', { id: request.id })] }, ephemeral: true };
      },
    }),
    code: subcommand({
      roles: ['coordinator'],
      options: [{ name: 'member', type: 'string', required: true, positional: true, rest: true, suggest: 'member' }],
      handler: async (ctx) => {
        const { code, member, expiresAt } = await createLinkCode(ctx, ctx.options.member);
        return {
          card: { lines: [ctx.t('link.code', { name: member.name, code, until: formatSeoulDateTime(expiresAt) })] },
          ephemeral: true,
        };
      },
    }),
    approve: subcommand({
      roles: [],
      options: [
        { name: 'request', type: 'integer', required: true, positional: true },
        { name: 'member', type: 'string', suggest: 'member' },
      ],
      handler: async (ctx) => {
        const { member, request } = await approveLink(ctx, ctx.options.request, ctx.options.member);
        return { tone: 'success', lines: [ctx.t('link.approved', { name: member.name, id: member.id, platform: request.platform })] };
      },
    }),
    me: subcommand({
      roles: 'any',
      allowUnlinked: true,
      options: [
        { name: 'lang', type: 'choice', choices: 'locale' },
        { name: 'dm', type: 'choice', choices: 'dmPlatform' },
      ],
      handler: async (ctx) => {
        const { actor } = ctx;
        if (!isLinked(actor)) {
          return { card: { lines: [ctx.t('member.meUnlinked', { name: actor.name, platform: actor.platform })] }, ephemeral: true };
        }
        const { lang, dm } = ctx.options;
        if (lang || dm) {
          const lines: string[] = [];
          if (dm) {
            await setPreferredPlatform(ctx, dm === 'all' ? null : dm);
            lines.push(ctx.t('member.dmSet', { platform: choiceLabel(ctx.t, 'dmPlatform', dm) }));
          }
          if (lang) {
            await setLocale({ ...ctx, actor }, lang);
            lines.push(translator(lang)('member.localeSet'));
          }
          return { card: { tone: 'success', lines }, ephemeral: true };
        }
        return { card: memberCard(ctx.t, await memberDetails(ctx, actor.memberId)), ephemeral: true };
      },
    }),
    export: subcommand({
      roles: ['coordinator'],
      options: [{ name: 'org', type: 'string', suggest: 'org' }],
      handler: async (ctx) => {
        const org = ctx.options.org ? await findOrganization(ctx, ctx.options.org) : undefined;
        const { csv, count } = await exportMembers(ctx, ctx.t, { orgId: org?.id });
        await recordExport(ctx, 'members', { count, org: org?.id });
        return {
          card: { tone: 'success', lines: [ctx.t('export.done', { kind: ctx.t('import.kind.members'), count })] },
          files: [{ name: org ? `members-${org.id}.csv` : 'members.csv', mimeType: 'text/csv', content: csv }],
          ephemeral: true,
        };
      },
    }),
  },
});
