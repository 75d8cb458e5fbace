// Text hygiene for every stored text: what a value may contain before it is
// checked for identifiers, stored or echoed into a channel.
//
//   strip   zero-width and filler characters (U+200B–U+200D, U+2060, U+FEFF,
//           U+00AD soft hyphen, U+2061–U+2064, U+180E, Hangul fillers U+115F,
//           U+1160, U+3164, U+FFA0): invisible, they only hide things (a phone
//           number split by U+200B, a blank-looking name). Removing them loses
//           nothing a reader could see.
//   refuse  C0 controls (NUL, ESC, …) and DEL, C1 controls (U+0080–U+009F),
//           bidi controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F,
//           U+061C), lone surrogates and the non-characters U+FFFE/U+FFFF.
//           These change how text around them is shown (a name written
//           backwards, a terminal escape): silently dropping them could
//           change the meaning, so the person is asked to retype the value.
//   keep    newline and tab in free text (agenda sentences); in names
//           (profile 'name') a newline or tab is refused: a name is one line,
//           and a line break in it can fake a second message line. (Options
//           are one line unless declared multiline: src/core/options.ts.)
//   keep    the zero-width joiner inside an emoji sequence (👨‍👩‍👧, ❤️‍🔥):
//           without it the family falls apart into three faces. Anywhere
//           else it is stripped like the other zero-width characters.
//   then    \r\n and \r become \n, and the result is NFC-normalised (a
//           decomposed 한글 name equals the composed one).
export type HygieneProblem = 'control' | 'bidi' | 'surrogate' | 'lineBreak';

// A ZWJ stays only between two pictographs (the first may carry VS16 or a skin tone).
const STRIP = /[\u200B\u200C\u2060\uFEFF\u00AD\u2061-\u2064\u180E\u115F\u1160\u3164\uFFA0]|(?<!\p{Extended_Pictographic}[\uFE0F\u{1F3FB}-\u{1F3FF}]?)\u200D|\u200D(?!\p{Extended_Pictographic})/gu;
/** A line break of any kind, or a tab: not in one-line values (U+0085 is refused as a control anyway). */
const LINE_BREAK_OR_TAB = /[\n\r\t\u2028\u2029]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/u;
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;
// With the u flag a surrogate code unit matches only when it is not half of a pair.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

export type Hygiene = { text: string } | { problem: HygieneProblem };

/** Cleans one value: strips invisible characters, refuses control/bidi/broken ones, NFC. */
export function cleanText(value: string, options: { singleLine?: boolean } = {}): Hygiene {
  if (LONE_SURROGATE.test(value)) return { problem: 'surrogate' };
  const text = value.replace(/\r\n?/g, '\n').replace(STRIP, '');
  if (BIDI.test(text)) return { problem: 'bidi' };
  if (CONTROL.test(text)) return { problem: 'control' };
  if (options.singleLine && LINE_BREAK_OR_TAB.test(text)) return { problem: 'lineBreak' };
  return { text: text.normalize('NFC') };
}

/** Whether a value has a line break or a tab (what a one-line option refuses). */
export function hasLineBreak(value: string): boolean {
  return LINE_BREAK_OR_TAB.test(value);
}

/** The invisible characters alone removed (what the detector looks through). */
export function stripInvisible(value: string): string {
  return value.replace(STRIP, '');
}
