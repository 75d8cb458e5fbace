import { defineCommand, subcommand, type FeatureContext } from '../src/features/context.ts';
import { checklistCard, previewCard, transferCard, transferLine } from '../src/features/transfers/cards.ts';
import {
  addItem,
  approveTransfer,
  cancelTransfer,
  confirmReceived,
  confirmTransfer,
  createTransfer,
  editTransfer,
  findTransfer,
  listTransfers,
  partnerOrgNames,
  setReshuffleReminders,
  tickItems,
  transferNames,
} from '../src/features/transfers/service.ts';
import type { TransferRow } from '../src/features/transfers/model.ts';
import { checklistNumbers, type LeaveReason } from '../src/features/transfers/rules.ts';

/** The transfer's card with the names of the partners who will be told. */
async function fullCard(ctx: FeatureContext, transfer: TransferRow) {
  const [names, partnerNames] = await Promise.all([transferNames(ctx, transfer), partnerOrgNames(ctx, transfer)]);
  return { names, partnerNames };
}

const moveOptions = [
  { name: 'to', type: 'string', suggest: 'org' },
  { name: 'position', type: 'string' },
  { name: 'leave', type: 'choice', choices: 'leaveReason' },
  { name: 'successor', type: 'string', suggest: 'member' },
  { name: 'acting', type: 'string', suggest: 'member' },
  { name: 'note', type: 'string', multiline: true },
  { name: 'announce', type: 'string', multiline: true },
] as const;

/** The move options as the service's input (create and edit share them). */
const moveInput = (o: { to?: string; position?: string; leave?: LeaveReason; successor?: string; acting?: string; note?: string; announce?: string }) => ({
  toRef: o.to,
  position: o.position,
  leave: o.leave,
  successorRef: o.successor,
  actingRef: o.acting,
  note: o.note,
  announce: o.announce,
});

