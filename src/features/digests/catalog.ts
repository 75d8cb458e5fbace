// Texts of the weekly digests: Korean (the default) and English.
// {name} placeholders are filled in with values.
import { defineCatalog, type ChoicesOf, type MessagesOf } from '../../core/i18n/catalog.ts';

export const catalog = defineCatalog(
  {
    messages: {
      'digest.title': '[민관협력] {month}월 {week}주차 요약 — {place}',
      'digest.intro': '{name} 님, 이번 주와 다음 주 민관협력 소식입니다.',
      'digest.introDistrict': '{name} 님, 이번 주 지역 전체의 민관협력 현황입니다.',
      'digest.footer': '주민 정보 없이 사례번호와 건수만 담습니다. 받지 않으려면 /digest off, 시간은 /digest time 09:00',
      'digest.more': '…외 {count}건',
      'digest.thisWeek': '이번 주 모임',
      'digest.nextWeek': '다음 주 모임',
      'digest.meetingLine': '{date} ({weekday}) {time} {title} · 참석 {yes} 불참 {no} 미정 {maybe}{missing}',
      'digest.missing': ' · 우리 기관 미응답 {count}명: {names}',
      'digest.polls': '진행 중인 협의체 투표',
      'digest.pollLine': '#{id} {question} · 참여 {voted}/{eligible} · 마감 {deadline}',
      'digest.transfers': '인사이동',
      'digest.noSuccessor': '후임이 정해지지 않은 인사이동',
      'digest.transferLine': '{effective} {name}: {from} → {to}',
      'digest.owed': '아직 안건을 내지 않은 사례회의',
      'digest.owedLine': '{org}: 「{title}」 {date} (마감 {closes})',
      'digest.followUps': '사후 점검',
      'digest.dueLine': '{code} · 점검일 {date}',
      'digest.overdueLine': '{code} · 점검일 {date} 지남 (/case done {id})',
      'digest.newcomers': '새 협력 기관과 구성원',
      'digest.newPartner': '협력 기관: {name}',
      'digest.newMember': '구성원: {name}',
      'digest.district': '기관별 현황 (이번 주 모임 · 미제출 안건 · 밀린 점검)',
      'digest.districtLine': '{name}: 모임 {meetings} · 미제출 {owed} · 밀린 점검 {overdue}',
      'digest.empty': '이번 주 요약에 담을 소식이 없습니다. 이런 주에는 보내지 않습니다.',
      'digest.previewAdminOnly': '다른 사람의 요약은 관리자만 미리 볼 수 있습니다. 내 요약은 /digest now.',
      'digest.notRecipient': '주간 요약은 기관장(동장·관장)과 코디네이터에게 갑니다.',
      'digest.on': '주간 요약을 다시 받습니다 ({channel}).',
      'digest.off': '주간 요약을 받지 않습니다 ({channel}). 다시 받으려면 /digest on.',
      'digest.channel.all': '채팅과 이메일',
      'digest.channel.chat': '채팅',
      'digest.channel.email': '이메일',
      'digest.badTime': '`time` 값을 시각으로 읽을 수 없습니다. 예: 09:00, 오전 9시, 기본(08:30)',
      'digest.timeNotYours': '{org}의 요약 시각은 그 기관의 기관장이나 코디네이터가 정합니다.',
      'digest.timeSet': '내 주간 요약은 {time}에 갑니다 (월요일, 공휴일이면 다음 근무일).',
      'digest.orgTimeSet': '{org} 구성원의 주간 요약은 {time}에 갑니다 (본인이 정한 시각이 먼저).',
    },
    commands: {
      digest: {
        description: '주간 요약 (동장·관장·코디네이터)',
        subcommands: {
          now: { description: '이번 주 내 요약을 지금 봅니다 (월요일에 가는 것과 같음)', example: '/digest now', options: {} },
          preview: { description: '다른 사람의 요약 미리 보기 (관리자)', example: '/digest preview 모라동장', options: { member: '이름 또는 #번호' } },
          on: { description: '주간 요약 받기', example: '/digest on 이메일', options: { channel: '채팅 또는 이메일 (비우면 둘 다)' } },
          off: { description: '주간 요약 끊기', example: '/digest off 채팅', options: { channel: '채팅 또는 이메일 (비우면 둘 다)' } },
          time: { description: '요약이 가는 시각 (나, 또는 기관)', example: '/digest time 09:00', options: { time: '시각 (예: 09:00, 오전 9시, 기본)', org: '기관 전체의 시각 (기관장·코디네이터)' } },
        },
      },
    },
    choices: {
      digestChannel: { chat: ['채팅', '메신저', 'dm'], email: ['이메일', '메일', '전자우편'] },
    },
  },
  {
    messages: {
      'digest.title': '[minkwan] Week {week} of {month} — {place}',
      'digest.intro': '{name}, here is the cooperation of this week and the next.',
      'digest.introDistrict': '{name}, here is the district this week.',
      'digest.footer': 'Case codes and counts only, never resident data. To stop: /digest off; the time: /digest time 09:00',
      'digest.more': '…and {count} more',
      'digest.thisWeek': 'Meetings this week',
      'digest.nextWeek': 'Meetings next week',
      'digest.meetingLine': '{date} ({weekday}) {time} {title} · yes {yes} no {no} maybe {maybe}{missing}',
      'digest.missing': ' · not answered from your office ({count}): {names}',
      'digest.polls': 'Open council polls',
      'digest.pollLine': '#{id} {question} · voted {voted}/{eligible} · closes {deadline}',
      'digest.transfers': 'Staff changes',
      'digest.noSuccessor': 'Staff changes without a successor',
      'digest.transferLine': '{effective} {name}: {from} → {to}',
      'digest.owed': 'Case conferences still waiting for your items',
      'digest.owedLine': '{org}: "{title}" {date} (closes {closes})',
      'digest.followUps': 'Case follow-ups',
      'digest.dueLine': '{code} · check {date}',
      'digest.overdueLine': '{code} · check {date} overdue (/case done {id})',
      'digest.newcomers': 'New partners and members',
      'digest.newPartner': 'partner: {name}',
      'digest.newMember': 'member: {name}',
      'digest.district': 'By organisation (meetings this week · items owed · overdue checks)',
      'digest.districtLine': '{name}: meetings {meetings} · owed {owed} · overdue {overdue}',
      'digest.empty': 'Nothing to report this week; such a week sends no digest.',
      'digest.previewAdminOnly': "Only admins preview someone else's digest. Yours: /digest now.",
      'digest.notRecipient': 'Weekly digests go to heads of organisations and coordinators.',
      'digest.on': 'Weekly digests are on again ({channel}).',
      'digest.off': 'Weekly digests are off ({channel}). To turn them on: /digest on.',
      'digest.channel.all': 'chat and e-mail',
      'digest.channel.chat': 'chat',
      'digest.channel.email': 'e-mail',
      'digest.badTime': 'Cannot read the `time` value as a time. Examples: 09:00, 9am, default (08:30)',
      'digest.timeNotYours': "The digest time of {org} is set by its head or a coordinator.",
      'digest.timeSet': 'Your weekly digest comes at {time} (Monday, or the next working day after a holiday).',
      'digest.orgTimeSet': "{org}'s people get their weekly digest at {time} (a person's own time comes first).",
    },
    commands: {
      digest: {
        description: 'Weekly digests (heads, coordinators)',
        subcommands: {
          now: { description: 'Your digest of this week, now (what Monday sends)', example: '/digest now', options: {} },
          preview: { description: "Preview someone's digest (admins)", example: '/digest preview 모라동장', options: { member: 'Name or #number' } },
          on: { description: 'Receive weekly digests', example: '/digest on email', options: { channel: 'chat or email (empty: both)' } },
          off: { description: 'Stop weekly digests', example: '/digest off chat', options: { channel: 'chat or email (empty: both)' } },
          time: { description: 'When the digest comes (yours, or an organisation\'s)', example: '/digest time 09:00', options: { time: 'Time (e.g. 09:00, 9am, default)', org: "An organisation's time (heads, coordinators)" } },
        },
      },
    },
    choices: {
      digestChannel: { chat: ['chat', 'dm'], email: ['email', 'e-mail', 'mail'] },
    },
  },
);

declare module '../../core/i18n/index.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Messages extends MessagesOf<typeof catalog> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Choices extends ChoicesOf<typeof catalog> {}
}
