// Messages of the directory feature.
import type { Card } from '../../core/card.ts';
import { choiceLabel, type Translator } from '../../core/i18n/index.ts';
import { seoulDate } from '../../core/calendar/index.ts';
import type { councilRoster, listMembers } from './roster.ts';
import { memberLabel, type listOrganizations, type memberDetails, type organizationDetails } from './service.ts';

type OrgPage = Awaited<ReturnType<typeof listOrganizations>>;
type OrgDetails = Awaited<ReturnType<typeof organizationDetails>>;
type MemberDetails = Awaited<ReturnType<typeof memberDetails>>;

const dash = (value: string | null | undefined) => value || '-';
export const kindLabel = (t: Translator, kind: string) => choiceLabel(t, 'orgKind', kind);
export const roleLabels = (t: Translator, roles: { role: string }[] | string[]) =>
  roles.map((r) => t(`role.${typeof r === 'string' ? r : r.role}` as 'role.admin')).join(', ') || t('role.none');

export function organizationList(t: Translator, page: OrgPage): Card {
  if (page.total === 0) return { lines: [t('org.listEmpty')] };
  return {
    title: t('org.listTitle', { count: page.total }),
    lines: page.items.map(
      (org) => `#${org.id} ${org.name} · ${kindLabel(t, org.kind)}${org.dong ? ` · ${org.dong}` : ''}${org.sigungu ? ` · ${org.sigungu}` : ''}`,
    ),
    footer: page.page < page.pages ? t('org.listPage', { page: page.page, pages: page.pages, next: page.page + 1 }) : undefined,
  };
}

export function organizationCard(t: Translator, org: OrgDetails): Card {
  const partners = [
    ...org.partnershipsOut.map((p) => t('org.partnerLine', { kind: choiceLabel(t, 'partnershipKind', p.kind), other: `→ ${p.to.name}`, id: p.id })),
    ...org.partnershipsIn.map((p) => t('org.partnerLine', { kind: choiceLabel(t, 'partnershipKind', p.kind), other: `← ${p.from.name}`, id: p.id })),
  ];
  const fields = [
    { label: t('org.fieldKind'), value: kindLabel(t, org.kind) },
    { label: t('org.fieldDong'), value: dash(org.dong) },
    { label: t('org.fieldSigungu'), value: dash(org.sigungu) },
    org.kind === 'council'
      ? { label: t('org.fieldSeatCount'), value: String(org._count.councilSeats) }
      : { label: t('org.fieldMembers'), value: String(org._count.members) },
    { label: t('org.fieldPartners'), value: partners.join('\n') || t('org.none') },
    { label: t('org.fieldChannels'), value: org.channels.map((c) => `${c.platform}:${c.channelId}`).join(', ') || t('org.none') },
  ];
  if (org.kind === 'council') {
    fields.push({
      label: t('org.fieldSeats'),
      value:
        org.councilSeats
          .map((s) =>
            t('org.seatLine', {
              seat: choiceLabel(t, 'seat', s.seat),
              name: s.member.name,
              from: s.termFrom ? seoulDate(s.termFrom) : '',
              to: s.termTo ? seoulDate(s.termTo) : '',
            }),
          )
          .join('\n') || t('org.none'),
    });
  }
  return { title: `#${org.id} ${org.name}`, fields };
}

export function memberCard(t: Translator, member: MemberDetails): Card {
  return {
    title: `#${member.id} ${member.name}`,
    fields: [
      { label: t('member.fieldOrg'), value: member.org ? `${member.org.name} (#${member.org.id})` : '-' },
      { label: t('member.fieldPosition'), value: dash(member.position) },
      { label: t('member.fieldRoles'), value: roleLabels(t, member.roles) },
      ...(member.status !== 'active' ? [{ label: t('member.fieldStatus'), value: choiceLabel(t, 'memberStatus', member.status) }] : []),
      { label: t('member.fieldPhone'), value: dash(member.phone) },
      { label: t('member.fieldEmail'), value: dash(member.email) },
      {
        label: t('member.fieldSeats'),
        value:
          member.councilSeats
            .map((s) => `${s.council.name} ${choiceLabel(t, 'seat', s.seat)} (${s.termFrom ? seoulDate(s.termFrom) : ''}~${s.termTo ? seoulDate(s.termTo) : ''})`)
            .join('\n') || '-',
      },
      { label: t('member.fieldAccounts'), value: member.identities.map((i) => i.platform).join(', ') || '-' },
      { label: t('member.fieldLocale'), value: choiceLabel(t, 'locale', member.locale) },
      { label: t('member.fieldDm'), value: choiceLabel(t, 'dmPlatform', member.preferredPlatform ?? 'all') },
    ],
  };
}

/**
 * A question before a change that loses something: nothing is written until
 * the button (or its text twin, the same command with confirm=yes) is used.
 */
export function confirmation(t: Translator, question: string, command: string): Card {
  return { lines: [question], buttons: [{ label: t('confirm.yes'), command: `${command} confirm=yes`, style: 'danger', updatesMessage: true }] };
}

type MemberPage = Awaited<ReturnType<typeof listMembers>>;

export function memberList(t: Translator, page: MemberPage): Card {
  if (page.total === 0) return { lines: [t('member.listEmpty')] };
  const scope = [page.org?.name, page.council?.name].filter(Boolean).join(', ');
  return {
    title: t('member.listTitle', { total: page.total, scope: scope ? ` · ${scope}` : '' }),
    lines: page.items.map(
      (m) =>
        `${memberLabel(m)} · ${roleLabels(t, m.roles)}${m.status !== 'active' ? t('member.statusLine', { status: choiceLabel(t, 'memberStatus', m.status) }) : ''}`,
    ),
    footer: page.page < page.pages ? t('member.listPage', { page: page.page, pages: page.pages, next: page.page + 1 }) : undefined,
  };
}

type Roster = Awaited<ReturnType<typeof councilRoster>>;

export function councilRosterCard(t: Translator, roster: Roster): Card {
  const sitting = roster.seats.filter((s) => s.sitting).length;
  if (roster.seats.length === 0) return { lines: [t('council.rosterEmpty', { council: roster.council.name })] };
  return {
    title: t('council.rosterTitle', { council: roster.council.name, count: sitting }),
    lines: roster.seats.map((s) =>
      t('council.rosterLine', {
        seat: choiceLabel(t, 'seat', s.seat),
        name: s.member.name,
        org: s.member.org ? ` (${s.member.org.name})` : '',
        from: s.termFrom ? seoulDate(s.termFrom) : '',
        to: s.termTo ? seoulDate(s.termTo) : '',
        ended: s.sitting ? '' : t('council.rosterEnded'),
      }),
    ),
  };
}
