// Cards as plain terminal text. Buttons and select options become numbered
// choices; the caller keeps the list so a typed number presses one.
import type { Button, Card } from '../../core/card.ts';

const MARK = { success: '✔ ', error: '✖ ', info: '' } as const;

export function renderCard(card: Card): { text: string; choices: Button[] } {
  const out: string[] = [];
  const mark = MARK[card.tone ?? 'info'];
  if (card.title) out.push(`${mark}■ ${card.title}`);
  for (const [i, line] of (card.lines ?? []).entries()) out.push(`${!card.title && i === 0 ? mark : ''}${line}`);
  for (const field of card.fields ?? []) {
    const [first, ...rest] = field.value.split('\n');
    out.push(`${field.label}: ${first}`, ...rest.map((line) => `    ${line}`));
  }
  const choices: Button[] = [
    ...(card.buttons ?? []),
    ...(card.select?.options.map((o) => ({ label: o.label, command: o.command, updatesMessage: card.select?.updatesMessage })) ?? []),
  ];
  if (choices.length) {
    out.push(choices.map((b, i) => `[${i + 1}] ${b.label}`).join('  '));
  }
  if (card.footer) out.push(card.footer);
  return { text: out.join('\n'), choices };
}
