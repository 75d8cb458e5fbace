// Case-conference agendas: intake before each meeting (open, remind the
// silent agencies, close and compile), joint cases, decisions and follow-ups
// after, and retention. Only coordination metadata: case codes, stage, type,
// risk, need areas, dates; every free text passes the strict 'case' guard
// (option declarations) and summaries are deleted after the retention time.
import { addDays, formatSeoulDateTime, seoulDate, seoulInstant, type IsoDate } from '../../core/calendar/index.ts';
import { toCsv } from '../../core/csv.ts';
import { UserError } from '../../core/errors.ts';
import { choiceLabel, type Translator } from '../../core/i18n/index.ts';
import type { ScheduleInput } from '../../scheduler/scheduler.ts';
import { recordAudit } from '../audit/service.ts';
import type { FeatureContext } from '../context.ts';
import { findOrganization } from '../directory/service.ts';
import { closuresBetween } from '../holidays/service.ts';
import type { Occurrence, Series } from '../meetups/model.ts';
import { findSeries, occurrenceFor, occurrencesOf } from '../meetups/service.ts';
import { compiledCard } from './cards.ts';
import { compiledAgendaInclude, historyInclude, itemInclude, type CaseHistory, type CompiledAgenda, type ItemRow } from './model.ts';
import { agendaClose, agendaOpen, agendaRemind, caseFollowUp } from './jobs.ts';
import {
  agendaDays,
  agendaOrder,
  caseCodeFits,
  compileCodePattern,
  DEFAULT_CODE_EXAMPLE,
  DEFAULT_CODE_PATTERN,
  DEFAULT_RISK_LEVELS,
  DEFAULT_RETENTION_DAYS,
  intakeWindow,
  type CaseStage,
  type CaseType,
  type Decision,
} from './rules.ts';

const loadItem = ({ db }: Pick<FeatureContext, 'db'>, id: number) => db.agendaItem.findUnique({ where: { id }, include: itemInclude });

export async function findItem(ctx: Pick<FeatureContext, 'db'>, id: number): Promise<ItemRow> {
  const item = await loadItem(ctx, id);
  if (!item) throw new UserError('agenda.itemNotFound', { id });
  return item;
}

// ---------- settings ----------

/** The district's case-code format and risk levels (the organiser's 시군구), or the defaults. */
export async function caseSettings(ctx: Pick<FeatureContext, 'db'>, sigungu: string | null | undefined) {
  const row = sigungu ? await ctx.db.caseSettings.findUnique({ where: { sigungu } }) : null;
  return {
    pattern: row?.codePattern ?? DEFAULT_CODE_PATTERN,
    example: row?.codeExample ?? DEFAULT_CODE_EXAMPLE,
    risks: row ? row.riskLevels.split(',').map((r) => r.trim()).filter(Boolean) : DEFAULT_RISK_LEVELS,
  };
}

export async function setCaseSettings(ctx: FeatureContext, input: { sigungu: string; pattern?: string; example?: string; risks?: string }) {
  const current = await caseSettings(ctx, input.sigungu);
  const pattern = input.pattern ?? current.pattern;
  if (!compileCodePattern(pattern)) throw new UserError('agenda.badPattern');
  const example = input.example ?? current.example;
  if (!caseCodeFits(example, pattern)) throw new UserError('agenda.exampleMismatch');
  const risks = input.risks ? input.risks.split(/[,\s]+/).filter(Boolean) : current.risks;
  if (risks.length < 2 || risks.length > 6) throw new UserError('agenda.badRisks');
  const data = { codePattern: pattern, codeExample: example, riskLevels: risks.join(',') };
  await ctx.db.$transaction(async (tx) => {
    await tx.caseSettings.upsert({ where: { sigungu: input.sigungu }, create: { sigungu: input.sigungu, ...data }, update: data });
    await recordAudit(tx, ctx.clock, ctx.actor, 'agenda.settings', `district ${input.sigungu}`, data);
  });
  return { ...data, risks };
}

// ---------- intake windows ----------

