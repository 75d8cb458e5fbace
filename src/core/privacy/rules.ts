// The identifier rules, one row per rule: which kind of identifier it finds,
// in which profiles it applies, and why. detect() runs them in order; the first
// match names the kind. Everything here is pure (no I/O), so the corpus tests
// in test/core/privacy-corpus.test.ts run it over hundreds of lines at once.
//
// Profiles (declared on an option with `text:`, see src/core/command.ts):
//   name     names of organisations, members, holidays, and references to them
//   free     titles, places, questions, poll options, other free text (default)
//   contact  a member's own work `phone=` / `email=`: a work mobile and a work
//            e-mail are allowed there (as before), everything else is refused
//   case     fields about a case (the coming case-conference agenda): stricter,
//            see the rules marked 'case' below
import { stripInvisible } from './hygiene.ts';

export type TextProfile = 'name' | 'free' | 'contact' | 'case';
export const PROFILES: readonly TextProfile[] = ['name', 'free', 'contact', 'case'];

export type IdentifierKind =
  | 'rrn'
  | 'foreignerNumber'
  | 'passport'
  | 'driverLicence'
  | 'bankAccount'
  | 'phone'
  | 'address'
  | 'email'
  | 'otherPhone'
  | 'residentName'
  | 'birthDate';

/** The text as the rules see it. */
export interface View {
  /** NFKC (full-width digits and letters folded), dashes '-', quotes and invisible characters removed. */
  text: string;
  /** Runs of digits joined by separators (space, '-', '.', '(', ')'), each split into its digit groups. */
  runs: string[][];
}

export interface Rule {
  id: string;
  kind: IdentifierKind;
  profiles: readonly TextProfile[];
  /** Why: shown in the README and the test names. */
  doc: string;
  test: (view: View) => boolean;
}

const ALL: readonly TextProfile[] = PROFILES;
const NOT_CONTACT: readonly TextProfile[] = ['name', 'free', 'case'];
const CASE: readonly TextProfile[] = ['case'];

// ---- helpers -------------------------------------------------------------

/** YYMMDD is a real calendar day (any century). */
export function validYymmdd(digits: string): boolean {
  const yy = Number(digits.slice(0, 2));
  const mm = Number(digits.slice(2, 4));
  const dd = Number(digits.slice(4, 6));
  if (mm < 1 || mm > 12 || dd < 1) return false;
  const days = [31, yy % 4 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mm - 1];
  return dd <= days;
}

/** Every window of consecutive digit groups of a run, compacted: `010 1234 5678` -> 01012345678 (and its parts). */
function windows(view: View, maxGroups = 13): string[] {
  const out: string[] = [];
  for (const groups of view.runs) {
    for (let i = 0; i < groups.length; i++) {
      let joined = '';
      for (let j = i; j < Math.min(groups.length, i + maxGroups); j++) {
        joined += groups[j];
        out.push(joined);
      }
    }
  }
  return out;
}

const anyWindow = (view: View, test: (digits: string) => boolean) => windows(view).some(test);

/**
 * 13-digit windows written like a resident number: one group, or a group
 * boundary right after the 6 date digits (900101 1234 567, 9 0 0 1 0 1 - …).
 * 1002-123-456789 (a bank account) has no boundary there.
 */
function rrnWindows(view: View): string[] {
  const out: string[] = [];
  for (const groups of view.runs) {
    for (let i = 0; i < groups.length; i++) {
      let joined = '';
      let boundaryAt6 = false;
      for (let j = i; j < groups.length && joined.length < 13; j++) {
        if (joined.length === 6) boundaryAt6 = true;
        joined += groups[j];
        if (joined.length === 13 && (j === i || boundaryAt6)) out.push(joined);
      }
    }
  }
  return out;
}

/** 13 digits YYMMDD + G + 6 with a real date: G 1–4, 9, 0 Korean, 5–8 foreigner. No check digit (not valid from Oct 2020). */
const rrnShape = (digits: string, foreigner: boolean) =>
  /^\d{13}$/.test(digits) && validYymmdd(digits) && (foreigner ? /[5-8]/ : /[0-49]/).test(digits[6]);

