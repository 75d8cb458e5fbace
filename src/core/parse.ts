// The text form of a command:
//   /command sub positional key=value key="quoted value"
// Tokens are split on whitespace; "double", 'single' and “curly” quotes keep
// spaces inside one token. A token `key=value` (key in latin letters) is a
// named option, anything else is a bare word.
import { UserError } from './errors.ts';

export interface ParsedText {
  command: string;
  words: string[];
  named: [string, string][];
}

const QUOTES: Record<string, string> = { '"': '"', "'": "'", '“': '”', '‘': '’' };
const NAMED = /^([a-zA-Z][a-zA-Z0-9-]*)=([\s\S]*)$/;

export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let inToken = false;
  let closing: string | undefined;
  for (const ch of text) {
    if (closing) {
      if (ch === closing) closing = undefined;
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

export function parseText(text: string): ParsedText {
  const trimmed = text.trim();
  if (!trimmed.startsWith('/')) throw new UserError('error.notACommand');
  const [head = '', ...rest] = tokenize(trimmed.slice(1));
  const words: string[] = [];
  const named: [string, string][] = [];
  for (const token of rest) {
    const match = NAMED.exec(token);
    if (match) named.push([match[1].toLowerCase(), match[2]]);
    else words.push(token);
  }
  return { command: head.toLowerCase(), words, named };
}

/** Quotes a value for a command text when needed (used to build button commands). */
export function quote(value: string | number): string {
  const s = String(value);
  return /[\s"'=]/.test(s) || s === '' ? `"${s.replace(/"/g, '')}"` : s;
}