/** Turns intake on or off for a series (days before; 0 = off) and sets the closing time. */
export async function setupAgenda(ctx: FeatureContext, seriesId: number, input: { days?: number; closes?: string }) {
  const series = await findSeries(ctx, seriesId);
  assertChair(ctx, series);
  if (input.days !== undefined && (input.days < 0 || input.days > 30)) throw new UserError('agenda.badDays');
  await ctx.db.$transaction(async (tx) => {
    await tx.meetupSeries.update({ where: { id: seriesId }, data: { agendaDays: input.days, agendaCloses: input.closes } });
    await recordAudit(tx, ctx.clock, ctx.actor, 'agenda.setup', `meetup #${seriesId}`, input);
  });
  const updated = await findSeries(ctx, seriesId);
  await planAgendas(ctx, updated);
  return updated;
}

/**
 * Makes sure every occurrence of a series whose intake opens within the next
 * weeks has its agenda and jobs (open, remind, close); moved dates move them.
 */
export async function planAgendas(ctx: FeatureContext, series: Series): Promise<number> {
  const days = agendaDays(series);
  if (days <= 0 || series.status !== 'active') return 0;
  const now = ctx.clock.now();
  const today = seoulDate(now);
  const horizon = addDays(today, days + 21);
  const closures = await closuresBetween(ctx, addDays(today, -10), addDays(horizon, 10));
  let planned = 0;
  for (const occurrence of occurrencesOf(series, addDays(today, -10), horizon, closures)) {
    if (occurrence.start <= now) continue;
    await ensureAgenda(ctx, series, occurrence, days, closures);
    planned++;
  }
  return planned;
}

async function ensureAgenda(ctx: FeatureContext, series: Series, occurrence: Occurrence, days: number, closures: ReadonlySet<string>) {
  const window = intakeWindow(occurrence.date, days, series.agendaCloses, closures);
  const agenda = await ctx.db.agenda.upsert({
    where: { seriesId_original: { seriesId: series.id, original: occurrence.original } },
    create: { seriesId: series.id, original: occurrence.original, opensAt: window.opensAt, closesAt: window.closesAt, createdAt: ctx.clock.now() },
    update: { opensAt: window.opensAt, closesAt: window.closesAt },
  });
  if (agenda.status === 'closed') return agenda;
  const payload = { agendaId: agenda.id };
  const group = `agenda:${agenda.id}`;
  const jobs: ScheduleInput[] = [
    agendaOpen.entry({ key: `agenda:${agenda.id}:open`, payload, dueAt: window.opensAt, lateUntil: window.closesAt, group }),
    agendaRemind.entry({ key: `agenda:${agenda.id}:remind`, payload, dueAt: window.remindAt, lateUntil: window.closesAt, group }),
    agendaClose.entry({ key: `agenda:${agenda.id}:close`, payload, dueAt: window.closesAt, group }),
  ];
  await ctx.scheduler.replaceGroup(group, jobs);
  return agenda;
}

/** The agenda of a series' next meeting (or of the one on `on`), created on demand. */
export async function agendaFor(ctx: FeatureContext, seriesId: number, on?: IsoDate) {
  const series = await findSeries(ctx, seriesId);
  const days = agendaDays(series);
  if (days <= 0) throw new UserError('agenda.notEnabled', { id: seriesId, title: series.title });
  const occurrence = await occurrenceFor(ctx, series, on);
  const closures = await closuresBetween(ctx, addDays(occurrence.date, -days - 10), addDays(occurrence.date, 10));
  const agenda = await ensureAgenda(ctx, series, occurrence, days, closures);
  return { series, occurrence, agenda };
}

// ---------- who may ----------

/** The chair of an agenda: coordinators, admins, and the organiser's head or staff. */
function isChair(ctx: FeatureContext, series: { organiserId: number }): boolean {
  const { roles, orgId } = ctx.actor;
  return roles.has('admin') || roles.has('coordinator') || (orgId !== undefined && orgId === series.organiserId);
}

