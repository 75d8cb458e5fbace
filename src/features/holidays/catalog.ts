// Texts of the calendar feature: Korean (the default) and English.
// {name} placeholders are filled in with values.
import { defineCatalog, type MessagesOf } from '../../core/i18n/catalog.ts';

export const catalog = defineCatalog(
  {
    messages: {
      'holiday.added': '{date}을(를) 쉬는 날({name})로 등록했습니다. 이 날의 모임은 각 모임의 공휴일 규칙대로 옮겨집니다.',
      'holiday.removed': '{date} 쉬는 날을 지웠습니다.',
      'holiday.exists': '{date}은(는) 이미 쉬는 날({name})로 등록되어 있습니다.',
      'holiday.notFound': '{date}에 등록된 쉬는 날이 없습니다.',
      'holiday.badYear': '{year}년은 볼 수 없습니다. {min}~{max}년 사이로 적어 주세요.',
      'holiday.listTitle': '{year}년 공휴일과 쉬는 날',
      'holiday.closure': '(기관 휴무)',
    },
    commands: {
      holiday: {
        description: '쉬는 날(기관 휴무·임시공휴일)',
        subcommands: {
          add: {
            description: '쉬는 날을 등록합니다',
            example: '/holiday add 2026-12-24 센터 휴관',
            options: {
              date: '날짜 YYYY-MM-DD',
              name: '이름',
            },
          },
          list: {
            description: '공휴일과 쉬는 날을 봅니다',
            example: '/holiday list year=2026',
            options: {
              year: '연도 (기본 올해)',
            },
          },
          remove: {
            description: '등록한 쉬는 날을 지웁니다',
            example: '/holiday remove 2026-12-24',
            options: {
              date: '날짜',
            },
          },
        },
      },
    },
  },
  {
    messages: {
      'holiday.added': 'Registered {date} as a day off ({name}). Meetups on it move by each series\' holiday rule.',
      'holiday.removed': 'Removed the day off on {date}.',
      'holiday.exists': '{date} is already a day off ({name}).',
      'holiday.notFound': 'No day off registered on {date}.',
      'holiday.badYear': 'Year {year} is not available; use {min}–{max}.',
      'holiday.listTitle': 'Holidays and days off in {year}',
      'holiday.closure': '(closure)',
    },
    commands: {
      holiday: {
        description: 'Days off (closures, temporary holidays)',
        subcommands: {
          add: {
            description: 'Register a day off',
            example: '/holiday add 2026-12-24 Centre closed',
            options: {
              date: 'Date YYYY-MM-DD',
              name: 'Name',
            },
          },
          list: {
            description: 'Public holidays and days off',
            example: '/holiday list year=2026',
            options: {
              year: 'Year (default this year)',
            },
          },
          remove: {
            description: 'Remove a registered day off',
            example: '/holiday remove 2026-12-24',
            options: {
              date: 'Date',
            },
          },
        },
      },
    },
  },
);

declare module '../../core/i18n/index.ts' {
  interface Messages extends MessagesOf<typeof catalog> {}
}
