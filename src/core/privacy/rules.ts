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

/** A run of digit groups joined by separators (any run of characters that are neither letters nor digits). */
export interface Run {
  groups: string[];
  /** The groups joined, and where each group starts in it (one more entry: the length). */
  digits: string;
  cuts: number[];
  /** Offsets of the run in View.text: [start, end). */
  start: number;
  end: number;
}

/** The text as the rules see it. */
export interface View {
  /** See normaliseForDetection: NFKC, every digit script and Hangul digit words as ASCII digits, dashes '-', no quotes or invisible characters. */
  text: string;
  runs: Run[];
  /** Names of members of the directory: not residents (see residentNameCandidates). */
  known?: ReadonlySet<string>;
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

/** The longest digit string any rule compares (+82 10 1234 5678 is 12; a resident number 13). */
const MAX_WINDOW = 14;

/** The windows of consecutive groups of a run starting at group `from`, compacted, up to MAX_WINDOW digits. */
function windowsFrom(groups: readonly string[], from: number): string[] {
  const out: string[] = [];
  let joined = '';
  for (let j = from; j < groups.length; j++) {
    joined += groups[j];
    if (joined.length > MAX_WINDOW) break;
    out.push(joined);
  }
  return out;
}

/** Some window of consecutive digit groups, compacted (`010 1234 5678` -> 01012345678), is a mobile number (those start 01 or 82). */
const mobileWindow = (view: View) =>
  view.runs.some(({ groups }) => groups.some((first, i) => /^[08]/.test(first) && windowsFrom(groups, i).some(mobileShape)));

/**
 * Windows from group `from` shaped like a phone number: after the first group
 * (and the 10 after 82) groups of 3 or more digits, so that a date range
 * (2026.01.01 ~ 2026.12.31) is not read as 01 01 2026 ….
 */
function phoneWindows(groups: readonly string[], from: number): string[] {
  const out: string[] = [];
  let joined = '';
  for (let j = from; j < groups.length; j++) {
    if (j > from && groups[j].length < 3 && !(j === from + 1 && groups[from] === '82')) break;
    joined += groups[j];
    if (joined.length > MAX_WINDOW) break;
    out.push(joined);
  }
  return out;
}

/** The resident-number windows of a view, shared by the rules for residents and foreigners. */
const rrnCache = new WeakMap<View, RrnWindow[]>();

interface RrnWindow {
  digits: string;
  /** The split does not show the usual 6 + 7 (9001 011234567): only the sex digits 1–8 count then. */
  loose: boolean;
}

/**
 * 13-digit windows written like a resident number: one group; a group
 * boundary right after the 6 date digits (900101 1234 567, 9 0 0 1 0 1 - …);
 * or two groups split anywhere (9001 011234567); with a real date. 1002-123-456789
 * (a bank account: three groups, no boundary after 6) is none of these.
 */
function rrnWindows(view: View): RrnWindow[] {
  const cached = rrnCache.get(view);
  if (cached) return cached;
  const out: RrnWindow[] = [];
  rrnCache.set(view, out);
  for (const { digits, cuts } of view.runs) {
    for (let i = 0; i + 1 < cuts.length && digits.length - cuts[i] >= 13; i++) {
      const at = cuts[i];
      if (digits[at + 2] !== '0' && digits[at + 2] !== '1') continue; // not a month: cheap, before any string is made
      let j = i;
      let boundaryAt6 = false;
      while (cuts[j + 1] - at < 13) if (cuts[++j] - at === 6) boundaryAt6 = true;
      if (cuts[j + 1] - at !== 13 || !validYymmdd(digits.slice(at, at + 6))) continue;
      const window = digits.slice(at, at + 13);
      if (j === i || (boundaryAt6 && cuts[j + 1] - cuts[j] === 7)) out.push({ digits: window, loose: false });
      else if (boundaryAt6 || j === i + 1) out.push({ digits: window, loose: true });
    }
  }
  return out;
}

/** 13 digits YYMMDD + G + 6 with a real date (rrnWindows): G 1–4, 9, 0 Korean, 5–8 foreigner. No check digit (not valid from Oct 2020). */
const rrnShape = ({ digits, loose }: RrnWindow, foreigner: boolean) => (foreigner ? /[5-8]/ : loose ? /[1-4]/ : /[0-49]/).test(digits[6]);

/**
 * A resident number whose halves are apart (앞자리 900101 뒷자리 1234567, 앞 9001 01 뒤 1234 567):
 * the last groups of one run make a real 6-digit date and, at most 30
 * characters further, the first groups of the next run make 7 digits (one
 * group: any first digit, as 900101-9234567; several: a sex digit 1–8).
 */
function rrnHalvesApart(view: View): boolean {
  for (let r = 0; r + 1 < view.runs.length; r++) {
    const [front, back] = [view.runs[r], view.runs[r + 1]];
    if (back.start - front.end > 30) continue;
    let date = '';
    for (let i = front.groups.length - 1; i >= 0 && date.length < 6; i--) date = front.groups[i] + date;
    if (date.length !== 6 || !validYymmdd(date)) continue;
    const rest = windowsFrom(back.groups, 0).find((d) => d.length === 7);
    if (rest && (back.groups[0].length === 7 || /^[1-8]/.test(rest))) return true;
  }
  return false;
}

/**
 * 운전면허번호 by its digits: 12 digits from region 11–28, in one group or split
 * only where 2-2-6-2 splits it (11 23 123456 78, 11/23/123456/78).
 */
function licenceWindow(view: View): boolean {
  for (const { digits, cuts } of view.runs) {
    for (let i = 0; i + 1 < cuts.length && digits.length - cuts[i] >= 12; i++) {
      const at = cuts[i];
      if (!/^(?:1[1-9]|2[0-8])/.test(digits.slice(at, at + 2))) continue;
      let j = i;
      while (cuts[j + 1] - at < 12 && [2, 4, 10].includes(cuts[j + 1] - at)) j++;
      if (cuts[j + 1] - at === 12) return true;
    }
  }
  return false;
}

/** 010 + 8 digits, 011/016–019 + 7–8 digits, the same after 82 (with or without the 0). */
const mobileShape = (digits: string) => /^(?:010\d{8}|01[16789]\d{7,8}|820?10\d{8}|820?1[16789]\d{7,8})$/.test(digits);

/** Institutional landlines and representative numbers: 02-, 0[3-6][1-5]-, 15xx/16xx/18xx-xxxx. */
const LANDLINE = /^(?:02\d{7,8}|0[3-6][1-5]\d{7,8}|1[568]\d{6})$/;
/** Anything a phone number could be (a 0-prefixed 9–12 digit number, 050x safe numbers, 070). */
const PHONE_LIKE = /^(?:0\d{8,11}|\+?82\d{8,11})$/;

// The road name before 로/길 is bounded (the longest Korean road names have about 15 syllables): an
// unbounded prefix made every rule using ROAD quadratic on long Hangul text. A representative number
// right after the road (복지로 1588-4567) is a phone number, not a building number.
const ROAD = String.raw`[가-힣A-Za-z0-9]{0,20}[가-힣](?:로|길)\s*(?!1[5-8]\d{2}-\d{4})\d{1,4}(?:-\d{1,4})?(?:\s*번길\s*\d{1,4}(?:-\d{1,4})?)?`;
const INSTITUTION = '(?:복지관|센터|구청|시청|군청|청사|사무소|병원|의원|보건소|학교|도서관|회관|경로당|협의회|재단|법인|공단|은행|교회|성당)';
const RESIDENCE = '(?:거주|자택|사는\\s?곳|살고|사시는|댁|집\\s?주소|주거지|실거주|전입|세대주|셋방|월세방)';

// Common surnames (one syllable), and the two-syllable ones.
const SURNAME = '[김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민나진지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제탁은편용예경봉사부가복태목형피두감음빈온호범좌팽승간상갈시]';
const COMPOUND_SURNAME = '(?:남궁|황보|제갈|선우|독고|사공|서문|동방)';
/** Words that start like a name but are titles or ordinary nouns in front of 님/씨/어르신. */
const NOT_NAMES = new Set(
  (
    '이웃 지역 독거 홀몸 저소득 장애 고령 노인 마을 동네 우리 한분 한 모든 해당 대상 관내 주변 주위 지역사회 주민 이용자 고객 전원 ' +
    '위원 위원장 선생 주무관 부장 차장 주임 반장 이장 간사 상담사 봉사자 구청장 시장 강사 박사 기자 조사 원장 소장 사장 성함 ' +
    '사회복지사 복지사 사례관리사 간호사 기관장 신청인 보호자 후원자 회원 여러분 부모 부모님 자녀 가족 어머님 아버님 어머니 아버지 ' +
    '할머님 할아버님 선배 후배 동료 담당 공무원 사무장 국장 과장 고위험 저위험 중위험 취약 장기요 고령층 대상 주요 계장 실장 팀장 주사 서기 전문가 교수 변호사 노무사 세무사 ' +
    '이사 이사장 감사 회계 총무 고문 대표 회장 부회장 나 저 제 그분 이분 저분 그 이 저 어느 다른 각 모 기존 신규 새 정 부 사무국장 ' +
    '가구 시설 방문 신청 선정 남성 여성 경증 참여 차상위 장애인 경로당 노인정 양로원 기초 상담원 연구원 조합원 신청자 방문자 진행자 사회자 ' +
    '선교사 전도사 설계사 구의원 시의원 도의원 부의장 부원장 시어머 시아버 장기요양'
  ).split(' '),
);
/** The given-name part of 김과장님, 이팀장님, 박위원님: a post written right after the family name. */
const POSTS = new Set(
  (
    '과장 팀장 부장 차장 실장 국장 계장 주임 주사 대리 사원 동장 관장 원장 소장 위원 회장 총무 간사 이사 감사 대표 반장 통장 이장 ' +
    '선생 교수 박사 목사 신부 수녀 기자 작가 강사 의원 팀원 담당 사장 주무 단장 시장 군수 의장 교장 교감 기사 복지 상담 간호'
  ).split(' '),
);
/** Last syllables of nouns for places, groups and posts (복지관, 경로당, 차상위, 고위험, 상담사), never of a given name. */
const NOUN_END = /[관당층청터소급위험회팀과단계품업설장사]$/;
/** A family name alone before 할머니/어르신/씨 that is a word instead: 이 (this), 한 (one), 전 (all), 두 (two), 제 (my), 모 (some), 성씨. */
const NOT_SURNAME_ALONE = new Set('이 한 전 두 제 모 성 나'.split(' '));
/** Kinship words made of a surname syllable and 모 (이모, 고모, 장모님): not 김모 (Mr. Kim). */
const KIN_MO = new Set('이모 고모 부모 숙모 장모 사모 조모 유모 백모'.split(' '));
const KIN_TITLE = '(?:할아버지|할아버님|할머니|할머님|어르신|아버님|어머님|할매|할배|여사님|여사)';
const MASK = '[○◯〇O*xX■□●◎\u110B]{1,2}';
/** After a title: the end of the word, or a particle (김영희 어르신께, 박철수 님은). */
const TITLE_END = '(?=$|[^가-힣]|[은는이가을를의께에도와과랑만])';
// Four forms, the candidate name in group 1: 김영희 어르신 / 박철수님 / 남궁민수 씨; 김 할아버지 / 김씨;
// 이모씨 / 김모 어르신; 박○○ 님.
const RESIDENT_NAME = new RegExp(
  [
    `((?:${COMPOUND_SURNAME}|${SURNAME})[가-힣]{2})\\s?(?:${KIN_TITLE}|씨|님|군|양|옹)`,
    `(${SURNAME})(?:\\s${KIN_TITLE}|\\s?씨)`,
    `(${SURNAME}모)(?:\\s?씨|\\s(?:${KIN_TITLE}|님|군|양))`,
    `(${SURNAME}\\s?${MASK})\\s?(?:${KIN_TITLE}|씨|님|군|양|옹)`,
  ]
    .map((form) => `(?<![가-힣])${form}${TITLE_END}`)
    .join('|'),
  'g',
);

/** Whether a word in front of a title is an ordinary noun or a post rather than a name. */
function notAName(word: string): boolean {
  if (NOT_NAMES.has(word)) return true;
  if (word.length >= 3 && (POSTS.has(word.slice(1)) || NOUN_END.test(word))) return true;
  return false;
}

/**
 * The names the resident-name rule (every profile but contact) would refuse in
 * a text: a family name with a kinship or age title (김 할아버지, 김영희 어르신,
 * 박철수 님, 이모씨, 박○○ 님). A post (김 과장님, 이팀장) or an ordinary word
 * (독거 어르신, 경로당 어르신) is none. Callers look these up among the members
 * (one query on Member.name) and pass the ones found to guardText as `known`.
 */
export function residentNameCandidates(text: string): string[] {
  return residentNames(normaliseForDetection(text));
}

function residentNames(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(RESIDENT_NAME)) {
    const [full, kin, mo, masked] = [m[1], m[2], m[3], m[4]];
    if (full !== undefined && notAName(full)) continue;
    if (kin !== undefined && NOT_SURNAME_ALONE.has(kin)) continue;
    if (mo !== undefined && KIN_MO.has(mo) && !m[0].endsWith('씨')) continue;
    names.push((full ?? kin ?? mo ?? masked).replace(/\s/g, ''));
  }
  return names;
}