function assertChair(ctx: FeatureContext, series: { organiserId: number; title: string; id: number }): void {
  if (!isChair(ctx, series)) throw new UserError('agenda.notChair', { id: series.id, title: series.title });
}

/** Submitting agencies: members of a participating organisation. */
function assertParticipant(ctx: FeatureContext, series: Series): number {
  const orgId = ctx.actor.orgId;
  if (orgId === undefined || !series.participants.some((p) => p.orgId === orgId)) {
    throw new UserError('agenda.notParticipant', { id: series.id, title: series.title, orgs: series.participants.map((p) => p.org.name).join(', ') });
  }
  return orgId;
}

// ---------- items ----------

export interface ItemInput {
  caseCode: string;
  stage: CaseStage;
  type: CaseType;
  risk: string;
  needs: string;
  summary?: string;
  resources?: string;
  question?: string;
  consent: boolean;
}

const NEED_SPLIT = /[,\s/·]+/;

async function checkItem(ctx: FeatureContext, series: Series, input: Partial<ItemInput>, t: Translator) {
  if (input.consent === false) throw new UserError('agenda.noConsent');
  const settings = await caseSettings(ctx, series.organiser.sigungu);
  if (input.caseCode !== undefined && !caseCodeFits(input.caseCode, settings.pattern)) {
    throw new UserError('agenda.badCaseCode', { example: settings.example });
  }
  if (input.risk !== undefined && !settings.risks.includes(input.risk)) throw new UserError('agenda.badRisk', { risks: settings.risks.join(', ') });
  let needs: string | undefined;
  if (input.needs !== undefined) {
    const words = input.needs.split(NEED_SPLIT).filter(Boolean);
    const areas = words.map((w) => needArea(t, w));
    const bad = words.find((_, i) => !areas[i]);
    if (bad || areas.length === 0) throw new UserError('agenda.badNeeds');
    needs = [...new Set(areas as string[])].join(',');
  }
  return { settings, needs };
}

/** A need area in either language (안전, 건강, …, or safety, health, …). */
function needArea(t: Translator, word: string): string | undefined {
  for (const locale of ['ko', 'en'] as const) {
    const groups = (t.catalog.choices.needArea ?? {}) as Record<string, readonly string[]>;
    void locale;
    for (const [value, labels] of Object.entries(groups)) if (value === word || labels.includes(word)) return value;
  }
  return undefined;
}

/**
 * Adds an item to the next meeting's agenda (or the one on `on`). A case code
 * another agency brought already becomes one joint item, and both are told;
 * after the close the item waits for the chair as a late addendum.
 */
