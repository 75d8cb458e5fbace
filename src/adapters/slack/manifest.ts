// The Slack app manifest, derived from the command registry, so an admin
// creates the app by pasting one file (api.slack.com/apps -> From a manifest).
import { catalogs } from '../../core/i18n/index.ts';
import { commandText, hasSubcommands, type Registry } from '../../core/registry.ts';

/** Bot scopes, each for one reason (the README's table explains them). */
export const SLACK_SCOPES = [
  'commands', // slash commands
  'chat:write', // post announcements and replies in channels the bot was invited to
  'im:write', // open DMs for personal reminders (conversations.open)
  'files:write', // send calendar files (.ics) to the person who asked, in their DM
  'channels:history', // after a crash, check whether a message was already posted (exactly once)
  'groups:history', // the same in private channels
  'im:history', // the same in DMs (the bot's own DM with each person)
  'mpim:history', // the same in group DMs a channel binding may point at
] as const;

export function slackManifest(registry: Registry, options: { name?: string; requestUrl?: string } = {}) {
  const ko = catalogs.ko;
  const eventsUrl = options.requestUrl ? `${options.requestUrl.replace(/\/$/, '')}/slack/events` : undefined;
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: options.name ?? '민관협력 봇',
      description: '복지관·행정복지센터·보장협의체의 정례모임, 인사이동, 사례회의 안건, 협의체 투표를 돕는 봇',
      background_color: '#1d4f91',
    },
    features: {
      bot_user: { display_name: options.name ?? '민관협력봇', always_online: true },
      slash_commands: registry.all('slack').map((command) => ({
        command: `/${command.name}`,
        description: commandText(ko, command.name).description.slice(0, 100),
        usage_hint: (hasSubcommands(command) ? Object.keys(command.subcommands).join(' | ') : 'help').slice(0, 100),
        should_escape: false,
        ...(eventsUrl ? { url: eventsUrl } : {}),
      })),
    },
    oauth_config: { scopes: { bot: [...SLACK_SCOPES] } },
    settings: {
      interactivity: { is_enabled: true, ...(eventsUrl ? { request_url: eventsUrl } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: !eventsUrl,
      token_rotation_enabled: false,
    },
  };
}
