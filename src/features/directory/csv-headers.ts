// Column names the CSV import accepts besides the column's own key (Korean and English).
export const CSV_HEADERS: Record<string, readonly string[]> = {
  name: ['이름', '기관명', '조직명', '성명'],
  kind: ['종류', '기관종류', '유형', 'type'],
  dong: ['읍면동', '동'],
  sigungu: ['시군구', '구', 'district'],
  org: ['소속', '기관', 'organization', 'organisation'],
  position: ['직위', '직책', 'title'],
  roles: ['역할', 'role'],
  phone: ['업무전화', '전화', '전화번호', 'work_phone'],
  email: ['이메일', '메일'],
  council: ['협의체', '보장협의체'],
  seat: ['위원구분', '자리'],
  term_from: ['임기시작', 'from'],
  term_to: ['임기종료', '임기끝', 'to'],
  slack: ['슬랙', '슬랙ID', 'slack_id'],
  discord: ['디스코드', '디스코드ID', 'discord_id'],
};