export async function addItem(ctx: FeatureContext, t: Translator, seriesId: number, input: ItemInput, on?: IsoDate) {
  const { series, agenda } = await agendaFor(ctx, seriesId, on);
  const orgId = assertParticipant(ctx, series);
  const now = ctx.clock.now();
  if (now < agenda.opensAt) throw new UserError('agenda.notOpen', { opens: formatSeoulDateTime(agenda.opensAt) });
  const { needs } = await checkItem(ctx, series, input, t);
  const existing = await ctx.db.agendaItem.findFirst({ where: { agendaId: agenda.id, caseCode: input.caseCode, status: { not: 'withdrawn' } }, include: { agencies: true } });
  if (existing && (existing.orgId === orgId || existing.agencies.some((a) => a.orgId === orgId))) {
    throw new UserError('agenda.duplicate', { code: input.caseCode, id: existing.id });
  }
  const late = now >= agenda.closesAt;
  if (existing) {
    // The same household from a second agency: one joint item, both told at once.
    await ctx.db.$transaction(async (tx) => {
      await tx.agendaAgency.create({ data: { itemId: existing.id, orgId, memberId: ctx.actor.memberId ?? null } });
      await tx.agendaItem.update({ where: { id: existing.id }, data: { updatedAt: now } });
      await recordAudit(tx, ctx.clock, ctx.actor, 'agenda.joint', `agenda-item #${existing.id}`, { org: orgId });
    });
    const orgs = await ctx.db.organization.findMany({ where: { id: { in: [existing.orgId, orgId] } }, select: { id: true, name: true } });
    const name = (id: number) => orgs.find((o) => o.id === id)?.name ?? '-';
    for (const [to, other] of [[existing.orgId, orgId], [orgId, existing.orgId]] as const) {
      await ctx.deliver.deliver(
        { kind: 'org', id: to },
        (tr) => ({ title: tr('agenda.jointTitle', { code: input.caseCode }), lines: [tr('agenda.jointBody', { code: input.caseCode, other: name(other), id: existing.id })] }),
        `agenda-joint:${existing.id}:${to}`,
      );
    }
    return { item: await findItem(ctx, existing.id), joint: true, late, history: await caseHistory(ctx, input.caseCode, agenda.id) };
  }
  const item = await ctx.db.$transaction(async (tx) => {
    const created = await tx.agendaItem.create({
      data: {
        agendaId: agenda.id,
        caseCode: input.caseCode,
        stage: input.stage,
        type: input.type,
        risk: input.risk,
        // biome-ignore lint/style/noNonNullAssertion: an ItemInput has needs, so checkItem parsed them
        needs: needs!,
        summary: input.summary ?? null,
        resources: input.resources ?? null,
        question: input.question ?? null,
        status: late ? 'late' : 'submitted',
        orgId,
        memberId: ctx.actor.memberId ?? null,
        createdAt: now,
        updatedAt: now,
      },
    });
    // The audit row names the case code only, never the texts.
    await recordAudit(tx, ctx.clock, ctx.actor, 'agenda.add', `agenda-item #${created.id}`, { code: input.caseCode, late });
    return created;
  });
  if (late) await askChairForLateItem(ctx, series, item.id, input.caseCode);
  return { item: await findItem(ctx, item.id), joint: false, late, history: await caseHistory(ctx, input.caseCode, agenda.id) };
}

async function askChairForLateItem(ctx: FeatureContext, series: Series, itemId: number, code: string) {
  await ctx.deliver.deliver(
    { kind: 'org', id: series.organiserId },
    (t) => ({
      lines: [t('agenda.lateAsk', { code, id: itemId, title: series.title })],
      buttons: [{ label: t('agenda.acceptButton'), command: `/agenda accept ${itemId}`, style: 'primary' }],
    }),
    `agenda-late:${itemId}`,
  );
}

/** The submitting agency edits its item until the close. */
export async function editItem(ctx: FeatureContext, t: Translator, id: number, input: Partial<ItemInput>) {
  const item = await findItem(ctx, id);
  assertOwnItem(ctx, item);
  if (ctx.clock.now() >= item.agenda.closesAt && item.status !== 'late') throw new UserError('agenda.closed', { id });
  if (Object.values(input).every((v) => v === undefined)) throw new UserError('agenda.nothingToEdit');
  const { needs } = await checkItem(ctx, item.agenda.series as unknown as Series, input, t);
  await ctx.db.$transaction(async (tx) => {
    await tx.agendaItem.update({
      where: { id },
      data: {
        caseCode: input.caseCode,
        stage: input.stage,
        type: input.type,
        risk: input.risk,
        needs,
        summary: input.summary,
        resources: input.resources,
        question: input.question,
        updatedAt: ctx.clock.now(),
      },
    });
    await recordAudit(tx, ctx.clock, ctx.actor, 'agenda.edit', `agenda-item #${id}`, Object.fromEntries(Object.keys(input).map((k) => [k, true])));
  });
  return findItem(ctx, id);
}

export async function withdrawItem(ctx: FeatureContext, id: number) {
  const item = await findItem(ctx, id);
  assertOwnItem(ctx, item);
  if (item.status === 'withdrawn') throw new UserError('agenda.alreadyWithdrawn', { id });
  if (ctx.clock.now() >= item.agenda.closesAt && item.status !== 'late') throw new UserError('agenda.closed', { id });
  await ctx.db.$transaction(async (tx) => {
    await tx.agendaItem.update({ where: { id }, data: { status: 'withdrawn', updatedAt: ctx.clock.now() } });
    await recordAudit(tx, ctx.clock, ctx.actor, 'agenda.withdraw', `agenda-item #${id}`);
  });
  return item;
}

