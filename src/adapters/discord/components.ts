// Cards as Discord messages: one embed plus action rows; forms as modals.
// Limits from Discord's reference: embed title 256, description 4096, 25
// fields (name 256, value 1024), footer 2048, 6000 characters per embed in
// all; 5 action rows a message, 5 buttons a row, button label 80, custom_id
// 100; a string select takes a row of its own, 25 options (label and value
// 100); modal title 45, 5 text inputs, input label 45, placeholder 100.
import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed, APIModalInteractionResponseCallbackData } from 'discord.js';
import { randomBytes } from 'node:crypto';
import { actionId } from '../../core/actions.ts';
import { cut, fallbackText, type Card, type FormRequest, type ReplyFile } from '../../core/card.ts';
import { MAX_TEXT_LENGTH } from '../../core/options.ts';

export const TONE_COLOUR = { info: 0x5865f2, success: 0x57f287, error: 0xed4245 } as const;

const EMBED_TOTAL = 6000;
const MAX_ROWS = 5;
const BUTTONS_PER_ROW = 5;
const MAX_SELECT_OPTIONS = 25;
/** Discord refuses empty field names and values; a zero-width space stands in. */
const BLANK = '\u200b';

// Component rows and embeds as raw API JSON: discord.js passes them through.
export type MessageRow = APIActionRowComponent<APIComponentInMessageActionRow>;

export interface DiscordMessage {
  /** Empty on interaction answers; the card's headline on messages that should notify (see cardToMessage). */
  content: string;
  embeds: APIEmbed[];
  components: MessageRow[];
}


/**
 * A card as a Discord message. `notify` puts a short headline (title or first
 * line) into `content`: embeds alone make a poor push notification, so
 * messages nobody asked for (outbox posts) carry one; answers to an
 * interaction the user is looking at do not, to avoid showing the text twice.
 */
export function cardToMessage(card: Card, options: { notify?: boolean } = {}): DiscordMessage {
  return {
    content: options.notify ? fallbackText(card, 200, { firstLineOnly: true }) || BLANK : '',
    embeds: [cardToEmbed(card)],
    components: cardToRows(card),
  };
}


export function cardToEmbed(card: Card): APIEmbed {
  const embed: APIEmbed = { color: TONE_COLOUR[card.tone ?? 'info'] };
  let budget = EMBED_TOTAL;
  const take = (text: string, max: number): string => {
    const out = cut(text, Math.max(1, Math.min(max, budget)));
    budget -= out.length;
    return out;
  };
  if (card.title) embed.title = take(card.title, 256);
  if (card.footer) embed.footer = { text: take(card.footer, 2048) };
  const lines = (card.lines ?? []).join('\n');
  if (lines.trim()) embed.description = take(lines, 4096);
  const fields = [];
  for (const field of (card.fields ?? []).slice(0, 25)) {
    // A field needs room for at least a few characters of name and value.
    if (budget < 16) break;
    fields.push({ name: take(field.label || BLANK, 256), value: take(field.value || BLANK, 1024) });
  }
  if (fields.length) embed.fields = fields;
  if (!embed.title && !embed.description && !embed.fields) embed.description = BLANK;
  return embed;
}

export function cardToRows(card: Card): MessageRow[] {
  const rows: MessageRow[] = [];
  const buttonRows = card.select ? MAX_ROWS - 1 : MAX_ROWS;
  const buttons = (card.buttons ?? []).slice(0, buttonRows * BUTTONS_PER_ROW);
  for (let i = 0; i < buttons.length; i += BUTTONS_PER_ROW) {
    rows.push({
      type: 1,
      components: buttons.slice(i, i + BUTTONS_PER_ROW).map((button) => ({
        type: 2,
        // 1 primary (blurple), 2 secondary (grey), 4 danger (red)
        style: button.style === 'primary' ? 1 : button.style === 'danger' ? 4 : 2,
        label: cut(button.label, 80),
        custom_id: actionId(button),
      })),
    });
  }
  if (card.select?.options.length) {
    const seen = new Set<string>();
    const options = [];
    for (const option of card.select.options) {
      const value = actionId({ command: option.command, updatesMessage: card.select.updatesMessage });
      if (seen.has(value)) continue; // Discord refuses duplicate option values
      seen.add(value);
      options.push({ label: cut(option.label, 100), value });
      if (options.length === MAX_SELECT_OPTIONS) break;
    }
    rows.push({
      type: 1,
      components: [{ type: 3, custom_id: SELECT_ID, placeholder: cut(card.select.placeholder, 150), options }],
    });
  }
  return rows;
}

/** custom_id of every select menu; the chosen option's value carries the command. */
export const SELECT_ID = 'select';

/** Reply files as discord.js attachments. */
export function attachments(files: ReplyFile[] | undefined): { attachment: Buffer; name: string }[] {
  return (files ?? []).map((file) => ({ attachment: Buffer.from(file.content, 'utf8'), name: file.name }));
}

