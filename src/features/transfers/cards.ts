// Messages of the transfers feature: the preview, the announcement with the
// successor's introduction, the new post's welcome, the handover checklist.
import type { Button, Card } from '../../core/card.ts';
import { formatSeoulDateTime } from '../../core/calendar/index.ts';
import { choiceLabel, type Translator } from '../../core/i18n/index.ts';
import type { TransferNames as Names, TransferRow } from './model.ts';

type Person = { name: string; position: string | null; phone: string | null; email: string | null };

/** `이주무관 주무관 · 051-310-1234 · lee@sasang.go.kr`: work contacts only. */
const contact = (p: Person) => [`${p.name}${p.position ? ` ${p.position}` : ''}`, p.phone, p.email].filter(Boolean).join(' · ');

/** Where the member goes: `덕포1동행정복지센터 주무관`, or `퇴직`. */
export function destination(t: Translator, transfer: Pick<TransferRow, 'leaveReason' | 'toPosition'>, names: Names): string {
  if (transfer.leaveReason) return choiceLabel(t, 'leaveReason', transfer.leaveReason);
  return `${names.to?.name ?? '-'}${transfer.toPosition ? ` ${transfer.toPosition}` : ''}`;
}

const post = (transfer: Pick<TransferRow, 'fromPosition'>, names: Names) => `${names.from?.name ?? '-'}${transfer.fromPosition ? ` ${transfer.fromPosition}` : ''}`;

export function transferLine(t: Translator, transfer: TransferRow, names: Names): string {
  return t('transfer.line', {
    id: transfer.id,
    effective: transfer.effective,
    name: transfer.member.name,
    from: post(transfer, names),
    to: destination(t, transfer, names),
    successor: names.successor?.name ?? t('transfer.noSuccessor'),
    status: choiceLabel(t, 'transferStatus', transfer.status),
  });
}

/** The full picture: who, from → to, when, successor, acting, announcement, checklist status. */
export function transferCard(t: Translator, transfer: TransferRow, names: Names, partnerNames: string[] = []): Card {
  const open = transfer.items.filter((i) => !i.doneAt).length;
  return {
    title: t('transfer.title', { id: transfer.id, name: transfer.member.name }),
    fields: [
      { label: t('transfer.fieldMove'), value: `${post(transfer, names)} → ${destination(t, transfer, names)}` },
      { label: t('transfer.fieldEffective'), value: transfer.effective },
      { label: t('transfer.fieldSuccessor'), value: names.successor ? contact(names.successor) : t('transfer.noSuccessor') },
      ...(names.acting ? [{ label: t('transfer.fieldActing'), value: contact(names.acting) }] : []),
      {
        label: t('transfer.fieldAnnounce'),
        value: transfer.announcedAt
          ? t('transfer.announcedAt', { when: formatSeoulDateTime(transfer.announcedAt) })
          : transfer.announceAt
            ? formatSeoulDateTime(transfer.announceAt)
            : t('transfer.announceNow'),
      },
      ...(partnerNames.length ? [{ label: t('transfer.fieldPartners'), value: partnerNames.join(', ') }] : []),
      ...(transfer.note ? [{ label: t('transfer.fieldNote'), value: transfer.note }] : []),
      { label: t('transfer.fieldStatus'), value: choiceLabel(t, 'transferStatus', transfer.status) },
      ...(transfer.items.length
        ? [{ label: t('transfer.fieldChecklist'), value: t('transfer.checklistStatus', { done: transfer.items.length - open, total: transfer.items.length, received: transfer.receivedAt ? t('transfer.receivedYes') : t('transfer.receivedNo') }) }]
        : []),
    ],
  };
}