function assertOwnItem(ctx: FeatureContext, item: ItemRow): void {
  const orgId = ctx.actor.orgId;
  const own = orgId !== undefined && (item.orgId === orgId || item.agencies.some((a) => a.orgId === orgId));
  if (!own && !ctx.actor.roles.has('admin')) throw new UserError('agenda.notYourItem', { id: item.id });
}

/** The chair takes a late item into the agenda as an addendum; a compiled agenda is posted again. */
export async function acceptLate(ctx: FeatureContext, id: number) {
  const item = await findItem(ctx, id);
  assertChair(ctx, item.agenda.series);
  if (item.status !== 'late') throw new UserError('agenda.notLate', { id });
  await ctx.db.$transaction(async (tx) => {
    await tx.agendaItem.update({ where: { id }, data: { status: 'accepted', updatedAt: ctx.clock.now() } });
    await recordAudit(tx, ctx.clock, ctx.actor, 'agenda.accept', `agenda-item #${id}`);
  });
  if (item.agenda.status === 'closed') await postCompiled(ctx, item.agendaId, `agenda:${item.agendaId}:addendum:${id}`);
  return item;
}

// ---------- reading ----------

/** Items of an agenda: the chair sees all, an agency its own. */
export async function visibleItems(ctx: FeatureContext, agendaId: number, series: { organiserId: number }) {
  const items = await ctx.db.agendaItem.findMany({ where: { agendaId, status: { not: 'withdrawn' } }, include: { agencies: true }, orderBy: { id: 'asc' } });
  if (isChair(ctx, series)) return { items, all: true };
  const orgId = ctx.actor.orgId;
  return { items: items.filter((i) => i.orgId === orgId || i.agencies.some((a) => a.orgId === orgId)), all: false };
}

/** The compiled agenda: submitted and accepted items in order, and the participating agencies that sent nothing. */
/** The compiled agenda of one meeting, shown to its chair only. */
export async function chairView(ctx: FeatureContext, seriesId: number, on?: IsoDate): Promise<CompiledAgenda> {
  const { series, agenda } = await agendaFor(ctx, seriesId, on);
  assertChair(ctx, series);
  return compile(ctx, agenda.id);
}

export async function compile(ctx: Pick<FeatureContext, 'db'>, agendaId: number): Promise<CompiledAgenda> {
  const agenda = await ctx.db.agenda.findUniqueOrThrow({ where: { id: agendaId }, include: compiledAgendaInclude });
  const items = await ctx.db.agendaItem.findMany({ where: { agendaId, status: { in: ['submitted', 'accepted'] } }, include: { agencies: true } });
  const settings = await caseSettings(ctx, agenda.series.organiser.sigungu);
  const ordered = agendaOrder(items, settings.risks);
  const submitters = new Set(items.flatMap((i) => [i.orgId, ...i.agencies.map((a) => a.orgId)]));
  const silent = agenda.series.participants.filter((p) => !submitters.has(p.orgId)).map((p) => p.org);
  const orgIds = [...submitters];
  const orgs = new Map((await ctx.db.organization.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true } })).map((o) => [o.id, o.name]));
  return { agenda, items: ordered, silent, orgName: (id: number) => orgs.get(id) ?? `#${id}` };
}

/** Posts the compiled agenda to the meeting's channels and DMs the participants (active members of the participating agencies). */
export async function postCompiled(ctx: FeatureContext, agendaId: number, key: string): Promise<void> {
  const compiled = await compile(ctx, agendaId);
  const card = (t: Translator) => compiledCard(t, compiled);
  const series = compiled.agenda.series;
  for (const p of series.participants) await ctx.deliver.deliver({ kind: 'org', id: p.orgId }, card, key);
  if (series.partnershipId) await ctx.deliver.deliver({ kind: 'partnership', id: series.partnershipId }, card, key);
  const people = await ctx.db.member.findMany({ where: { status: 'active', orgId: { in: series.participants.map((p) => p.orgId) } }, select: { id: true }, take: 500 });
  for (const person of people) await ctx.deliver.deliver({ kind: 'member', id: person.id }, card, `${key}:m${person.id}`);
}

