import { choiceLabel } from '../src/core/i18n/index.ts';
import { defineCommand, subcommand } from '../src/features/context.ts';
import { compiledCard, itemCard, itemHeadline } from '../src/features/agenda/cards.ts';
import { acceptLate, addItem, agendaFor, chairView, decide, editItem, exportAgenda, setCaseSettings, setupAgenda, visibleItems, withdrawItem } from '../src/features/agenda/service.ts';

/** Every text about a case passes the strict guard: no names with titles, no phones, no addresses. */
const itemOptions = [
  { name: 'case', type: 'string', text: 'case' },
  { name: 'stage', type: 'choice', choices: 'caseStage' },
  { name: 'type', type: 'choice', choices: 'caseType' },
  { name: 'risk', type: 'string', text: 'case' },
  { name: 'needs', type: 'string', text: 'case' },
  { name: 'summary', type: 'string', text: 'case', multiline: true },
  { name: 'resources', type: 'string', text: 'case', multiline: true },
  { name: 'question', type: 'string', text: 'case', multiline: true },
] as const;

/** A meeting of a series: its next one, or the one on a given date. */
const oneMeeting = [
  { name: 'meetup', type: 'integer', required: true, positional: true },
  { name: 'on', type: 'date' },
] as const;

export default defineCommand({
  name: 'agenda',
  features: ['agenda'],
  subcommands: {
    add: subcommand({
      roles: 'any',
      options: [
        { name: 'meetup', type: 'integer', required: true, positional: true },
        { name: 'case', type: 'string', required: true, text: 'case' },
        { name: 'stage', type: 'choice', choices: 'caseStage', required: true },
        { name: 'type', type: 'choice', choices: 'caseType' },
        { name: 'risk', type: 'string', required: true, text: 'case' },
        { name: 'needs', type: 'string', required: true, text: 'case' },
        { name: 'summary', type: 'string', text: 'case', multiline: true },
        { name: 'resources', type: 'string', text: 'case', multiline: true },
        { name: 'question', type: 'string', text: 'case', multiline: true },
        { name: 'consent', type: 'boolean', required: true },
        { name: 'on', type: 'date' },
      ],
      handler: async (ctx) => {
        const o = ctx.options;
        const result = await addItem(
          ctx,
          ctx.t,
          o.meetup,
          { caseCode: o.case, stage: o.stage, type: o.type ?? 'general', risk: o.risk, needs: o.needs, summary: o.summary, resources: o.resources, question: o.question, consent: o.consent },
          o.on,
        );
        const key = result.joint ? 'agenda.addedJoint' : result.late ? 'agenda.addedLate' : 'agenda.added';
        const card = itemCard(ctx.t, result.item, result.history);
        return { card: { ...card, tone: 'success', lines: [ctx.t(key, { id: result.item.id, code: result.item.caseCode }), ...(card.lines ?? [])] }, ephemeral: true };
      },
    }),
    list: subcommand({
      roles: 'any',
      options: oneMeeting,
      handler: async (ctx) => {
        const { series, agenda } = await agendaFor(ctx, ctx.options.meetup, ctx.options.on);
        const { items, all } = await visibleItems(ctx, agenda.id, series);
        if (items.length === 0) return { card: { lines: [ctx.t('agenda.listEmpty', { id: series.id, date: agenda.original })] }, ephemeral: true };
        return {
          card: {
            title: ctx.t(all ? 'agenda.listAll' : 'agenda.listOwn', { title: series.title, date: agenda.original, count: items.length }),
            lines: items.map((i) => `#${i.id} ${itemHeadline(ctx.t, i)} · ${choiceLabel(ctx.t, 'itemStatus', i.status)}`),
          },
          ephemeral: true,
        };
      },
    }),
    edit: subcommand({
      roles: 'any',
      options: [{ name: 'item', type: 'integer', required: true, positional: true }, ...itemOptions],
      handler: async (ctx) => {
        const { item: id, case: caseCode, ...rest } = ctx.options;
        const item = await editItem(ctx, ctx.t, id, { caseCode, ...rest });
        return { card: { ...itemCard(ctx.t, item), tone: 'success' }, ephemeral: true };
      },
    }),
    withdraw: subcommand({
      roles: 'any',
      options: [{ name: 'item', type: 'integer', required: true, positional: true }],
      handler: async (ctx) => {
        const item = await withdrawItem(ctx, ctx.options.item);
        return { card: { tone: 'success', lines: [ctx.t('agenda.withdrawn', { id: item.id, code: item.caseCode })] }, ephemeral: true };
      },
    }),
    accept: subcommand({
      roles: 'any',
      options: [{ name: 'item', type: 'integer', required: true, positional: true }],
      handler: async (ctx) => {
        const item = await acceptLate(ctx, ctx.options.item);
        return { tone: 'success', lines: [ctx.t('agenda.accepted', { id: item.id, code: item.caseCode })] };
      },
    }),
    show: subcommand({
      roles: 'any',
      options: oneMeeting,
      handler: async (ctx) => {
        return { card: compiledCard(ctx.t, await chairView(ctx, ctx.options.meetup, ctx.options.on)), ephemeral: true };
      },
    }),
    export: subcommand({
      roles: 'any',
      options: [
        { name: 'meetup', type: 'integer', required: true, positional: true },
        { name: 'format', type: 'choice', choices: 'agendaFormat' },
        { name: 'on', type: 'date' },
      ],
      handler: async (ctx) => {
        const file = await exportAgenda(ctx, ctx.t, ctx.options.meetup, ctx.options.format ?? 'csv', ctx.options.on);
        return { card: { tone: 'success', lines: [ctx.t('agenda.exported', { count: file.count, name: file.name })] }, files: [file], ephemeral: true };
      },
    }),
    decide: subcommand({
      roles: 'any',
      options: [
        { name: 'item', type: 'integer', required: true, positional: true },
        { name: 'decision', type: 'choice', choices: 'decision', required: true },
        { name: 'lead', type: 'string', suggest: 'org' },
        { name: 'roles', type: 'string', text: 'case', multiline: true },
        { name: 'next', type: 'date' },
      ],
      handler: async (ctx) => {
        const o = ctx.options;
        const item = await decide(ctx, o.item, { decision: o.decision, leadRef: o.lead, roles: o.roles, next: o.next });
        return { tone: 'success', lines: [ctx.t('agenda.decided', { id: item.id, code: item.caseCode, decision: choiceLabel(ctx.t, 'decision', o.decision), next: item.nextCheck ?? '-' })] };
      },
    }),
    setup: subcommand({
      roles: ['coordinator', 'head', 'staff'],
      options: [
        { name: 'meetup', type: 'integer', required: true, positional: true },
        { name: 'days', type: 'integer' },
        { name: 'closes', type: 'time' },
      ],
      handler: async (ctx) => {
        const series = await setupAgenda(ctx, ctx.options.meetup, { days: ctx.options.days, closes: ctx.options.closes });
        const days = series.agendaDays ?? (series.kind === 'case-conference' ? 7 : 0);
        return { tone: 'success', lines: [ctx.t(days > 0 ? 'agenda.setupOn' : 'agenda.setupOff', { id: series.id, title: series.title, days, closes: series.agendaCloses })] };
      },
    }),
    format: subcommand({
      roles: ['coordinator'],
      options: [
        { name: 'sigungu', type: 'string', required: true, positional: true },
        { name: 'pattern', type: 'string' },
        { name: 'example', type: 'string', text: 'case' },
        { name: 'risks', type: 'string' },
      ],
      handler: async (ctx) => {
        const o = ctx.options;
        const saved = await setCaseSettings(ctx, { sigungu: o.sigungu, pattern: o.pattern, example: o.example, risks: o.risks });
        return { tone: 'success', lines: [ctx.t('agenda.formatSet', { sigungu: o.sigungu, example: saved.codeExample, risks: saved.risks.join(', ') })] };
      },
    }),
  },
});
