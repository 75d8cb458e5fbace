// The embedded default: a local multi-user chat in the terminal.
// - At a TTY: a prompt with history.
// - Piped input: one command per line, each reply printed, exit at end of input.
// A line may start with `@name ` to speak as that member and then `#channel `
// to speak in that channel (`@김민수 #모라3동 /channel bind 모라3동행정복지센터`;
// default: the channel `console`); a bare number presses that button of the
// last reply; any other line starting with `#` is a comment. Every message
// the bot posts (outbox) is printed under its destination: `[→ #모라3동]`,
// `[DM → 김민수]`.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ChatAdapter } from '../../core/adapter.ts';
import type { Button, Reply } from '../../core/card.ts';
import type { Invocation } from '../../core/command.ts';
import type { OutgoingMessage, SentMessage } from '../../core/deliver.ts';
import type { Bot } from '../../core/dispatch.ts';
import { renderCard } from './render.ts';

export const CONSOLE_CHANNEL = 'console';
export const DEFAULT_CONSOLE_USER = 'admin';

export interface ConsoleOptions {
  input: Readable;
  output: Writable;
  /** Greeting and prompts; stderr in production so stdout holds only replies. */
  notices: Writable;
  interactive: boolean;
}

export class ConsoleAdapter implements ChatAdapter {
  readonly platform = 'console' as const;
  #lastChoices: Button[] = [];
  #sent = 0;
  #finished: Promise<void> | undefined;

  constructor(
    private readonly bot: Bot,
    private readonly io: ConsoleOptions,
  ) {}

  /** Handles one line as the console would; returns the text printed. */
  async handleLine(line: string): Promise<string | undefined> {
    const trimmed = line.trim();
    if (!trimmed) return undefined;
    const { user, text: spoken, create } = splitSpeaker(trimmed);
    const { channel, text } = splitChannel(spoken);
    if (!channel && trimmed.startsWith('#')) return undefined; // a comment
    const invocation: Invocation = {
      platform: 'console',
      platformUserId: user,
      displayName: user,
      channelId: channel ?? CONSOLE_CHANNEL,
      ...(create ? { newSpeaker: true } : {}),
    };
    let reply: Reply;
    if (/^\d+$/.test(text)) {
      const choice = this.#lastChoices[Number(text) - 1];
      if (!choice) return this.bot.translator()('console.noSuchChoice', { number: text });
      reply = await this.bot.handleText(choice.command, { ...invocation, fromButton: true });
    } else {
      reply = await this.bot.handleText(text, invocation);
    }
    const rendered = renderCard(reply.card);
    if (rendered.choices.length) this.#lastChoices = rendered.choices;
    const files = (reply.files ?? []).map((f) => `--- ${f.name} (${f.mimeType}) ---\n${f.content}`);
    return [rendered.text, ...files].join('\n');
  }

  /** Starts reading input; `finished` resolves at end of input. */
  async start(): Promise<void> {
    this.#finished = this.#loop();
  }

  get finished(): Promise<void> {
    return this.#finished ?? Promise.resolve();
  }

  async stop(): Promise<void> {
    this.io.input.destroy();
  }

  /** Outbox messages (announcements, DMs) appear in the same terminal. */
  async send(message: OutgoingMessage): Promise<SentMessage> {
    const where = message.to.kind === 'user' ? `DM → ${message.to.id}` : `→ #${message.to.id}`;
    const rendered = renderCard(message.card);
    if (rendered.choices.length) this.#lastChoices = rendered.choices;
    this.io.output.write(`[${where}]\n${rendered.text}\n`);
    this.#sent++;
    return { ref: `console-${this.#sent}` };
  }

  async #loop(): Promise<void> {
    const { input, output, notices, interactive } = this.io;
    const rl = createInterface({
      input,
      output: interactive ? notices : undefined,
      terminal: interactive,
      historySize: 500,
    });
    if (interactive) {
      notices.write(`${this.bot.translator()('console.ready')}\n`);
      rl.setPrompt('> ');
      rl.prompt();
    }
    // Lines are handled strictly one after another, in input order.
    for await (const line of rl) {
      const text = await this.handleLine(line);
      if (text) output.write(`${text}\n`);
      if (interactive) rl.prompt();
    }
  }
}

/**
 * `#모라3동 /channel list` -> channel 모라3동 and the command; a `#` line that
 * is not followed by a command or a button number (`# a comment`) names no channel.
 */
export function splitChannel(line: string): { channel?: string; text: string } {
  const match = /^#(\S+)\s+(\/[\s\S]*|\d+)$/.exec(line);
  return match ? { channel: match[1], text: match[2].trim() } : { text: line };
}

/**
 * `@박영희 /poll vote 3 1` -> speaker 박영희 (an existing member: exact name,
 * then a unique beginning of one; `@#9` is member #9); `@"이 순자"` for a name
 * with a space; `@@새이름` creates the speaker as a new staff member. Anything
 * else is the default admin.
 */
export function splitSpeaker(line: string): { user: string; text: string; create?: boolean } {
  const match = /^@(@?)(?:["“”']([^"“”']+)["“”']|(\S+))\s+([\s\S]*)$/.exec(line);
  if (!match) return { user: DEFAULT_CONSOLE_USER, text: line };
  const user = (match[2] ?? match[3]).trim();
  return { user, text: match[4].trim(), ...(match[1] ? { create: true } : {}) };
}
