// Messages of case-conference agendas: an item, the compiled agenda, a case's
// history, a follow-up. Case codes and coordination metadata only.
import type { Card } from '../../core/card.ts';
import { choiceLabel, type Translator } from '../../core/i18n/index.ts';
import type { CaseHistory as History, CompiledAgenda as Compiled, ItemRow } from './model.ts';

type ItemLike = { id: number; caseCode: string; stage: string; type: string; risk: string; needs: string; summary: string | null; resources: string | null; question: string | null; status: string };

const needs = (t: Translator, item: { needs: string }) => item.needs.split(',').map((n) => choiceLabel(t, 'needArea', n)).join(', ');

/** `2026-모라3-014 · 사정 · 고난도 · 위험 고 · 주거, 경제` */
export function itemHeadline(t: Translator, item: ItemLike): string {
  return t('agenda.headline', { code: item.caseCode, stage: choiceLabel(t, 'caseStage', item.stage), type: choiceLabel(t, 'caseType', item.type), risk: item.risk, needs: needs(t, item) });
}

export function itemCard(t: Translator, item: ItemLike, history: History = []): Card {
  const lines = [itemHeadline(t, item)];
  if (item.summary) lines.push(`${t('agenda.fieldSummary')}: ${item.summary}`);
  if (item.resources) lines.push(`${t('agenda.fieldResources')}: ${item.resources}`);
  if (item.question) lines.push(`${t('agenda.fieldQuestion')}: ${item.question}`);
  if (history.length) lines.push(t('agenda.historyTitle'), ...history.map((h) => historyLine(t, h)));
  return { title: t('agenda.itemTitle', { id: item.id, status: choiceLabel(t, 'itemStatus', item.status) }), lines };
}

export function historyLine(t: Translator, h: History[number]): string {
  return t('agenda.historyLine', {
    date: h.agenda.original,
    title: h.agenda.series.title,
    stage: choiceLabel(t, 'caseStage', h.stage),
    decision: h.decision ? choiceLabel(t, 'decision', h.decision) : t('agenda.noDecision'),
    next: h.nextCheck ?? '-',
  });
}

/** The compiled agenda: numbered, emergencies and high risk first, joint cases once with every agency, then who sent nothing. */
export function compiledCard(t: Translator, compiled: Compiled): Card {
  const { agenda, items } = compiled;
  const lines = items.map((item, i) => {
    const agencies = [item.orgId, ...item.agencies.map((a) => a.orgId)].map(compiled.orgName).join(' + ');
    const parts = [`${i + 1}. ${itemHeadline(t, item)} · ${agencies}${item.status === 'accepted' ? ` (${t('agenda.addendum')})` : ''}`];
    if (item.question) parts.push(`   ${t('agenda.fieldQuestion')}: ${item.question}`);
    return parts.join('\n');
  });
  if (items.length === 0) lines.push(t('agenda.noItems'));
  if (compiled.silent.length) lines.push(t('agenda.silentLine', { orgs: compiled.silent.map((o) => o.name).join(', ') }));
  return { title: t('agenda.compiledTitle', { title: agenda.series.title, date: agenda.original, count: items.length }), lines, footer: t('agenda.compiledFooter', { id: agenda.seriesId, date: agenda.original }) };
}

export function followUpCard(t: Translator, item: ItemRow, overdue: boolean): Card {
  return {
    title: t(overdue ? 'agenda.overdueTitle' : 'agenda.followUpTitle', { code: item.caseCode }),
    lines: [t(overdue ? 'agenda.overdueBody' : 'agenda.followUpBody', { code: item.caseCode, date: item.nextCheck ?? '-', roles: item.roles ?? '-', id: item.id })],
    buttons: [{ label: t('agenda.followUpDoneButton'), command: `/case done ${item.id}`, style: 'primary', updatesMessage: true }],
  };
}
