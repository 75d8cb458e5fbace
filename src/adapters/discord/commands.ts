// The registry as Discord application commands (the body of PUT
// /applications/:id[/guilds/:id]/commands). Names stay ASCII; descriptions are
// English with Korean localizations. Every option is registered optional: a
// command sent without its required options opens the same form as on Slack
// (the core answers with reply.form), and "(required)" / "(필수)" marks them.
import { REST, Routes, type RESTOptions } from 'discord.js';
import type { APIApplicationCommandBasicOption, APIApplicationCommandOption, RESTPutAPIApplicationCommandsJSONBody } from 'discord.js';
import type { OptionDecl } from '../../core/command.ts';
import { catalogs, choiceLabel, choiceValues, LOCALES, translator, type Locale, type Translator } from '../../core/i18n/index.ts';
import { commandText, hasSubcommands, subcommandText, type AnyCommand, type Registry } from '../../core/registry.ts';
import type { DiscordConfig } from './config.ts';
import { cut } from '../../core/card.ts';

// ApplicationCommandOptionType
const SUBCOMMAND = 1;
const STRING = 3;
const INTEGER = 4;
const BOOLEAN = 5;

const MAX_DESCRIPTION = 100;
const MAX_CHOICES = 25;

// Registration carries every language at once: English is Discord's default
// description, Korean its localization.
const { en, ko } = Object.fromEntries(LOCALES.map((locale) => [locale, translator(locale)])) as Record<Locale, Translator>;

/** Description text: 1–100 characters, with a hint and the required mark kept at the end. */
function describe(text: string | undefined, fallback: string, suffixes: string[]): string {
  const suffix = suffixes.filter(Boolean).map((s) => ` ${s}`).join('');
  const base = (text ?? '').trim() || fallback;
  return cut(base, MAX_DESCRIPTION - suffix.length) + suffix;
}

function optionJson(option: OptionDecl, enText: string | undefined, koText: string | undefined): APIApplicationCommandBasicOption {
  const hint = option.type === 'date' ? '(YYYY-MM-DD)' : option.type === 'time' ? '(HH:MM)' : '';
  const base = {
    name: option.name,
    description: describe(enText, option.name, [hint, option.required ? '(required)' : '']),
    description_localizations: { ko: describe(koText, option.name, [hint, option.required ? '(필수)' : '']) },
    required: false,
  };
  if (option.type === 'integer') return { ...base, type: INTEGER };
  if (option.type === 'boolean') return { ...base, type: BOOLEAN };
  // Free-text options that name an organisation or a member (not dates that share a name like from/to).
  if (option.type === 'string' && option.suggest) return { ...base, type: STRING, autocomplete: true };
  if (option.type === 'choice' && option.choices) {
    const group = option.choices;
    return {
      ...base,
      type: STRING,
      choices: choiceValues(group)
        .slice(0, MAX_CHOICES)
        .map((value) => ({
          name: cut(choiceLabel(en, group, value), 100),
          name_localizations: { ko: cut(choiceLabel(ko, group, value), 100) },
          value,
        })),
    };
  }
  return { ...base, type: STRING };
}

function optionsJson(command: AnyCommand, sub: string): APIApplicationCommandBasicOption[] {
  const enText = subcommandText(catalogs.en, command.name, sub);
  const koText = subcommandText(catalogs.ko, command.name, sub);
  return (command.subcommands[sub].options ?? []).map((option) =>
    optionJson(option, enText.options[option.name], koText.options[option.name]),
  );
}

/** The registration body for every command in the registry. */
export function applicationCommands(registry: Registry): RESTPutAPIApplicationCommandsJSONBody {
  return registry.all('discord').map((command) => {
    let options: APIApplicationCommandOption[];
    if (hasSubcommands(command)) {
      options = Object.keys(command.subcommands).map((sub) => ({
        type: SUBCOMMAND,
        name: sub,
        description: describe(subcommandText(catalogs.en, command.name, sub).description, sub, []),
        description_localizations: { ko: describe(subcommandText(catalogs.ko, command.name, sub).description, sub, []) },
        options: optionsJson(command, sub),
      }));
    } else {
      options = optionsJson(command, '');
    }
    return {
      type: 1, // CHAT_INPUT
      name: command.name,
      description: describe(commandText(catalogs.en, command.name).description, command.name, []),
      description_localizations: { ko: describe(commandText(catalogs.ko, command.name).description, command.name, []) },
      options,
    };
  });
}

/**
 * Replaces the application's commands: in one guild when `guildId` is set
 * (visible at once; for development), else globally. Returns how many.
 */
export async function registerCommands(
  config: DiscordConfig,
  registry: Registry,
  restOptions: Partial<RESTOptions> = {},
): Promise<{ count: number; scope: 'guild' | 'global' }> {
  const rest = new REST({ api: config.apiUrl, retries: 1, timeout: 15_000, ...restOptions }).setToken(config.token);
  try {
    const route = config.guildId
      ? Routes.applicationGuildCommands(config.applicationId, config.guildId)
      : Routes.applicationCommands(config.applicationId);
    const registered = (await rest.put(route, { body: applicationCommands(registry) })) as unknown[];
    return { count: registered.length, scope: config.guildId ? 'guild' : 'global' };
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}