/** 010 + 8 digits, 011/016–019 + 7–8 digits, the same after 82 (with or without the 0). */
const mobileShape = (digits: string) => /^(?:010\d{8}|01[16789]\d{7,8}|820?10\d{8}|820?1[16789]\d{7,8})$/.test(digits);

/** Institutional landlines and representative numbers: 02-, 0[3-6][1-5]-, 15xx/16xx/18xx-xxxx. */
const LANDLINE = /^(?:02\d{7,8}|0[3-6][1-5]\d{7,8}|1[568]\d{6})$/;
/** Anything a phone number could be (a 0-prefixed 9–12 digit number, 050x safe numbers, 070). */
const PHONE_LIKE = /^(?:0\d{8,11}|\+?82\d{8,11})$/;

const ROAD = String.raw`[가-힣A-Za-z0-9]*[가-힣](?:로|길)\s*\d{1,4}(?:-\d{1,4})?(?:\s*번길\s*\d{1,4}(?:-\d{1,4})?)?`;
const INSTITUTION = '(?:복지관|센터|구청|시청|군청|청사|사무소|병원|의원|보건소|학교|도서관|회관|경로당|협의회|재단|법인|공단|은행|교회|성당)';
const RESIDENCE = '(?:거주|자택|사는\\s?곳|살고|사시는|댁|집\\s?주소|주거지|실거주|전입|세대주|셋방|월세방)';

// Common surnames (one syllable) for the name rules of the case profile.
const SURNAME = '[김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민나진지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제탁은편용예경봉사부가복태목형피두감음빈온호범좌팽승간상갈시]';
/** Words that start like a name but are titles or ordinary nouns in front of 님/씨/어르신. */
const NOT_NAMES = new Set(
  (
    '이웃 지역 독거 홀몸 저소득 장애 고령 노인 마을 동네 우리 한분 한 모든 해당 대상 관내 주변 주위 지역사회 주민 이용자 고객 전원 ' +
    '위원 위원장 선생 주무관 부장 차장 주임 반장 이장 간사 상담사 봉사자 구청장 시장 강사 박사 기자 조사 원장 소장 사장 성함 ' +
    '사회복지사 복지사 사례관리사 간호사 기관장 신청인 보호자 후원자 회원 여러분 부모 부모님 자녀 가족 어머님 아버님 어머니 아버지 ' +
    '할머님 할아버님 선배 후배 동료 담당 공무원 사무장 국장 과장 고위험 저위험 중위험 취약 장기요 고령층 대상 주요 계장 실장 팀장 주사 서기 전문가 교수 변호사 노무사 세무사 ' +
    '이사 이사장 감사 회계 총무 고문 대표 회장 부회장 나 저 제 그분 이분 저분 그 이 저 어느 다른 각 모 기존 신규 새 정 부 사무국장'
  ).split(' '),
);

function nameWithTitle(text: string, re: RegExp): boolean {
  for (const m of text.matchAll(re)) if (!NOT_NAMES.has(m[1])) return true;
  return false;
}

// ---- the table -----------------------------------------------------------

