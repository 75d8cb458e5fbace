// The identifier guard against its corpus (test/core/fixtures/):
//   privacy-identifiers.txt  spellings of resident identifiers: all must be refused, as the right kind
//   privacy-ordinary.txt     meeting titles, places, agenda sentences, poll options, holiday and
//                            organisation names: the false-positive rate must stay ≤ 2 %
//   privacy-case.txt         the stricter 'case' profile: what it adds, and agenda lines it accepts
// The figures are printed with the test output.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.ts';
import { catalogs } from '../../src/core/i18n/index.ts';
import { detect, detectIdentifier, guardText, refusalText, RULES, type TextProfile } from '../../src/core/privacy/index.ts';
import { translator } from '../../src/core/i18n/index.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');

/** Lines of a fixture without comments; `\uXXXX` written in a line stands for that character. */
function lines(file: string): string[] {
  return readFileSync(join(FIXTURES, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => line.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))));
}

const tabbed = (file: string) => lines(file).map((line) => line.split('\t') as [string, string]);
const percent = (n: number, total: number) => `${((100 * n) / total).toFixed(1)} %`;

const identifiers = tabbed('privacy-identifiers.txt');
const ordinary = lines('privacy-ordinary.txt');
const caseLines = tabbed('privacy-case.txt');

describe('identifier corpus', () => {
  it('refuses every identifier spelling, as its kind, without repeating it (profile free)', () => {
    const missed: string[] = [];
    const wrongKind: string[] = [];
    for (const [kind, text] of identifiers) {
      const result = guardText('free', 'title', text);
      if (!(result instanceof UserError)) {
        missed.push(`${kind}: ${text}`);
        continue;
      }
      if (result.params.what !== `pii.${kind}`) wrongKind.push(`${kind} as ${result.params.what}: ${text}`);
      const message = refusalText(translator('ko'), result);
      expect(message).toContain('`title`');
      expect(message).toContain('아무것도 저장되지 않았습니다');
      for (const digits of text.match(/\d{4,}/g) ?? []) expect(message).not.toContain(digits);
    }
    const caught = identifiers.length - missed.length;
    console.log(`identifier corpus (free): caught ${caught} / ${identifiers.length} (${percent(caught, identifiers.length)}); wrong kind ${wrongKind.length}`);
    expect(identifiers.length).toBeGreaterThanOrEqual(150);
    expect(missed).toEqual([]);
    expect(wrongKind).toEqual([]);
  });

  it('passes ordinary meeting text: false positives ≤ 2 % (profile free)', () => {
    const flagged = ordinary.filter((text) => detect(text, 'free')).map((text) => `${detect(text, 'free')!.id}: ${text}`);
    console.log(`ordinary corpus (free): false positives ${flagged.length} / ${ordinary.length} (${percent(flagged.length, ordinary.length)})`, flagged);
    expect(ordinary.length).toBeGreaterThanOrEqual(300);
    expect(flagged.length / ordinary.length).toBeLessThanOrEqual(0.02);
  });

  it('names are guarded like free text (profile name)', () => {
    const missed = identifiers.filter(([, text]) => !detect(text, 'name'));
    const names = ordinary.filter((text) => detect(text, 'name'));
    console.log(`profile name: caught ${identifiers.length - missed.length} / ${identifiers.length}; false positives ${names.length} / ${ordinary.length}`);
    expect(missed).toEqual([]);
  });

  it('the case profile refuses names with titles, e-mail, other phones and birth dates, and keeps agenda lines', () => {
    const refusals = caseLines.filter(([kind]) => kind !== 'ok');
    const accepted = caseLines.filter(([kind]) => kind === 'ok');
    const missed = refusals.filter(([kind, text]) => detect(text, 'case')?.kind !== kind).map(([kind, text]) => `${kind}: ${text} (${detect(text, 'case')?.id})`);
    const blocked = accepted.filter(([, text]) => detect(text, 'case')).map(([, text]) => `${detect(text, 'case')!.id}: ${text}`);
    // Every identifier of the general corpus is refused in case fields too.
    const generalMissed = identifiers.filter(([, text]) => !detect(text, 'case'));
    // The ordinary corpus as case text: informative (staff e-mails and institution numbers are not case text).
    const ordinaryFlagged = ordinary.filter((text) => detect(text, 'case')).map((text) => `${detect(text, 'case')!.id}: ${text}`);
    console.log(
      `profile case: caught ${refusals.length - missed.length} / ${refusals.length} case-only spellings, ${identifiers.length - generalMissed.length} / ${identifiers.length} general; ` +
        `agenda lines refused ${blocked.length} / ${accepted.length}; ordinary corpus flagged ${ordinaryFlagged.length} / ${ordinary.length} (${percent(ordinaryFlagged.length, ordinary.length)})`,
      ordinaryFlagged,
    );
    expect(missed).toEqual([]);
    expect(blocked).toEqual([]);
    expect(generalMissed).toEqual([]);
    expect(ordinaryFlagged.length / ordinary.length).toBeLessThanOrEqual(0.05);
  });

  it('free text does not take the case-only rules: a staff e-mail, a 김영희 어르신 outside a case field', () => {
    expect(detect('담당 kim@welfare.or.kr', 'free')).toBeUndefined();
    expect(detect('김영희 어르신', 'free')).toBeUndefined();
  });
});

describe('profiles', () => {
  const refused = (profile: TextProfile, text: string) => guardText(profile, 'phone', text) instanceof UserError;

  it('contact: a work mobile and a work e-mail are allowed; identifiers, homes and accounts are not', () => {
    expect(guardText('contact', 'phone', '010-1234-5678')).toBe('010-1234-5678');
    expect(guardText('contact', 'phone', '051-310-1234')).toBe('051-310-1234');
    expect(guardText('contact', 'email', 'kim@welfare.or.kr')).toBe('kim@welfare.or.kr');
    for (const text of ['900101-1234567', 'M12345678', '11-23-123456-78', '110-123-456789', '101동 1203호', '모라동 123번지']) {
      expect(refused('contact', text), text).toBe(true);
    }
  });

  it('a mobile number is refused in name, free and case fields', () => {
    for (const profile of ['name', 'free', 'case'] as const) expect(refused(profile, '김영희 010 1234 5678')).toBe(true);
  });

  it('every rule of the table is documented and caught by at least one corpus line', () => {
    const all = [...identifiers.map(([, text]) => text), ...caseLines.filter(([k]) => k !== 'ok').map(([, text]) => text)];
    const unused = RULES.filter((rule) => !all.some((text) => detect(text, rule.profiles.includes('free') ? 'free' : 'case')?.id === rule.id));
    expect(RULES.every((rule) => rule.doc.length > 20)).toBe(true);
    expect(unused.map((rule) => rule.id)).toEqual([]);
  });

  it('detectIdentifier (the whole-text check of dispatch and CSV) still finds the always-forbidden kinds', () => {
    expect(detectIdentifier('/member add 김민수 position=900101"-"1234567', ['rrn'])).toBe('rrn');
    expect(detectIdentifier('/meetup create title=정례모임 start=2026-12-24 time=14:00 place="복지관 3층 101호" phone=051-310-1234', ['rrn', 'foreignerNumber', 'passport', 'driverLicence'])).toBeUndefined();
  });

  it('every kind has a label in both languages', () => {
    for (const rule of RULES) {
      expect(catalogs.ko.messages).toHaveProperty(`pii.${rule.kind}`);
      expect(catalogs.en.messages).toHaveProperty(`pii.${rule.kind}`);
    }
  });
});
