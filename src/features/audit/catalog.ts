// Texts of the audit feature: Korean (the default) and English.
// {name} placeholders are filled in with values.
import { defineCatalog, type MessagesOf } from '../../core/i18n/catalog.ts';

export const catalog = defineCatalog(
  {
    messages: {
      'audit.title': '변경 기록 (최근 {count}건)',
      'audit.empty': '아직 변경 기록이 없습니다.',
      'audit.line': '{at} · {actor} · {action} · {target}',
      'audit.more': '더 이전 기록: /audit page={next}',
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
}
