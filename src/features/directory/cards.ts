// Messages of the directory feature.
import type { Card } from '../../core/card.ts';
import { choiceLabel, type Translator } from '../../core/i18n/index.ts';
import { seoulDate } from '../../core/calendar/index.ts';
import type { listOrganizations, memberDetails, organizationDetails } from './service.ts';

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
    { label: t('org.fieldMembers'), value: String(org._count.members) },
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