function nameWithTitle(text: string, re: RegExp): boolean {
  for (const m of text.matchAll(re)) if (!notAName(m[1])) return true;
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
    doc: 'A resident number split across words: a 6-digit real date and, within 30 characters, 7 digits (앞자리 900101 뒷자리 1234567, 앞 9001 01 뒤 1234 567).',
    test: rrnHalvesApart,
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
    doc: '운전면허번호: 2-2-6-2 digits with region 11–28 (11-23-123456-78, 11/23/123456/78, also bare), or a region name first (서울 23-123456-78).',
    test: (v) =>
      licenceWindow(v) ||
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
    test: mobileWindow,
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
  {
    id: 'name-title',
    kind: 'residentName',
    profiles: NOT_CONTACT,
    doc: 'A resident\'s name with a kinship or age title, in every field: 김 할아버지, 김영희 어르신, 박철수 님, 이모씨, 박○○ 님. Not a post (김 과장님, 이팀장님), not an ordinary word (독거 어르신, 경로당 어르신), not a member of the directory (residentNameCandidates).',
    test: (v) => residentNames(v.text).some((name) => !v.known?.has(name)),
  },
  // ---- case profile only ----
  {
    id: 'case-email',
    kind: 'email',
    profiles: CASE,
    doc: 'case: any e-mail address (in a case field it is a resident\'s).',
    test: (v) => /[A-Za-z0-9._%+-]@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/.test(v.text),
  },
  {
    id: 'case-phone',
    kind: 'otherPhone',
    profiles: CASE,
    doc: 'case: any phone number that is not an institutional landline (02-, 051-… , 1588-…): 070, 050x safe numbers and the like.',
    test: (v) =>
      v.runs.some(
        ({ groups, digits }) =>
          !LANDLINE.test(digits) &&
          groups.some((first, i) => (/^(?:0[1-9]\d{0,2}|82)$/.test(first) || PHONE_LIKE.test(first)) && phoneWindows(groups, i).some((d) => PHONE_LIKE.test(d) && !LANDLINE.test(d))),
      ),
  },
  {
    id: 'case-road',
    kind: 'address',
    profiles: CASE,
    doc: 'case: a road address with a building number not followed by an institution (모라로 123 passes as 모라로 123 복지관), or a dong with a lot number (모라동 123-4).',
    test: (v) =>
      new RegExp(`${ROAD}(?![\\d가-힣])(?!.{0,16}${INSTITUTION})`).test(v.text) || /[가-힣]\d?동\s?\d{1,4}-\d{1,4}(?![\d가-힣])/.test(v.text),
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
      [...v.text.matchAll(new RegExp(`(?<![가-힣])(${SURNAME}[가-힣]{1,3})\\s?\\(\\s?(?:(?:19|20)?\\d{2}[.\\-/]\\d{1,2}[.\\-/]\\d{1,2}|만?\\s?\\d{1,3}\\s?세)`, 'g'))].some((m) => !notAName(m[1])) ||
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
//
// Every pattern here is linear: no unbounded quantifier is followed by
// something its own characters could also match, so a failing match cannot
// backtrack over the text more than once.

/** Between two digits: a dash written as the Hangul vowel ㅡ (before NFKC, which turns it into a conjoining jamo). */
const JAMO_DASH = /(\p{Nd}[^\p{L}\p{N}]{0,3})ㅡ+(?=[^\p{L}\p{N}]{0,3}\p{Nd})/gu;
const DASHES = /[\p{Pd}\u2212\uFE63\uFF0D\u2500\u2501]/gu;
const NON_ASCII_DIGIT = /(?![0-9])\p{Nd}/gu;
/** Start of the block of ten a decimal digit belongs to (Unicode keeps each script's 0–9 contiguous, starting at a 0). */
const digitZero = new Map<number, number>();
function asciiDigit(ch: string): string {
  // biome-ignore lint/style/noNonNullAssertion: ch is one matched digit, never empty
  const cp = ch.codePointAt(0)!;
  let zero = digitZero.get(cp);
  if (zero === undefined) {
    let first = cp;
    while (/\p{Nd}/u.test(String.fromCodePoint(first - 1))) first--;
    zero = cp - ((cp - first) % 10);
    digitZero.set(cp, zero);
  }
  return String(cp - zero);
}

const HANGUL_DIGITS: Record<string, string> = { 공: '0', 영: '0', 빵: '0', 일: '1', 이: '2', 삼: '3', 사: '4', 오: '5', 육: '6', 륙: '6', 칠: '7', 팔: '8', 구: '9' };
/** A run of Hangul digit words and digits from a word starting with one (공일공 일이삼사 오육칠팔로), up to 3 separators between. */
const HANGUL_DIGIT_RUN = /[공영빵일이삼사오육륙칠팔구](?<![가-힣][공영빵일이삼사오육륙칠팔구])(?:[^\p{L}\p{N}]{0,3}[공영빵일이삼사오육륙칠팔구0-9])*/gu;

/**
 * Digits spelt in Hangul read as digits, in runs long enough not to be words:
 * 6 such syllables (이사, 구이, 오일 are words; 공일공 일이삼사 is a number),
 * or 3 with digits around them making 10 (공일공 1234 5678).
 */
function hangulDigits(text: string): string {
  return text.replace(HANGUL_DIGIT_RUN, (run) => {
    const syllables = run.replace(/[^가-힣]/g, '').length;
    const digits = run.replace(/\D/g, '').length;
    if (syllables >= 6 || (syllables >= 3 && syllables + digits >= 10)) return run.replace(/[가-힣]/g, (s) => HANGUL_DIGITS[s]);
    return run;
  });
}

/**
 * A run of digits and look-alike letters (O o for 0, l I | for 1), not part of
 * a latin word; '|' is never also a separator here, so the pattern cannot
 * split a run two ways.
 */
const LOOKALIKE_RUN = /[0-9OoIl|](?<![A-Za-z][0-9OoIl|])(?:[^\p{L}\p{N}|]{0,3}[0-9OoIl|])*(?![A-Za-z])/gu;
const LOOKALIKE: Record<string, string> = { O: '0', o: '0', I: '1', l: '1', '|': '1' };

/** The look-alike letters of runs that hold a digit read as digits (O1O-l234-5678); words are untouched. */
function lookalikeDigits(text: string): string {
  return text.replace(LOOKALIKE_RUN, (run) => (/\d/.test(run) ? run.replace(/[OoIl|]/g, (c) => LOOKALIKE[c]) : run));
}

/**
 * What the rules look at: invisible characters removed; NFKC (full-width,
 * mathematical and circled digits, full-width letters); every other decimal
 * digit script (Arabic-Indic, Devanagari, Thai, …) as ASCII; Hangul digit
 * words as digits; every kind of dash (and ㅡ between digits) '-'; quotes
 * removed (the parser joins `900101"-"1234567` into one value).
 */
export function normaliseForDetection(text: string): string {
  const stripped = stripInvisible(text);
  const folded = (stripped.includes('ㅡ') ? stripped.replace(JAMO_DASH, '$1-') : stripped)
    .normalize('NFKC')
    .replace(NON_ASCII_DIGIT, asciiDigit)
    .replace(DASHES, '-')
    .replace(/["'“”‘’`]/g, '');
  return hangulDigits(folded);
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** Neither a letter nor a digit: a separator between digit groups (ASCII and Hangul answered without a regex). */
function isSeparator(code: number, text: string, at: number): boolean {
  if (code < 0x80) return !((code >= 48 && code <= 57) || ((code | 0x20) >= 97 && (code | 0x20) <= 122));
  if (code >= 0xac00 && code <= 0xd7a3) return false;
  // biome-ignore lint/style/noNonNullAssertion: at < text.length (the caller read the code unit there)
  return !WORD_CHARACTER.test(String.fromCodePoint(text.codePointAt(at)!));
}

const isDigit = (code: number) => code >= 48 && code <= 57;

/**
 * The runs of a text: digits joined by any run of characters that are neither
 * letters nor digits (010 / 1234_5678, [010][1234][5678]), in one pass. Runs
 * of fewer than 6 digits are left out: no rule reads them (the shortest is
 * the date half of a resident number).
 */
function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i > 0 && text[i - 1] === '+' ? i - 1 : i;
    const bounds: number[] = [];
    let count = 0;
    while (i < text.length) {
      const from = i;
      while (i < text.length && isDigit(text.charCodeAt(i))) i++;
      bounds.push(from, i);
      count += i - from;
      // biome-ignore lint/style/noNonNullAssertion: i < text.length, checked in the loop condition
      while (i < text.length && isSeparator(text.charCodeAt(i), text, i)) i += text.codePointAt(i)! > 0xffff ? 2 : 1;
      if (i >= text.length || !isDigit(text.charCodeAt(i))) break;
    }
    if (count < 6) continue;
    let groups: string[] = [];
    for (let g = 0; g < bounds.length; g += 2) groups.push(text.slice(bounds[g], bounds[g + 1]));
    // "+82 10 …" and "+82(0)10 …": the country code is its own group; drop a "(0)".
    if (groups[0] === '82' && groups[1] === '0') groups = ['82', ...groups.slice(2)];
    const cuts = [0];
    for (const group of groups) cuts.push(cuts[cuts.length - 1] + group.length);
    runs.push({ groups, digits: groups.join(''), cuts, start, end: bounds[bounds.length - 1] });
  }
  return runs;
}

function viewOfNormalised(text: string, known?: ReadonlySet<string>): View {
  return { text, runs: runsOf(text), ...(known ? { known } : {}) };
}

/**
 * The views of a text the rules are tried on: as written, and (when it has
 * any) with look-alike letters read as digits. Two views, because '|' is a
 * separator in 010|1234|5678 and a 1 in 010-|234-5678.
 */
export function viewsOf(text: string, known?: ReadonlySet<string>): View[] {
  const normalised = normaliseForDetection(text);
  const lookalike = lookalikeDigits(normalised);
  const views = [viewOfNormalised(normalised, known)];
  if (lookalike !== normalised) views.push(viewOfNormalised(lookalike, known));
  return views;
}

/** The text as written, as the rules see it. */
export function viewOf(text: string, known?: ReadonlySet<string>): View {
  return viewsOf(text, known)[0];
}

/** The first of the rules that finds something in the text as written, else with look-alikes read as digits; or undefined. */
export function firstRule(text: string, rules: readonly Rule[], known?: ReadonlySet<string>): Rule | undefined {
  for (const view of viewsOf(text, known)) {
    const rule = rules.find((r) => r.test(view));
    if (rule) return rule;
  }
  return undefined;
}

/** The first rule of the profile that finds something, or undefined. Names in `known` (members) are not residents. */
export function detect(text: string, profile: TextProfile, known?: ReadonlySet<string>): Rule | undefined {
  return firstRule(
    text,
    RULES.filter((rule) => rule.profiles.includes(profile)),
    known,
  );
}