export default defineCommand({
  name: 'transfer',
  features: ['transfers'],
  subcommands: {
    create: subcommand({
      roles: 'any',
      options: [
        { name: 'member', type: 'string', required: true, positional: true, suggest: 'member' },
        { name: 'effective', type: 'date', required: true },
        ...moveOptions,
      ],
      handler: async (ctx) => {
        const { transfer, needsApproval } = await createTransfer(ctx, { memberRef: ctx.options.member, effective: ctx.options.effective, ...moveInput(ctx.options) });
        const { names, partnerNames } = await fullCard(ctx, transfer);
        return { card: previewCard(ctx.t, transfer, names, partnerNames, needsApproval), ephemeral: true };
      },
    }),
    confirm: subcommand({
      roles: 'any',
      options: [{ name: 'id', type: 'integer', required: true, positional: true }],
      handler: async (ctx) => {
        const { transfer, status } = await confirmTransfer(ctx, ctx.options.id);
        const names = await transferNames(ctx, transfer);
        return { tone: 'success', lines: [ctx.t(status === 'pending' ? 'transfer.waitsForHead' : 'transfer.planned', { id: transfer.id, name: transfer.member.name, effective: transfer.effective })], fields: transferCard(ctx.t, transfer, names).fields };
      },
    }),
    approve: subcommand({
      roles: ['head', 'coordinator'],
      options: [{ name: 'id', type: 'integer', required: true, positional: true }],
      handler: async (ctx) => {
        const transfer = await approveTransfer(ctx, ctx.options.id);
        return { tone: 'success', lines: [ctx.t('transfer.planned', { id: transfer.id, name: transfer.member.name, effective: transfer.effective })] };
      },
    }),
    list: subcommand({
      roles: 'any',
      options: [
        { name: 'org', type: 'string', suggest: 'org' },
        { name: 'all', type: 'boolean' },
      ],
      handler: async (ctx) => {
        const transfers = await listTransfers(ctx, { orgRef: ctx.options.org, all: ctx.options.all });
        if (transfers.length === 0) return { lines: [ctx.t('transfer.listEmpty')] };
        const lines = [];
        for (const transfer of transfers) lines.push(transferLine(ctx.t, transfer, await transferNames(ctx, transfer)));
        return { title: ctx.t('transfer.listTitle', { count: transfers.length }), lines };
      },
    }),
    show: subcommand({
      roles: 'any',
      options: [{ name: 'id', type: 'integer', required: true, positional: true }],
      handler: async (ctx) => {
        const transfer = await findTransfer(ctx, ctx.options.id);
        const { names, partnerNames } = await fullCard(ctx, transfer);
        const card = transferCard(ctx.t, transfer, names, partnerNames);
        const checklist = checklistCard(ctx.t, transfer, names, 'from');
        return { ...card, lines: checklist.lines?.slice(1) };
      },
    }),
    edit: subcommand({
      roles: 'any',
      options: [{ name: 'id', type: 'integer', required: true, positional: true }, { name: 'effective', type: 'date' }, ...moveOptions],
      handler: async (ctx) => {
        const transfer = await editTransfer(ctx, ctx.options.id, { effective: ctx.options.effective, ...moveInput(ctx.options) });
        const names = await transferNames(ctx, transfer);
        return { tone: 'success', lines: [ctx.t('transfer.edited', { id: transfer.id })], fields: transferCard(ctx.t, transfer, names).fields };
      },
    }),
    cancel: subcommand({
      roles: 'any',
      options: [{ name: 'id', type: 'integer', required: true, positional: true }],
      handler: async (ctx) => {
        const transfer = await cancelTransfer(ctx, ctx.options.id);
        return { tone: 'success', lines: [ctx.t(transfer.status === 'draft' ? 'transfer.discarded' : 'transfer.cancelled', { id: transfer.id, name: transfer.member.name })] };
      },
    }),
    item: subcommand({
      roles: 'any',
      options: [
        { name: 'id', type: 'integer', required: true, positional: true },
        { name: 'text', type: 'string', required: true, positional: true, rest: true },
      ],
      handler: async (ctx) => {
        const { number } = await addItem(ctx, ctx.options.id, ctx.options.text);
        return { tone: 'success', lines: [ctx.t('transfer.itemAdded', { id: ctx.options.id, number })] };
      },
    }),
    tick: subcommand({
      roles: 'any',
      options: [
        { name: 'id', type: 'integer', required: true, positional: true },
        { name: 'items', type: 'string', required: true, positional: true, rest: true, multiline: true },
      ],
      handler: async (ctx) => {
        const { id, items } = ctx.options;
        const current = await findTransfer(ctx, id);
        const transfer = await tickItems(ctx, id, checklistNumbers(id, items, current.items.length));
        const card = checklistCard(ctx.t, transfer, await transferNames(ctx, transfer), 'from');
        // Pressed on the checklist: the message shows the new state.
        return ctx.invocation.fromButton ? { card } : { card: { ...card, tone: 'success' }, ephemeral: true };
      },
    }),
    received: subcommand({
      roles: 'any',
      options: [{ name: 'id', type: 'integer', required: true, positional: true }],
      handler: async (ctx) => {
        const transfer = await confirmReceived(ctx, ctx.options.id);
        return { tone: 'success', lines: [ctx.t('transfer.receivedDone', { id: transfer.id, name: transfer.member.name })] };
      },
    }),
    checklist: subcommand({
      roles: 'any',
      options: [{ name: 'id', type: 'integer', required: true, positional: true }],
      handler: async (ctx) => {
        const transfer = await findTransfer(ctx, ctx.options.id);
        const role = ctx.actor.memberId === transfer.successorId ? 'to' : 'from';
        return { card: checklistCard(ctx.t, transfer, await transferNames(ctx, transfer), role), ephemeral: true };
      },
    }),
    reminders: subcommand({
      roles: ['head', 'coordinator'],
      options: [
        { name: 'state', type: 'boolean', required: true, positional: true },
        { name: 'org', type: 'string', required: true, suggest: 'org' },
      ],
      handler: async (ctx) => {
        const org = await setReshuffleReminders(ctx, ctx.options.org, ctx.options.state);
        return { tone: 'success', lines: [ctx.t(ctx.options.state ? 'transfer.remindersOn' : 'transfer.remindersOff', { org: org.name })] };
      },
    }),
  },
});