/** Shown to the announcer before anything goes out. */
export function previewCard(t: Translator, transfer: TransferRow, names: Names, partnerNames: string[], needsApproval: boolean): Card {
  const card = transferCard(t, transfer, names, partnerNames);
  const buttons: Button[] = [
    { label: t(needsApproval ? 'transfer.confirmSelfButton' : 'transfer.confirmButton'), command: `/transfer confirm ${transfer.id}`, style: 'primary', updatesMessage: true },
    { label: t('transfer.discardButton'), command: `/transfer cancel ${transfer.id}`, style: 'danger', updatesMessage: true },
  ];
  return { ...card, title: t('transfer.previewTitle', { id: transfer.id }), lines: [t(needsApproval ? 'transfer.previewSelf' : 'transfer.preview')], buttons };
}

/** To the partners of the post: thanks to the predecessor, the successor introduced with what they take over. */
export function announcementCard(
  t: Translator,
  input: { transfer: TransferRow; names: Names; taken: { partnerships: number; meetups: number; seats: number; polls: number }; update: boolean },
): Card {
  const { transfer, names, taken } = input;
  const who = transfer.member;
  const lines = [
    transfer.leaveReason
      ? t('transfer.leaving', { name: who.name, post: post(transfer, names), effective: transfer.effective, reason: destination(t, transfer, names) })
      : t('transfer.moving', { name: who.name, post: post(transfer, names), effective: transfer.effective, to: destination(t, transfer, names) }),
    t('transfer.thanks', { name: who.name }),
  ];
  if (names.successor) {
    lines.push(t('transfer.successorIntro', { contact: contact(names.successor) }));
    lines.push(t('transfer.takesOver', { partnerships: taken.partnerships, meetups: taken.meetups, seats: taken.seats, polls: taken.polls }));
  } else {
    lines.push(t('transfer.successorUnknown'));
    if (names.acting) lines.push(t('transfer.actingIntro', { contact: contact(names.acting) }));
  }
  if (transfer.note) lines.push(transfer.note);
  return { title: t(input.update ? 'transfer.updateTitle' : 'transfer.announceTitle', { post: post(transfer, names) }), lines };
}

/** To the partners of the new post: the incoming person. */
export function newPostCard(t: Translator, input: { transfer: TransferRow; names: Names; update: boolean }): Card {
  const { transfer, names } = input;
  const who = { ...transfer.member, position: transfer.toPosition };
  return {
    title: t(input.update ? 'transfer.updateTitle' : 'transfer.welcomeTitle', { post: destination(t, transfer, names) }),
    lines: [t('transfer.welcome', { contact: contact(who), to: destination(t, transfer, names), effective: transfer.effective })],
  };
}

/** The handover checklist (인계·인수): numbered lines, ✔ when handed over; tick buttons for the predecessor, a receipt button for the successor. */
export function checklistCard(t: Translator, transfer: TransferRow, names: Names, role: 'from' | 'to'): Card {
  const lines = transfer.items.map((item, i) => `${item.doneAt ? '✔' : '□'} ${i + 1}. ${choiceLabel(t, 'handoverKind', item.kind)}: ${item.label}`);
  const open = transfer.items.map((item, i) => ({ item, n: i + 1 })).filter(({ item }) => !item.doneAt);
  const buttons: Button[] =
    role === 'from'
      ? open.slice(0, 4).map(({ n }) => ({ label: t('transfer.tickButton', { n }), command: `/transfer tick ${transfer.id} ${n}` }))
      : transfer.receivedAt
        ? []
        : [{ label: t('transfer.receivedButton'), command: `/transfer received ${transfer.id}`, style: 'primary' }];
  if (role === 'from' && open.length > 1) buttons.push({ label: t('transfer.tickAllButton'), command: `/transfer tick ${transfer.id} all` });
  return {
    title: t('transfer.checklistTitle', { id: transfer.id, name: transfer.member.name, successor: names.successor?.name ?? t('transfer.noSuccessor') }),
    lines: [t(role === 'from' ? 'transfer.checklistFrom' : 'transfer.checklistTo', { id: transfer.id }), ...(lines.length ? lines : [t('transfer.checklistEmpty', { id: transfer.id })])],
    buttons,
  };
}