// ---------- Forms ----------

export const FORM_PREFIX = 'form:';
/** Discord shows at most five inputs in a modal. */
export const MAX_FORM_FIELDS = 5;

/** Discord's limit on a component's custom_id. */
const MAX_CUSTOM_ID = 100;

/**
 * The modal's id: the command, the subcommand, the form's nonce and — when the
 * form has more fields than a modal holds — the values already given with the
 * command (`form:agenda:add:<nonce>?meetup=12`), which then need no input of
 * their own. The nonce (opening time in base-36 seconds, a dot, 8 random
 * bytes) makes a form usable once (the adapter keeps its receipt).
 */
export function formCustomId(command: string, sub: string, nonce: string, carried: Record<string, string> = {}): string {
  const query = new URLSearchParams(carried).toString();
  return `${FORM_PREFIX}${command}:${sub}:${nonce}${query ? `?${query}` : ''}`;
}

/** A fresh form nonce, opened at `now` (ms). */
export function formNonce(now: number): string {
  return `${Math.floor(now / 1000).toString(36)}.${randomBytes(8).toString('base64url')}`;
}

/** When a nonce's form was opened (ms); undefined if it is not a nonce. */
export function formOpenedAt(nonce: string): number | undefined {
  const match = /^([0-9a-z]{1,9})\.[\w-]{11}$/.exec(nonce);
  return match ? parseInt(match[1], 36) * 1000 : undefined;
}

export function decodeFormId(customId: string): { command: string; sub: string; nonce: string; given: Record<string, string> } | undefined {
  if (!customId.startsWith(FORM_PREFIX)) return undefined;
  const [head, query = ''] = customId.slice(FORM_PREFIX.length).split('?');
  const [command, sub = '', nonce = ''] = head.split(':');
  // Plain own keys only: the id comes back from the client.
  const given: Record<string, string> = Object.create(null);
  for (const [key, value] of new URLSearchParams(query)) if (/^[a-z][a-z0-9_]*$/.test(key)) given[key] = value;
  return command ? { command, sub, nonce, given } : undefined;
}

/**
 * Which inputs a modal shows, and which given values ride along in its id: all
 * fields when they fit in five; otherwise the fields still to fill (required
 * first), the given ones carried. Undefined when even that does not fit.
 */
export function modalPlan(form: FormRequest): { fields: FormRequest['fields']; carried: Record<string, string> } | undefined {
  if (form.fields.length <= MAX_FORM_FIELDS) return { fields: form.fields, carried: {} };
  const open = form.fields.filter((f) => !f.value);
  const carried = Object.fromEntries(form.fields.filter((f) => f.value).map((f) => [f.name, f.value as string]));
  if (open.filter((f) => f.required).length > MAX_FORM_FIELDS) return undefined;
  if (formCustomId(form.command, form.sub, formNonce(Date.now()), carried).length > MAX_CUSTOM_ID) return undefined;
  return { fields: open.slice(0, MAX_FORM_FIELDS), carried };
}

/**
 * A form as a modal of text inputs: up to five fields, required ones first
 * (the order buildForm gives), see modalPlan. Choices, dates and times are typed; the
 * placeholder shows what is accepted and the core validates as for text.
 */
export function formToModal(form: FormRequest, nonce: string): APIModalInteractionResponseCallbackData {
  const plan = modalPlan(form) ?? { fields: form.fields.slice(0, MAX_FORM_FIELDS), carried: {} };
  return {
    custom_id: formCustomId(form.command, form.sub, nonce, plan.carried),
    title: cut(form.title, 45),
    components: plan.fields.map((field) => {
      const placeholder = fieldPlaceholder(field);
      return {
        type: 1,
        components: [
          {
            type: 4,
            custom_id: field.name,
            // 1 short, one line
            style: 1,
            label: cut(`${field.name} · ${field.label}`, 45),
            required: field.required,
            max_length: MAX_TEXT_LENGTH,
            ...(placeholder ? { placeholder } : {}),
            ...(field.value ? { value: cut(field.value, MAX_TEXT_LENGTH) } : {}),
          },
        ],
      };
    }),
  };
}

export function fieldPlaceholder(field: FormRequest['fields'][number]): string | undefined {
  switch (field.type) {
    case 'date':
      return 'YYYY-MM-DD';
    case 'time':
      return 'HH:MM';
    case 'boolean':
      return 'yes / no';
    case 'choice': {
      const choices = field.choices ?? [];
      // Labels in the reader's language are accepted as input too; fall back to the values when too long.
      const labels = choices.map((c) => c.label).join(', ');
      return cut(labels.length <= 100 ? labels : choices.map((c) => c.value).join(', '), 100) || undefined;
    }
    default:
      return undefined;
  }
}
