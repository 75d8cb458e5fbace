// Column names of the roster CSV (import and export share them). Each column
// is named by its key or any alias (Korean and English); case, spaces, `_`
// and `-` are ignored. The first alias is the Korean header export writes;
// English exports write the key.
export const CSV_HEADERS: Record<string, readonly string[]> = {
  id: ['번호', '#'],
  name: ['이름', '기관명', '조직명', '성명'],
  kind: ['종류', '기관종류', '유형', 'type'],
  dong: ['읍면동', '동'],
  sigungu: ['시군구', '구', 'district'],
  org: ['소속', '기관', 'organization', 'organisation'],
  position: ['직위', '직책', 'title'],
  roles: ['역할', 'role'],
  status: ['상태', '재직상태', '재직여부'],
  phone: ['업무전화', '전화', '전화번호', 'work_phone'],
  email: ['이메일', '메일', 'e-mail'],
  council: ['협의체', '보장협의체'],
  seat: ['위원구분', '자리'],
  term_from: ['임기시작', 'from'],
  term_to: ['임기종료', '임기끝', 'to'],
  slack: ['슬랙ID', '슬랙', 'slack_id'],
  discord: ['디스코드ID', '디스코드', 'discord_id'],
};

/** The columns of each file, in the order export writes them. */
export const ORGANIZATION_COLUMNS = ['id', 'name', 'kind', 'dong', 'sigungu'] as const;
export const MEMBER_COLUMNS = [
  'id',
  'name',
  'org',
  'position',
  'roles',
  'status',
  'phone',
  'email',
  'council',
  'seat',
  'term_from',
  'term_to',
  'slack',
  'discord',
] as const;

/** The header export writes for a column: Korean for `ko`, the key otherwise. */
export function exportHeader(key: string, locale: 'ko' | 'en'): string {
  return locale === 'ko' ? (CSV_HEADERS[key]?.[0] ?? key) : key;
}
