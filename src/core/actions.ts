// Routing for pressed buttons and chosen select options. A button carries the
// command it stands for (see card.ts), so a press is dispatched exactly like
// its typed twin, as the person who pressed it.
import type { Button } from './card.ts';

/** Discord's custom_id limit (Slack allows more); a longer command is a bug in a card. */
export const MAX_ACTION_LENGTH = 100;
const PREFIX = 'cmd:';

export function actionId(button: Pick<Button, 'command' | 'updatesMessage'>): string {
  const id = `${PREFIX}${button.updatesMessage ? 'u' : 'n'}:${button.command}`;
  if (id.length > MAX_ACTION_LENGTH) throw new Error(`button command too long for a chat action id: ${button.command}`);
  return id;
}

export function decodeAction(id: string): { command: string; updatesMessage: boolean } | undefined {
  if (!id.startsWith(PREFIX)) return undefined;
  const [flag, ...rest] = id.slice(PREFIX.length).split(':');
  return { command: rest.join(':'), updatesMessage: flag === 'u' };
}
