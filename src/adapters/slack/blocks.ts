// Cards as Block Kit. Limits from Slack's reference: header text 150 chars,
// section text 3000, 10 fields a section, 25 elements an actions block,
// button text 75, option text 75 and value 150.
import { cut, fallbackText, type Card, type FormRequest } from '../../core/card.ts';
import { actionId } from '../../core/actions.ts';

// Block Kit JSON is wide and loosely typed; keep our own narrow shapes.
export type Block = Record<string, unknown>;

const TONE = { success: '✅ ', error: '⚠️ ', info: '' } as const;

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const plain = (text: string, max = 75) => ({ type: 'plain_text', text: cut(text, max), emoji: true });

export function cardToBlocks(card: Card): { text: string; blocks: Block[] } {
  const blocks: Block[] = [];
  const tone = TONE[card.tone ?? 'info'];
  if (card.title) blocks.push({ type: 'header', text: plain(`${tone}${card.title}`, 150) });
  const lines = card.lines ?? [];
  if (lines.length) {
    const body = escapeMrkdwn(lines.join('\n'));
    const prefix = card.title ? '' : tone;
    for (let i = 0; i < body.length; i += 2900) {
      blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `${i === 0 ? prefix : ''}${body.slice(i, i + 2900)}` } });
    }
  }
  const fields = card.fields ?? [];
  for (let i = 0; i < fields.length; i += 10) {
    blocks.push({
      type: 'section',
      fields: fields.slice(i, i + 10).map((f) => ({
        type: 'mrkdwn',
        text: cut(`*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value)}`, 2000),
      })),
    });
  }
  const elements: Block[] = (card.buttons ?? []).slice(0, 24).map((button) => ({
    type: 'button',
    text: plain(button.label),
    action_id: actionId(button),
    value: button.command,
    ...(button.style ? { style: button.style } : {}),
  }));
  if (card.select) {
    elements.push({
      type: 'static_select',
      action_id: 'select',
      placeholder: plain(card.select.placeholder),
      options: card.select.options.slice(0, 100).map((option) => ({
        text: plain(option.label),
        value: actionId({ command: option.command, updatesMessage: card.select?.updatesMessage }),
      })),
    });
  }
  if (elements.length) blocks.push({ type: 'actions', elements });
  if (card.footer) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(card.footer) }] });
  // Slack refuses an empty text: a space stands in for a card with nothing to say.
  return { text: fallbackText(card, 3000) || ' ', blocks };
}


export const FORM_CALLBACK = 'form';

export function formToModal(form: FormRequest, privateMetadata: string): Block {
  return {
    type: 'modal',
    callback_id: FORM_CALLBACK,
    private_metadata: privateMetadata,
    title: plain(form.title, 24),
    submit: plain(form.submitLabel, 24),
    close: plain(form.cancelLabel, 24),
    blocks: form.fields.slice(0, 100).map((field) => ({
      type: 'input',
      block_id: field.name,
      optional: !field.required,
      label: plain(`${field.name} · ${field.label}`, 2000),
      element: formElement(field),
    })),
  };
}

function formElement(field: FormRequest['fields'][number]): Block {
  const value = field.value;
  switch (field.type) {
    case 'date':
      return { type: 'datepicker', action_id: 'value', ...(value ? { initial_date: value } : {}) };
    case 'time':
      return { type: 'timepicker', action_id: 'value', ...(value ? { initial_time: value } : {}) };
    case 'choice': {
      const options = (field.choices ?? []).slice(0, 100).map((c) => ({ text: plain(c.label), value: c.value }));
      const initial = options.find((o) => o.value === value);
      return { type: 'static_select', action_id: 'value', options, ...(initial ? { initial_option: initial } : {}) };
    }
    case 'boolean':
      return {
        type: 'static_select',
        action_id: 'value',
        options: [
          { text: plain('예 / yes'), value: 'yes' },
          { text: plain('아니오 / no'), value: 'no' },
        ],
      };
    default:
      return { type: 'plain_text_input', action_id: 'value', max_length: 500, ...(value ? { initial_value: value } : {}) };
  }
}

interface ViewStateValue {
  type: string;
  value?: string | null;
  selected_date?: string | null;
  selected_time?: string | null;
  selected_option?: { value: string } | null;
}

/** view.state.values -> { option: text }. */
export function modalValues(state: Record<string, Record<string, ViewStateValue>>): Record<string, string | undefined> {
  // No prototype: a block named __proto__ or constructor is an ordinary (ignored) key.
  const values = Object.create(null) as Record<string, string | undefined>;
  for (const [blockId, actions] of Object.entries(state ?? {})) {
    const v = actions && typeof actions === 'object' ? actions.value : undefined;
    if (!v || typeof v !== 'object') continue;
    const value = v.value ?? v.selected_date ?? v.selected_time ?? v.selected_option?.value ?? undefined;
    values[blockId] = typeof value === 'string' ? value : undefined;
  }
  return values;
}
