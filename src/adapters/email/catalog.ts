// The e-mail transport's own texts: the unsubscribe footer and the pages of
// the unsubscribe endpoint, the start-up notice about UNSUBSCRIBE_PORT. Registered when the e-mail adapter loads.
import { defineCatalog, registerCatalog } from '../../core/i18n/index.ts';
import type { MessagesOf } from '../../core/i18n/catalog.ts';

export const catalog = defineCatalog(
  {
    messages: {
      'email.commands': '채팅(Slack·Discord·콘솔)에서 입력하는 명령:',
      'email.footerLink': '이 메일을 그만 받으려면(수신거부): {url}',
      'email.footerMail': '이 메일을 그만 받으려면(수신거부) {address} 로 "수신거부" 메일을 보내 주세요.',
      'email.pageTitle': '메일 수신거부',
      'email.pageConfirm': '민관협력 봇이 보내는 요약 메일을 더 이상 받지 않으려면 아래 단추를 누르세요. 채팅 알림은 그대로입니다.',
      'email.pageButton': '수신거부',
      'email.pageDone': '처리했습니다.',
      'email.pageInvalid': '링크가 올바르지 않습니다. 메일 아래쪽의 수신거부 링크를 잘리지 않게 그대로 열어 주세요.',
      'email.pageError': '처리하지 못했습니다. 잠시 뒤 다시 시도하거나 담당자에게 알려 주세요.',
      'email.unsubscribePortIgnored':
        'UNSUBSCRIBE_PORT({port})는 더 이상 쓰지 않습니다: 수신거부 주소는 이제 PORT의 /email/unsubscribe 에서 받습니다. 설정에서 지워 주세요(다음 판부터는 알리지 않고 무시합니다).',
    },
  },
  {
    messages: {
      'email.commands': 'Commands to type in chat (Slack, Discord, console):',
      'email.footerLink': 'To stop these e-mails (unsubscribe): {url}',
      'email.footerMail': 'To stop these e-mails (unsubscribe), send an e-mail saying "unsubscribe" to {address}.',
      'email.pageTitle': 'Unsubscribe',
      'email.pageConfirm': 'Press the button below to stop the summary e-mails from the public–private cooperation bot. Chat notices stay as they are.',
      'email.pageButton': 'Unsubscribe',
      'email.pageDone': 'Done.',
      'email.pageInvalid': 'This link is not valid. Open the unsubscribe link at the bottom of the e-mail as it is, without cutting it.',
      'email.pageError': 'That did not work. Try again later or tell your administrator.',
      'email.unsubscribePortIgnored':
        'UNSUBSCRIBE_PORT ({port}) is no longer used: the unsubscribe path is now /email/unsubscribe on PORT. Remove it from the settings (the next release ignores it silently).',
    },
  },
);

declare module '../../core/i18n/index.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Messages extends MessagesOf<typeof catalog> {}
}

registerCatalog(catalog);