export const RULES: readonly Rule[] = [
  {
    id: 'bank-keyword',
    kind: 'bankAccount',
    profiles: ALL,
    doc: '(First, so that an account after a bank word is called an account even when it also has a date-like shape.) 계좌번호 after a bank word (계좌, 통장, 은행, 농협, 우체국, 예금주, 입금, 이체, …): 10–16 digits that are not a phone number.',
    test: (v) => {
      const re = /(?:계좌|통장|은행|뱅크|농협|신협|수협|새마을금고|우체국|예금주|입금|이체|송금|국민|신한|우리|하나|기업|카카오|토스)\D{0,15}?(\d[\d\s-]{8,24}\d)/g;
      for (const m of v.text.matchAll(re)) {
        const digits = m[1].replace(/\D/g, '');
        if (digits.length >= 10 && digits.length <= 16 && !LANDLINE.test(digits) && !mobileShape(digits)) return true;
      }
      return false;
    },
  },
  {
    id: 'rrn-digits',
    kind: 'rrn',
    profiles: ALL,
    doc: '주민등록번호: YYMMDD + 1–4(9,0) + 6 digits with a real date, however separated (hyphen, spaces, dots, full-width digits, words split by spaces); the check digit is not required (numbers from Oct 2020 have none).',
    test: (v) => rrnWindows(v).some((d) => rrnShape(d, false)),
  },
  {
    id: 'foreigner-digits',
    kind: 'foreignerNumber',
    profiles: ALL,
    doc: '외국인등록번호: the same shape with 5–8 as the 7th digit.',
    test: (v) => rrnWindows(v).some((d) => rrnShape(d, true)),
  },
  {
    id: 'rrn-split-words',
    kind: 'rrn',
    profiles: ALL,
    doc: 'A resident number split across words: a 6-digit real date and, within 20 characters, a 7-digit group starting 0–9 (앞자리 900101 뒷자리 1234567).',
    test: (v) => {
      for (const m of v.text.matchAll(/(?<!\d)(\d{6})(?!\d)\D{1,20}?(?<!\d)(\d)\d{6}(?!\d)/g)) if (validYymmdd(m[1])) return true;
      return false;
    },
  },
  {
    id: 'rrn-masked',
    kind: 'rrn',
    profiles: ALL,
    doc: 'A partly masked resident number still gives birth date and sex: 900101-1****** .',
    test: (v) => {
      for (const m of v.text.matchAll(/(?<!\d)(\d{6})\s*-?\s*[0-9]\s?[*xX●○#]{4,6}/g)) if (validYymmdd(m[1])) return true;
      return false;
    },
  },
  {
    id: 'passport',
    kind: 'passport',
    profiles: ALL,
    doc: '여권번호: old format M12345678 (M/S/R/G/D/T + 8 digits), new format (2021–) M123A4567; or 여권 followed by a letter and 7–8 digits.',
    test: (v) =>
      /(?<![A-Za-z0-9])[MSRGDTmsrgdt]\s?\d{8}(?![A-Za-z0-9])/.test(v.text) ||
      /(?<![A-Za-z0-9])[MSRGDTmsrgdt]\d{3}\s?[A-Za-z]\d{4}(?![A-Za-z0-9])/.test(v.text) ||
      /여권(?:번호)?\D{0,8}[A-Za-z]{1,2}\s?\d{7,8}(?!\d)/.test(v.text),
  },
  {
    id: 'driver-licence',
    kind: 'driverLicence',
    profiles: ALL,
    doc: '운전면허번호: 2-2-6-2 digits with region 11–28 (11-23-123456-78, also bare), or a region name first (서울 23-123456-78).',
    test: (v) =>
      /(?<![\d-])(?:1[1-9]|2[0-8])\s?-?\s?\d{2}\s?-?\s?\d{6}\s?-?\s?\d{2}(?![\d-])/.test(v.text) ||
      /(?:서울|부산|경기|강원|충북|충남|전북|전남|경북|경남|제주|대구|인천|광주|대전|울산)\s?\d{2}\s?-?\s?\d{6}\s?-?\s?\d{2}(?!\d)/.test(v.text),
  },
  {
    id: 'bank-shape',
    kind: 'bankAccount',
    profiles: ALL,
    doc: '계좌번호 by shape: 3–4 hyphenated digit groups, 11–14 digits, with a group of 5+ digits or four groups (110-123-456789, 3333-01-1234567, 352-1234-5678-93); not a date and not a phone number.',
    test: (v) => {
      for (const m of v.text.matchAll(/(?<![\d-])\d{2,6}(?:-\d{2,8}){2,3}(?![\d-])/g)) {
        const groups = m[0].split('-');
        const digits = groups.join('');
        if (digits.length < 11 || digits.length > 14) continue;
        if (/^(?:19|20)\d{2}-(?:0?[1-9]|1[0-2])-/.test(m[0])) continue; // 2026-12-24-…
        if (LANDLINE.test(digits) || mobileShape(digits)) continue;
        if (groups.length === 4 || groups.some((g) => g.length >= 5)) return true;
      }
      return false;
    },
  },
  {
    id: 'mobile',
    kind: 'phone',
    profiles: NOT_CONTACT,
    doc: '개인 휴대전화: 010/011/016–019 with hyphens, dots, spaces, parentheses or nothing, or +82 10 (also +82 (0)10); next to a name too (김영희010-1234-5678). Allowed in the contact profile (a member\'s own work mobile).',
    test: (v) => anyWindow(v, mobileShape),
  },
  {
    id: 'address-lot',
    kind: 'address',
    profiles: ALL,
    doc: '지번 주소: a lot number with 번지 (모라동 123-4번지, 산 12번지).',
    test: (v) => /(?<![\d-])(?:산\s?)?\d{1,5}(?:-\d{1,4})?\s*번지/.test(v.text),
  },
  {
    id: 'address-unit',
    kind: 'address',
    profiles: ALL,
    doc: '동·호 of a home: 101동 1203호, 행복아파트101동 1203호, 가동 201호, 아파트·빌라·오피스텔 + 호수 or 101-1203. A room alone (3층 101호, 복지관 101호) and a dong name (모라3동 101호) pass.',
    test: (v) =>
      /(?<![가-힣\d-])\d{1,4}\s*동\s*\d{1,4}\s*호/.test(v.text) ||
      /(?<=[가-힣])\d{3,4}\s*동\s*\d{1,4}\s*호/.test(v.text) ||
      /(?<![가-힣])[가나다라마바사]\s?동\s*\d{1,4}\s*호/.test(v.text) ||
      /(?:아파트|빌라|맨션|오피스텔|연립|다세대|원룸|고시원|고시텔|주공|APT|apt|하우스|빌)\s*(?:\d{1,4}\s*동\s*)?\d{1,4}\s*호/.test(v.text) ||
      /(?:아파트|빌라|맨션|오피스텔|연립|주공|APT|apt)\s*\d{1,4}\s*-\s*\d{1,4}(?![\d-])/.test(v.text),
  },
  {
    id: 'address-road-unit',
    kind: 'address',
    profiles: ALL,
    doc: '도로명 주소 with a unit: a road (…로/…길) and building number followed by 호 (모라로 12, 301호). An institution\'s road address without a unit passes; with a floor between (모라로 12 3층 301호) it is a room and passes.',
    test: (v) => new RegExp(`${ROAD}[\\s,]*(?:\\([^)]{0,12}\\)\\s*)?\\d{1,4}\\s*호`).test(v.text),
  },
  {
    id: 'address-residence',
    kind: 'address',
    profiles: ALL,
    doc: 'A road address next to a word for someone living there (모라로 123 거주, 자택: 모라로 12).',
    test: (v) =>
      new RegExp(`${ROAD}(?![\\d가-힣]).{0,8}${RESIDENCE}`).test(v.text) || new RegExp(`${RESIDENCE}.{0,8}${ROAD}(?![\\d가-힣])`).test(v.text),
  },
  // ---- case profile only ----
  {
    id: 'case-email',
    kind: 'email',
    profiles: CASE,
    doc: 'case: any e-mail address (in a case field it is a resident\'s).',
    test: (v) => /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/.test(v.text),
  },
  {
    id: 'case-phone',
    kind: 'otherPhone',
    profiles: CASE,
    doc: 'case: any phone number that is not an institutional landline (02-, 051-… , 1588-…): 070, 050x safe numbers and the like.',
    test: (v) =>
      v.runs.some(
        (groups) =>
          !LANDLINE.test(groups.join('')) &&
          groups.some((first, i) => (/^(?:0[1-9]\d{0,2}|82)$/.test(first) || PHONE_LIKE.test(first)) && windows({ ...v, runs: [groups.slice(i)] }).some((d) => d.startsWith(first) && PHONE_LIKE.test(d) && !LANDLINE.test(d))),
      ),
  },
  {
    id: 'case-road',
    kind: 'address',
    profiles: CASE,
    doc: 'case: a road address with a building number not followed by an institution (모라로 123 passes as 모라로 123 복지관), or a dong with a lot number (모라동 123-4).',
    test: (v) =>
      new RegExp(`${ROAD}(?![\\d가-힣])(?!.{0,16}${INSTITUTION})`).test(v.text) || /[가-힣]+\d?동\s?\d{1,4}-\d{1,4}(?![\d가-힣])/.test(v.text),
  },
  {
    id: 'case-masked-name',
    kind: 'residentName',
    profiles: CASE,
    doc: 'case: a masked name (김○○, 박OO, 이**, 최ㅇㅇ) or 성+모 with a title (이모씨, 김모 어르신).',
    test: (v) =>
      new RegExp(`(?<![가-힣])${SURNAME}\\s?[○◯OＯ*＊xX■□●◎ㅇ\u110B]{1,2}(?![A-Za-z가-힣])`).test(v.text) ||
      new RegExp(`(?<![가-힣])${SURNAME}모\\s?(?:씨|님|군|양|어르신|할머니|할아버지|여사|아동|학생)`).test(v.text),
  },
  {
    id: 'case-name-title',
    kind: 'residentName',
    profiles: CASE,
    doc: 'case: a name (2–4 syllables starting with a common surname, not a title like 팀장/위원) with an honorific or family title after it: 김영희 어르신, 홍길동 씨, 박민수님, 김영자 할머니; or 할머니/할아버지 before a 3-syllable name.',
    test: (v) =>
      nameWithTitle(v.text, new RegExp(`(?<![가-힣])(${SURNAME}[가-힣]{1,3})\\s?(?:어르신|할머니|할아버지|할매|할배|여사님?|씨|님|옹|군|양)(?=$|[^가-힣]|[은는이가을를의께에도와과랑만])`, 'g')) ||
      new RegExp(`(?:할머니|할아버지|어르신)\\s${SURNAME}[가-힣]{2}(?![가-힣])`).test(v.text),
  },
  {
    id: 'case-birth',
    kind: 'birthDate',
    profiles: CASE,
    doc: 'case: a birth date or age tied to a person: 생년월일/생일/출생 + date, 57년생, 1957년생, or a name with a date or age in brackets (김영희(1957.3.2), 김영희(78세)), or a name next to a YYMMDD.',
    test: (v) =>
      /(?:생년월일|생일|출생일?|D\.?O\.?B)\D{0,6}\d{2,4}\s?[.\-/년]\s?\d{1,2}\s?[.\-/월]\s?\d{1,2}/i.test(v.text) ||
      /(?<!\d)(?:19|20)?\d{2}\s?년생/.test(v.text) ||
      new RegExp(`${SURNAME}[가-힣]{1,3}\\s?\\(\\s?(?:(?:19|20)?\\d{2}[.\\-/]\\d{1,2}[.\\-/]\\d{1,2}|만?\\s?\\d{1,3}\\s?세)`).test(v.text) ||
      [...v.text.matchAll(new RegExp(`${SURNAME}[가-힣]{1,3}\\s?\\(?(\\d{6})\\)?(?!\\d)`, 'g'))].some((m) => validYymmdd(m[1])),
  },
  {
    id: 'case-rrn-front',
    kind: 'rrn',
    profiles: CASE,
    doc: 'case: the front half of a resident number with the sex digit (570302-2).',
    test: (v) => [...v.text.matchAll(/(?<!\d)(\d{6})\s?-\s?[0-9](?![\d])/g)].some((m) => validYymmdd(m[1])),
  },
];

// ---- the view ------------------------------------------------------------

/**
 * What the rules look at: invisible characters removed, full-width digits and
 * letters folded (NFKC), every kind of dash (and ㅡ between digits) made '-',
 * and quotes removed (the parser joins `900101"-"1234567` into one value).
 */
export function normaliseForDetection(text: string): string {
  return stripInvisible(text)
    .replace(/(?<=[\d０-９]\s*)[ㅡ~～](?=\s*[\d０-９])/g, '-')
    .normalize('NFKC')
    .replace(/[\p{Pd}\u2212\uFE63\uFF0D\u2500\u2501]/gu, '-')
    .replace(/["'“”‘’`]/g, '');
}

export function viewOf(text: string): View {
  const normalised = normaliseForDetection(text);
  const runs: string[][] = [];
  for (const m of normalised.matchAll(/\+?\d(?:[\s.\-()]{1,3}\d|\d)*/g)) runs.push(m[0].split(/[^\d]+/).filter(Boolean));
  // "+82 10 …" and "+82(0)10 …": the country code is its own group; drop a "(0)".
  return { text: normalised, runs: runs.map((groups) => (groups[0] === '82' && groups[1] === '0' ? ['82', ...groups.slice(2)] : groups)) };
}

/** The first rule of the profile that finds something, or undefined. */
export function detect(text: string, profile: TextProfile): Rule | undefined {
  const view = viewOf(text);
  return RULES.find((rule) => rule.profiles.includes(profile) && rule.test(view));
}
