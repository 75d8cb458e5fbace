// Resident identifiers must never pass through the bot (개인정보보호법 §24-2).
// detectIdentifiers() finds them so input is refused before it is stored,
// logged or echoed. The message names the kind, never the value.

export type IdentifierKind = 'rrn' | 'foreignerNumber' | 'passport' | 'driverLicence' | 'phone' | 'address';

interface Pattern {
  kind: IdentifierKind;
  regex: RegExp;
}

// Order matters: the first match names the kind.
const PATTERNS: Pattern[] = [
  // 주민등록번호 / 외국인등록번호: YYMMDD-G######, 7th digit 1–4 (RRN) or 5–8 (foreigner).
  { kind: 'rrn', regex: /(?<!\d)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\s*[-–]?\s*[1-49]\d{6}(?!\d)/ },
  { kind: 'foreignerNumber', regex: /(?<!\d)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\s*[-–]?\s*[5-8]\d{6}(?!\d)/ },
  // 운전면허번호: 11-23-123456-78 (region 11–28 or a region name, year, serial, check).
  { kind: 'driverLicence', regex: /(?<!\d)(1[1-9]|2[0-8])-?\d{2}-?\d{6}-?\d{2}(?!\d)/ },
  // 여권번호: M12345678 or M123A4567 (one letter, then 8 characters, mostly digits).
  { kind: 'passport', regex: /(?<![A-Za-z0-9])[MSRGDmsrgd]\d{3}[A-Za-z]?\d{4,5}(?![A-Za-z0-9])/ },
  // 휴대전화: 010-1234-5678, 01012345678, +82 10 ...
  { kind: 'phone', regex: /(?<!\d)(\+82[\s-]?1[016789]|01[016789])[\s-]?\d{3,4}[\s-]?\d{4}(?!\d)/ },
  // 번지가 있는 주소: "…로 12", "…길 3-4", "…동 123번지", "…아파트 101동 202호".
  {
    kind: 'address',
    regex: /([가-힣0-9]+(로|길)\s*\d+(-\d+)?(번길)?(?![가-힣]))|(\d+(-\d+)?\s*번지)|(\d+\s*동\s*\d+\s*호)/,
  },
];

/** The kinds that are never legitimate anywhere in the bot, even in staff data. */
export const ALWAYS_FORBIDDEN: readonly IdentifierKind[] = ['rrn', 'foreignerNumber', 'passport', 'driverLicence'];

/**
 * What the patterns look at: full-width digits and letters folded to ASCII
 * (NFKC), every kind of dash made '-', and quotes removed (the parser joins
 * `900101"-"1234567` into one value, so the guard must see it joined too).
 */
export function normaliseForDetection(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\p{Pd}\u2212\uFE63\uFF0D]/gu, '-')
    .replace(/["'“”‘’`]/g, '');
}

export function detectIdentifier(
  text: string,
  kinds: readonly IdentifierKind[] = PATTERNS.map((p) => p.kind),
): IdentifierKind | undefined {
  const normalised = normaliseForDetection(text);
  for (const pattern of PATTERNS) {
    if (kinds.includes(pattern.kind) && (pattern.regex.test(text) || pattern.regex.test(normalised))) return pattern.kind;
  }
  return undefined;
}