/** CSV (Korean headers, as Excel writes it: ../../core/csv.ts) or Markdown of the compiled agenda. */
export async function exportAgenda(ctx: FeatureContext, t: Translator, seriesId: number, format: 'csv' | 'md', on?: IsoDate) {
  const { series, agenda } = await agendaFor(ctx, seriesId, on);
  assertChair(ctx, series);
  const compiled = await compile(ctx, agenda.id);
  const rows = compiled.items.map((item, i) => [
    String(i + 1),
    item.caseCode,
    [item.orgId, ...item.agencies.map((a) => a.orgId)].map(compiled.orgName).join(' + '),
    choiceLabel(t, 'caseStage', item.stage),
    choiceLabel(t, 'caseType', item.type),
    item.risk,
    item.needs.split(',').map((n) => choiceLabel(t, 'needArea', n)).join(', '),
    item.summary ?? '',
    item.resources ?? '',
    item.question ?? '',
    item.status === 'accepted' ? t('agenda.addendum') : '',
  ]);
  const header = ['no', 'case', 'agencies', 'stage', 'type', 'risk', 'needs', 'summary', 'resources', 'question', 'note'].map((k) => t(`agenda.col.${k}` as 'agenda.col.no'));
  const name = `agenda-${seriesId}-${agenda.original}`;
  if (format === 'csv') {
    return { name: `${name}.csv`, mimeType: 'text/csv', content: await toCsv([header, ...rows]), count: rows.length };
  }
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const md = [
    `# ${series.title} ${agenda.original}`,
    '',
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
    '',
    compiled.silent.length ? t('agenda.silentLine', { orgs: compiled.silent.map((o) => o.name).join(', ') }) : '',
  ].join('\n');
  return { name: `${name}.md`, mimeType: 'text/markdown', content: md, count: rows.length };
}

/**
 * Earlier appearances of a case code: when, decision, lead agency, next check.
 * Each appearance only to the agencies of its meeting (the proposing and joint
 * agencies, the organiser, the participants) and to coordinators and admins:
 * an agency that was not there learns nothing, not even that the code exists.
 */
export async function caseHistory(ctx: Pick<FeatureContext, 'db' | 'actor'>, code: string, exceptAgendaId?: number): Promise<CaseHistory> {
  const { roles, orgId } = ctx.actor;
  const everything = roles.has('admin') || roles.has('coordinator');
  if (!everything && orgId === undefined) return [];
  const atTheMeeting = [
    { orgId },
    { agencies: { some: { orgId } } },
    { agenda: { series: { organiserId: orgId } } },
    { agenda: { series: { participants: { some: { orgId } } } } },
  ];
  return ctx.db.agendaItem.findMany({
    where: {
      caseCode: code,
      status: { not: 'withdrawn' },
      ...(exceptAgendaId ? { agendaId: { not: exceptAgendaId } } : {}),
      ...(everything ? {} : { OR: atTheMeeting }),
    },
    include: historyInclude,
    orderBy: { id: 'desc' },
    take: 10,
  });
}

// ---------- after the meeting ----------

export interface DecisionInput {
  decision: Decision;
  leadRef?: string;
  roles?: string;
  next?: IsoDate;
}

