// The weekly digest as a card: its title is also the e-mail subject
// (`[민관협력] 12월 1주차 요약 — 모라3동행정복지센터`); each section at most five
// lines and a count of the rest; empty sections left out.
import type { Card, Field } from '../../core/card.ts';
import { formatSeoulDateTime } from '../../core/calendar/index.ts';
import { choiceLabel, type Translator } from '../../core/i18n/index.ts';
import { weekdayLabel } from '../../core/i18n/labels.ts';
import type { Occurrence } from '../meetups/model.ts';
import { clip, weekLabel } from './rules.ts';
import type { Recipient } from './model.ts';

export interface Digest {
  kind: 'head' | 'district';
  person: Recipient;
  place: string;
  monday: string;
  meetings: { occurrence: Occurrence; yes: number; no: number; maybe: number; missing: string[]; nextWeek: boolean }[];
  polls: { id: number; question: string; deadline: Date; voted: number; eligible: number }[];
  transfers: { id: number; name: string; effective: string; from: string; to: string | null; successorId: number | null; leaveReason: string | null }[];
  owed: { title: string; date: string; closesAt: Date; org: string }[];
  followUps: { id: number; caseCode: string; nextCheck: string; overdue: boolean }[];
  newcomers: { kind: 'partner' | 'member'; name: string }[];
  district: { name: string; meetings: number; owed: number; overdue: number }[];
}

function section(t: Translator, label: string, lines: string[]): Field | undefined {
  if (lines.length === 0) return undefined;
  const { shown, more } = clip(lines);
  return { label, value: [...shown, ...(more ? [t('digest.more', { count: more })] : [])].join('\n') };
}

export function digestCard(t: Translator, d: Digest): Card {
  const { month, week } = weekLabel(d.monday);
  const meeting = (m: Digest['meetings'][number]) =>
    t('digest.meetingLine', {
      date: m.occurrence.date,
      weekday: weekdayLabel(t, m.occurrence.date),
      time: m.occurrence.time,
      title: m.occurrence.title,
      yes: m.yes,
      no: m.no,
      maybe: m.maybe,
      missing: m.missing.length ? t('digest.missing', { names: m.missing.slice(0, 5).join(', '), count: m.missing.length }) : '',
    });
  const fields = [
    section(t, t('digest.thisWeek'), d.meetings.filter((m) => !m.nextWeek).map(meeting)),
    section(t, t('digest.nextWeek'), d.meetings.filter((m) => m.nextWeek).map(meeting)),
    section(t, t('digest.polls'), d.polls.map((p) => t('digest.pollLine', { id: p.id, question: p.question, voted: p.voted, eligible: p.eligible, deadline: formatSeoulDateTime(p.deadline) }))),
    section(
      t,
      t(d.kind === 'district' ? 'digest.noSuccessor' : 'digest.transfers'),
      d.transfers.map((tr) => t('digest.transferLine', { effective: tr.effective, name: tr.name, from: tr.from, to: tr.to ?? (tr.leaveReason ? choiceLabel(t, 'leaveReason', tr.leaveReason) : '-') })),
    ),
    section(t, t('digest.owed'), d.owed.map((a) => t('digest.owedLine', { org: a.org, title: a.title, date: a.date, closes: formatSeoulDateTime(a.closesAt) }))),
    section(t, t('digest.followUps'), d.followUps.map((f) => t(f.overdue ? 'digest.overdueLine' : 'digest.dueLine', { code: f.caseCode, date: f.nextCheck, id: f.id }))),
    section(t, t('digest.newcomers'), d.newcomers.map((n) => t(n.kind === 'partner' ? 'digest.newPartner' : 'digest.newMember', { name: n.name }))),
    section(t, t('digest.district'), d.district.map((o) => t('digest.districtLine', o))),
  ].filter((f): f is Field => Boolean(f));
  return {
    title: t('digest.title', { month, week, place: d.place }),
    lines: [t(d.kind === 'district' ? 'digest.introDistrict' : 'digest.intro', { name: d.person.name })],
    fields,
    footer: t('digest.footer'),
  };
}
