// The neutral message model. Adapters render it (console text, Block Kit,
// Discord components); features only ever build Cards.

export interface Field {
  label: string;
  value: string;
}

/**
 * A button runs a command as the person who pressed it. Carrying the command
 * text makes every button's text twin exact by construction: typing it does
 * the same thing.
 */
export interface Button {
  label: string;
  command: string;
  style?: 'primary' | 'danger';
  /** The reply replaces the message the button sits on (e.g. updated RSVP counts). */
  updatesMessage?: boolean;
}

export interface Select {
  placeholder: string;
  options: { label: string; command: string }[];
  updatesMessage?: boolean;
}

export interface Card {
  title?: string;
  lines?: string[];
  fields?: Field[];
  buttons?: Button[];
  select?: Select;
  footer?: string;
  tone?: 'info' | 'success' | 'error';
}

export interface ReplyFile {
  name: string;
  mimeType: string;
  content: string;
}

/** Ask the adapter to open a form (modal) for a command given without its required options. */
export interface FormRequest {
  command: string;
  sub: string;
  title: string;
  /** In the caller's language, like the field labels. */
  submitLabel: string;
  cancelLabel: string;
  fields: {
    name: string;
    label: string;
    type: 'string' | 'integer' | 'date' | 'time' | 'choice' | 'boolean';
    required: boolean;
    choices?: { value: string; label: string }[];
    /** Already given with the command (or the button): the form shows it filled in. */
    value?: string;
  }[];
}

export interface Reply {
  card: Card;
  /** Set instead of running the command when the adapter can show forms. */
  form?: FormRequest;
  /** Only the caller sees it (errors, personal answers). */
  ephemeral?: boolean;
  files?: ReplyFile[];
}

/** Shortens text to `max` characters, marking the cut with an ellipsis. */
export const cut = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * The plain text of a card for notifications, screen readers and platforms'
 * text fallbacks: the title and lines, or the first field when there are none.
 * `firstLineOnly` gives the headline alone (push notifications).
 */
export function fallbackText(card: Card, max: number, options: { firstLineOnly?: boolean } = {}): string {
  const lines = [card.title, ...(card.lines ?? [])].filter((line): line is string => Boolean(line?.trim()));
  const text = (options.firstLineOnly ? lines[0] : lines.join('\n')) || card.fields?.[0]?.value || '';
  return cut(text, max);
}

export const reply = (card: Card, extra: Omit<Reply, 'card'> = {}): Reply => ({ card, ...extra });
