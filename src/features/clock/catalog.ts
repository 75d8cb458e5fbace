// Texts of the console's /clock: Korean (the default) and English.
import { defineCatalog, type MessagesOf } from '../../core/i18n/catalog.ts';

export const catalog = defineCatalog(
  {
    messages: {
      'clock.now': '지금 봇의 시각: {now}',
      'clock.moved': '시계를 {now}(으)로 옮겼습니다. 그 사이 예약 작업 {ran}건을 실행했습니다.',
      'clock.missed': '늦어서 건너뛴 작업: {missed}건',
      'clock.failed': '실패한 작업(나중에 다시 시도): {failed}건',
      'clock.stoppedEarly': '예약 작업이 너무 많아 {now}에서 멈췄습니다. 같은 명령을 다시 입력하면 이어서 갑니다.',
      'clock.badFormat':
        '옮길 시각을 알 수 없습니다. 앞으로 갈 만큼(+7d, +2h, +30m, +1d2h, +7일, +2시간) 또는 서울 날짜·시각(2027-01-01 09:00, 2027-01-01)을 적어 주세요. 예: /clock +7d',
      'clock.backwards': '시계는 앞으로만 갑니다: 지금 {now}, 요청 {target}. 이미 실행한 예약 작업은 되돌릴 수 없습니다. 예: /clock +1d',
      'clock.unavailable': '이 콘솔에서는 시계를 옮길 수 없습니다.',
    },
    commands: {
      clock: {
        description: '봇의 시계를 앞으로 옮기기 (콘솔 전용, 관리자)',
        subcommands: {
          '': {
            description: '시계를 앞으로 옮기며 그 사이 예약 작업을 차례로 실행합니다. 값 없이 쓰면 지금 시각을 봅니다',
            example: '/clock +7d',
            options: {
              to: '앞으로 갈 만큼(+7d, +2h, +30m, +7일) 또는 서울 날짜·시각(2027-01-01 09:00)',
            },
          },
        },
      },
    },
  },
  {
    messages: {
      'clock.now': 'The bot\'s time now: {now}',
      'clock.moved': 'Moved the clock to {now}. Ran {ran} scheduled jobs on the way.',
      'clock.missed': 'Skipped as too late: {missed}',
      'clock.failed': 'Failed (will be retried): {failed}',
      'clock.stoppedEarly': 'Too many scheduled jobs: stopped at {now}. Enter the same command again to go on.',
      'clock.badFormat':
        'That is not a time I know. Give a step forward (+7d, +2h, +30m, +1d2h) or a Seoul date and time (2027-01-01 09:00, 2027-01-01). Example: /clock +7d',
      'clock.backwards': 'The clock only moves forward: now {now}, asked {target}. Jobs already run cannot be undone. Example: /clock +1d',
      'clock.unavailable': 'The clock cannot be moved in this console.',
    },
    commands: {
      clock: {
        description: 'Move the bot\'s clock forward (console only, admin)',
        subcommands: {
          '': {
            description: 'Moves the clock forward, running the scheduled jobs due on the way in order; without a value shows the time',
            example: '/clock +7d',
            options: {
              to: 'A step forward (+7d, +2h, +30m) or a Seoul date and time (2027-01-01 09:00)',
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
