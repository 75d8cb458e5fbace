// E-mail, declared for the adapter list (src/adapters/index.ts): the SMTP
// transport and the one-click unsubscribe pages. nodemailer loads in create() only.
import { defineAdapter } from '../../core/adapter.ts';
import { emailConfig, emailEnv } from './config.ts';
import { renderEmail } from './render.ts';

export type { EmailConfig } from './config.ts';

export const email = defineAdapter({
  platform: 'email',
  kind: 'beside',
  env: emailEnv,
  configure: (vars, shared, problems) => emailConfig(vars, shared.publicUrl, problems),
  listens: (config) => Boolean(config.publicUrl && config.unsubscribeSecret),
  create: async (config, deps) => new (await import('./email-adapter.ts')).EmailAdapter(config, deps),
  render: (card) => renderEmail(card),
});
