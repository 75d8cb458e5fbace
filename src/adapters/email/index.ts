// E-mail: an outbox transport over SMTP and its one-click unsubscribe endpoint.
export { EmailTransport, type EmailTransportOptions } from './email-transport.ts';
export { UnsubscribeServer, UNSUBSCRIBE_COMMAND } from './unsubscribe-server.ts';
export { UnsubscribeTokens, unsubscribeUrl, UNSUBSCRIBE_PATH } from './tokens.ts';
export { renderEmail } from './render.ts';
