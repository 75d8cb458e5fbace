// The text form of a command:
//   /command sub positional key=value key="quoted value"
// Tokens are split on whitespace; "double", 'single' and “curly” quotes keep
// spaces inside one token. Inside quotes a backslash escapes a quote or a
// backslash (`title="\"희망\" 모임"` -> `"희망" 모임`); any other backslash
// is kept as typed. A token `key=value` (key in latin letters) is a
// named option, anything else is a bare word.
//
// Korean dates, times, durations and repeat phrases have spaces in them
// (`date=12월 24일`, `time=오후 2시`, `repeat=매월 셋째 주 화요일`,
// `remind=7일 전, 1일 전`). So that they need no quotes, a bare word that can
// only continue such a phrase (see continuesPhrase) joins the value of the
// key=value token right before it. Other bare words stay positional.
import { UserError } from './errors.ts';

export interface ParsedText {
  command: string;
  words: string[];
  named: [string, string][];
}

const QUOTES: Record<string, string> = { '"': '"', "'": "'", '“': '”', '‘': '’' };
const ESCAPABLE = new Set(['"', "'", '“', '”', '‘', '’', '\\']);
const NAMED = /^([a-zA-Z][a-zA-Z0-9-]*)=([\s\S]*)$/;

export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let inToken = false;
  let closing: string | undefined;
  let escaped = false;
  for (const ch of text) {
    if (closing) {
      if (escaped) {
        current += ESCAPABLE.has(ch) ? ch : `\\${ch}`;
        escaped = false;
      } else if (ch === '\\') escaped = true;
      else if (ch === closing) closing = undefined;
      else current += ch;
    } else if (ch in QUOTES) {
      closing = QUOTES[ch];
      inToken = true;
    } else if (/\s/.test(ch)) {
      if (inToken) tokens.push(current);
      current = '';
      inToken = false;
    } else {
      current += ch;
      inToken = true;
    }
  }
  if (closing) throw new UserError('error.unclosedQuote');
  if (inToken) tokens.push(current);
  return tokens;
}

/**
 * The longest command read at all, checked on the raw text before anything
 * else (parsing, the guard, the database). Each option takes at most 500
 * characters (options.ts); the longest command, an agenda item with five case
 * fields and its title, stays under 3,000; 4,000 is Slack's limit for a
 * message's text block and Discord's for a message.
 */
export const MAX_COMMAND_LENGTH = 4000;

/** Refuses a command longer than MAX_COMMAND_LENGTH; `length` is counted by the caller over everything that arrived. */
export function checkCommandLength(length: number): void {
  if (length > MAX_COMMAND_LENGTH) throw new UserError('error.commandTooLong', { max: MAX_COMMAND_LENGTH });
}

export function parseText(text: string): ParsedText {
  const trimmed = text.trim();
  if (!trimmed.startsWith('/')) throw new UserError('error.notACommand');
  const [head = '', ...rest] = tokenize(trimmed.slice(1));
  const words: string[] = [];
  const named: [string, string][] = [];
  let last: [string, string] | undefined; // the key=value token just before, while words continue it
  for (const token of rest) {
    const match = NAMED.exec(token);
    if (match) {
      last = [match[1].toLowerCase(), match[2]];
      named.push(last);
    } else if (last && continuesPhrase(last[1], token)) {
      last[1] = `${last[1]} ${token}`;
    } else {
      last = undefined;
      words.push(token);
    }
  }
  return { command: head.toLowerCase(), words, named };
}

const UNIT = '(년|월|일|주|시|분|초|시간|개월|개|주일)';
const WEEK = '(첫|첫째|첫번째|둘째|두번째|셋째|세번째|넷째|네번째|다섯째|다섯번째|마지막)(주|번째)?'; // of the month
const CONTINUATION = new RegExp(
  [
    `^\\d{1,4}${UNIT}(전|후|뒤|마다|까지)?[,，]?$`, // 24일, 30분, 1시간, 1일전, 3개
    '^(전|후|뒤|반|마다|까지|이상|이하|초과|미만|에)[,，]?$', // 1일 전, 3분의 2 이상
    '^(말일|번|날)$', // 매월 말일, 한 번, 마지막 날
    '^(오전|오후|아침|새벽|낮|저녁|밤|정오|자정)$',
    '^[월화수목금토일]요일(마다|에)?[,，]?$',
    `^${WEEK}([·ㆍ,，、/]${WEEK})*[,，]?$`, // 셋째주, 둘째·넷째, 둘째, (넷째 화요일)
    '^주(에)?$', // 셋째 주 화요일, 다음 주 화요일
    '^\\d{1,2}:\\d{2}$', // 내일 18:00
    '^\\(?[월화수목금토일]\\)$', // 12월 24일 (목)
    '^(\\d{1,2}(:\\d{2})?)?(am|pm)$',
  ].join('|'),
  'i',
);

/** Whether a bare word after `key=value` continues that value's phrase (a Korean date, time, duration, rule). */
export function continuesPhrase(value: string, word: string): boolean {
  if (value === '') return false;
  if (CONTINUATION.test(word)) return true;
  // 3분의 2, 여러 개 3, 2026. 12. 24.
  if (/^\d{1,4}[.,]?$/.test(word) && /(분의|여러\s*개|multi|\d\.)$/i.test(value)) return true;
  // 매월 2·4주 화요일, 매달 2,4째주 화요일 (a bare 1,3 elsewhere stays a poll vote's choices)
  if (/^[1-5]([·ㆍ,，、/][1-5])+(번?째)?주?$/.test(word) && /(매월|매달)$/.test(value)) return true;
  return false;
}

/** Quotes a value for a command text when needed (used to build button commands). */
export function quote(value: string | number): string {
  const s = String(value);
  return /[\s"'“”‘’=\\]/.test(s) || s === '' ? `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"` : s;
}
