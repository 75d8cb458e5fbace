// A Card as an e-mail: the subject is the card's title, a plain-text body and
// a simple HTML body. Everything from the card is escaped; no remote images,
// no scripts, no styles beyond inline basics. Buttons cannot run anything in
// a mail, so they become their text twins (the command to type in chat).
import { cut, fallbackText, type Card } from '../../core/card.ts';
import { translator, type Locale } from '../../core/i18n/index.ts';
import './catalog.ts';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export type Unsubscribe = { kind: 'link'; url: string } | { kind: 'mail'; address: string };

const SUBJECT_MAX = 150;

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]);
}

/** One line of a header: no line breaks, no control characters. */
function oneLine(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this function's job
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
}

export function emailSubject(card: Card): string {
  return cut(oneLine(card.title?.trim() ? card.title : fallbackText(card, SUBJECT_MAX, { firstLineOnly: true })), SUBJECT_MAX) || '—';
}

/** The commands the card's buttons and select would run. */
function commands(card: Card): { label: string; command: string }[] {
  return [...(card.buttons ?? []), ...(card.select?.options ?? [])].map((b) => ({ label: b.label, command: b.command }));
}

/** The footer says how to unsubscribe in both languages: the transport does not know the reader's. */
function footerLines(unsubscribe: Unsubscribe | undefined): string[] {
  if (!unsubscribe) return [];
  const locales: Locale[] = ['ko', 'en'];
  return locales.map((locale) => {
    const t = translator(locale);
    return unsubscribe.kind === 'link' ? t('email.footerLink', { url: unsubscribe.url }) : t('email.footerMail', { address: unsubscribe.address });
  });
}

export function renderEmail(card: Card, unsubscribe?: Unsubscribe): RenderedEmail {
  const subject = emailSubject(card);
  const buttons = commands(card);
  const commandsTitle = translator(hasHangul(subject) ? 'ko' : 'en')('email.commands');

  const text: string[] = [];
  if (card.title) text.push(card.title, '');
  for (const line of card.lines ?? []) text.push(line);
  if (card.fields?.length) {
    if (card.lines?.length) text.push('');
    for (const field of card.fields) text.push(`${field.label}: ${field.value}`);
  }
  if (buttons.length) {
    text.push('', commandsTitle);
    for (const b of buttons) text.push(`  ${b.label}: ${b.command}`);
  }
  if (card.footer) text.push('', card.footer);
  const footer = footerLines(unsubscribe);
  if (footer.length) text.push('', '-- ', ...footer);

  const block = (s: string) => escapeHtml(s).replace(/\r?\n/g, '<br>');
  const html: string[] = [
    '<!doctype html>',
    `<html lang="${hasHangul(subject) ? 'ko' : 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">`,
    `<title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:sans-serif;line-height:1.5;color:#222;max-width:40em">',
  ];
  if (card.title) html.push(`<h1 style="font-size:1.25em">${block(card.title)}</h1>`);
  for (const line of card.lines ?? []) html.push(`<p style="margin:0.25em 0">${block(line)}</p>`);
  if (card.fields?.length) {
    html.push('<table style="border-collapse:collapse;margin:0.75em 0">');
    for (const field of card.fields) {
      html.push(`<tr><th style="text-align:left;vertical-align:top;padding:0.2em 1em 0.2em 0">${block(field.label)}</th><td style="padding:0.2em 0">${block(field.value)}</td></tr>`);
    }
    html.push('</table>');
  }
  if (buttons.length) {
    html.push(`<p style="margin:0.75em 0 0.25em">${escapeHtml(commandsTitle)}</p><ul>`);
    for (const b of buttons) html.push(`<li>${block(b.label)}: <code>${escapeHtml(b.command)}</code></li>`);
    html.push('</ul>');
  }
  if (card.footer) html.push(`<p style="color:#555">${block(card.footer)}</p>`);
  if (unsubscribe) {
    html.push('<hr><p style="color:#777;font-size:0.85em">');
    html.push(
      footerLines(unsubscribe)
        .map((line) =>
          unsubscribe.kind === 'link'
            ? escapeHtml(line).replace(escapeHtml(unsubscribe.url), `<a href="${escapeHtml(unsubscribe.url)}">${escapeHtml(unsubscribe.url)}</a>`)
            : escapeHtml(line),
        )
        .join('<br>'),
    );
    html.push('</p>');
  }
  html.push('</body></html>');
  return { subject, text: text.join('\n'), html: html.join('\n') };
}

/** For the HTML `lang` attribute and the commands heading only (the card is already in the reader's language). */
function hasHangul(text: string): boolean {
  return /[\uac00-\ud7a3]/.test(text);
}
