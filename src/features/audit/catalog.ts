// Texts of the audit feature: Korean (the default) and English.
// {name} placeholders are filled in with values.
import { defineCatalog, type ChoicesOf, type MessagesOf } from '../../core/i18n/catalog.ts';

export const catalog = defineCatalog(
  {
    messages: {
      'audit.title': '변경 기록 (최근 {count}건)',
      'audit.empty': '아직 변경 기록이 없습니다.',
      'audit.line': '{at} · {actor} · {action} · {target}',
      'audit.more': '더 이전 기록: /audit page={next}',
    },
    // Action code -> what /audit shows. Every code passed to recordAudit has
    // one (a test greps src for them); an unknown code shows as itself.
    choices: {
      auditAction: {
        'channel.bind': ['채널 연결'],
        'channel.unbind': ['채널 연결 해제'],
        'council.dismiss': ['협의체 위원 해촉'],
        'directory.export': ['명부 내보내기'],
        'council.rules': ['의결 기준 변경'],
        'council.seat': ['협의체 위원 위촉'],
        'holiday.add': ['휴관일 추가'],
        'holiday.remove': ['휴관일 삭제'],
        'identity.link': ['채팅 계정 연결'],
        'meetup.cancel': ['모임 취소'],
        'meetup.cancel-one': ['모임 일정 하나 취소'],
        'meetup.create': ['모임 만들기'],
        'meetup.edit': ['모임 변경'],
        'meetup.edit-one': ['모임 일정 하나 변경'],
        'meetup.restore': ['모임 되살리기'],
        'meetup.restore-one': ['모임 일정 하나 되살리기'],
        'meetup.rsvp': ['참석 응답'],
        'member.add': ['구성원 추가'],
        'member.code': ['연결 코드 발급'],
        'member.dm': ['DM 설정 변경'],
        'member.edit': ['구성원 정보 변경'],
        'member.import': ['구성원 가져오기'],
        'member.locale': ['언어 변경'],
        'member.merge': ['구성원 합치기'],
        'member.roles': ['역할 변경'],
        'member.status': ['재직 상태 변경'],
        'org.add': ['기관 추가'],
        'org.import': ['기관 가져오기'],
        'org.link': ['협력 관계 연결'],
        'org.remove': ['기관 삭제'],
        'org.rename': ['기관 이름 변경'],
        'org.unlink': ['협력 관계 해제'],
        'poll.close': ['투표 마감'],
        'poll.create': ['투표 열기'],
        'poll.extend': ['투표 마감 연장'],
        'poll.revote': ['표 바꾸기'],
        'poll.vote': ['투표'],
        'transfer.approve': ['인사이동 확인'],
        'transfer.cancel': ['인사이동 취소'],
        'transfer.confirm': ['인사이동 확정'],
        'transfer.create': ['인사이동 초안'],
        'transfer.edit': ['인사이동 변경'],
        'transfer.moved': ['발령 반영(소속 변경)'],
        'transfer.polls': ['투표 관리 인계'],
        'transfer.received': ['인수 확인'],
        'transfer.reminders': ['정기 인사 알림 설정'],
        'transfer.tick': ['인계 항목 표시'],
      },
    },
    commands: {
      audit: {
        description: '변경 기록 (관리자)',
        subcommands: {
          '': {
            description: '최근 변경 기록을 봅니다',
            example: '/audit page=2',
            options: {
              page: '쪽 번호',
            },
          },
        },
      },
    },
  },
  {
    messages: {
      'audit.title': 'Change log (latest {count})',
      'audit.empty': 'No changes recorded yet.',
      'audit.line': '{at} · {actor} · {action} · {target}',
      'audit.more': 'Older entries: /audit page={next}',
    },
    choices: {
      auditAction: {
        'channel.bind': ['channel bound'],
        'channel.unbind': ['channel unbound'],
        'council.dismiss': ['council member dismissed'],
        'directory.export': ['directory exported'],
        'council.rules': ['voting rules changed'],
        'council.seat': ['council seat given'],
        'holiday.add': ['closure added'],
        'holiday.remove': ['closure removed'],
        'identity.link': ['chat account linked'],
        'meetup.cancel': ['meetup cancelled'],
        'meetup.cancel-one': ['meetup occurrence cancelled'],
        'meetup.create': ['meetup created'],
        'meetup.edit': ['meetup changed'],
        'meetup.edit-one': ['meetup occurrence changed'],
        'meetup.restore': ['meetup restored'],
        'meetup.restore-one': ['meetup occurrence restored'],
        'meetup.rsvp': ['RSVP'],
        'member.add': ['member added'],
        'member.code': ['link code issued'],
        'member.dm': ['DM setting changed'],
        'member.edit': ['member edited'],
        'member.import': ['members imported'],
        'member.locale': ['language changed'],
        'member.merge': ['members merged'],
        'member.roles': ['roles changed'],
        'member.status': ['member status changed'],
        'org.add': ['organisation added'],
        'org.import': ['organisations imported'],
        'org.link': ['partnership linked'],
        'org.remove': ['organisation removed'],
        'org.rename': ['organisation renamed'],
        'org.unlink': ['partnership unlinked'],
        'poll.close': ['poll closed'],
        'poll.create': ['poll opened'],
        'poll.extend': ['poll deadline extended'],
        'poll.revote': ['vote changed'],
        'poll.vote': ['voted'],
        'transfer.approve': ['transfer approved'],
        'transfer.cancel': ['transfer cancelled'],
        'transfer.confirm': ['transfer confirmed'],
        'transfer.create': ['transfer drafted'],
        'transfer.edit': ['transfer changed'],
        'transfer.moved': ['transfer applied (organisation changed)'],
        'transfer.polls': ['polls handed over'],
        'transfer.received': ['handover received'],
        'transfer.reminders': ['reshuffle reminders set'],
        'transfer.tick': ['handover lines ticked'],
      },
    },
    commands: {
      audit: {
        description: 'Change log (admin)',
        subcommands: {
          '': {
            description: 'Shows recent changes',
            example: '/audit page=2',
            options: {
              page: 'Page number',
            },
          },
        },
      },
    },
  },
);

declare module '../../core/i18n/index.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Messages extends MessagesOf<typeof catalog> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Choices extends ChoicesOf<typeof catalog> {}
}