/** The chair records the decision, the lead agency (주사례관리), the others' roles and the next check date; the follow-up is scheduled. */
export async function decide(ctx: FeatureContext, id: number, input: DecisionInput) {
  const item = await findItem(ctx, id);
  assertChair(ctx, item.agenda.series);
  if (item.status === 'withdrawn' || item.status === 'late') throw new UserError('agenda.notOnAgenda', { id });
  const lead = input.leadRef ? await findOrganization(ctx, input.leadRef) : undefined;
  const today = seoulDate(ctx.clock.now());
  if (input.next && input.next < today) throw new UserError('agenda.nextPast', { next: input.next });
  await ctx.db.$transaction(async (tx) => {
    await tx.agendaItem.update({
      where: { id },
      data: { decision: input.decision, leadOrgId: lead?.id ?? item.leadOrgId, roles: input.roles ?? item.roles, nextCheck: input.next ?? item.nextCheck, followUpDoneAt: null, updatedAt: ctx.clock.now() },
    });
    await recordAudit(tx, ctx.clock, ctx.actor, 'agenda.decide', `agenda-item #${id}`, { code: item.caseCode, decision: input.decision, lead: lead?.id, next: input.next });
  });
  const next = input.next ?? item.nextCheck;
  if (next) {
    await caseFollowUp.schedule(ctx.scheduler, { key: `case-followup:${id}:${next}`, payload: { itemId: id, overdue: false }, dueAt: seoulInstant(next, '09:00'), group: `case:${id}` });
    await caseFollowUp.schedule(ctx.scheduler, { key: `case-followup:${id}:${next}:overdue`, payload: { itemId: id, overdue: true }, dueAt: seoulInstant(addDays(next, 3), '09:00'), group: `case:${id}` });
  }
  return findItem(ctx, id);
}

/** Closes an item's follow-up (the lead agency or the chair). */
export async function closeFollowUp(ctx: FeatureContext, id: number) {
  const item = await findItem(ctx, id);
  const lead = item.leadOrgId !== null && ctx.actor.orgId === item.leadOrgId;
  if (!lead && !isChair(ctx, item.agenda.series)) throw new UserError('agenda.notLead', { id, code: item.caseCode });
  if (!item.nextCheck) throw new UserError('agenda.noFollowUp', { id });
  if (item.followUpDoneAt) throw new UserError('agenda.followUpDone', { id });
  await ctx.db.$transaction(async (tx) => {
    await tx.agendaItem.update({ where: { id }, data: { followUpDoneAt: ctx.clock.now() } });
    await ctx.scheduler.cancelGroup(`case:${id}`, tx);
    await recordAudit(tx, ctx.clock, ctx.actor, 'agenda.followup', `agenda-item #${id}`, { code: item.caseCode });
  });
  return item;
}

/** Follow-ups due (by today) or coming in the next 14 days: the caller's agency's, all for coordinators. */
export async function dueFollowUps(ctx: FeatureContext) {
  const today = seoulDate(ctx.clock.now());
  const all = ctx.actor.roles.has('admin') || ctx.actor.roles.has('coordinator');
  return ctx.db.agendaItem.findMany({
    where: {
      nextCheck: { not: null, lte: addDays(today, 14) },
      followUpDoneAt: null,
      status: { in: ['submitted', 'accepted'] },
      ...(all ? {} : { leadOrgId: ctx.actor.orgId ?? -1 }),
    },
    orderBy: [{ nextCheck: 'asc' }, { id: 'asc' }],
    take: 50,
  });
}

// ---------- retention ----------

/** Deletes summaries, resources and questions a retention time after the meeting; codes, stages, decisions and dates stay. */
export async function purgeOld(ctx: FeatureContext, retentionDays = DEFAULT_RETENTION_DAYS): Promise<number> {
  const cutoff = addDays(seoulDate(ctx.clock.now()), -retentionDays);
  const old = await ctx.db.agenda.findMany({ where: { original: { lt: cutoff } }, select: { id: true }, take: 1000 });
  if (old.length === 0) return 0;
  const result = await ctx.db.agendaItem.updateMany({
    where: { agendaId: { in: old.map((a) => a.id) }, purgedAt: null },
    data: { summary: null, resources: null, question: null, purgedAt: ctx.clock.now() },
  });
  if (result.count) await recordAudit(ctx.db, ctx.clock, ctx.actor, 'agenda.purge', 'agenda items', { count: result.count, before: cutoff });
  return result.count;
}

