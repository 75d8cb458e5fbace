// Help pages generated from the registry and the catalogs.
import type { Card } from './card.ts';
import { DIRECT, type CommandLookup, type Platform } from './command.ts';
import { choiceValues, type ChoiceGroup, type Translator } from './i18n/index.ts';
import { commandText, hasSubcommands, subcommandText, usage, type AnyCommand } from './registry.ts';

export function helpIndex(t: Translator, registry: CommandLookup, platform: Platform): Card {
  const commands = registry.all(platform);
  return {
    title: t('help.title'),
    lines: commands.map((command) => `/${command.name} — ${commandText(t.catalog, command.name).description}`),
    select: {
      placeholder: t('help.pick'),
      options: commands
        .filter((command) => command.name !== 'help')
        .map((command) => ({ label: `/${command.name}`, command: `/help ${command.name}` })),
    },
    footer: t('help.footer'),
  };
}

export function commandHelp(t: Translator, command: AnyCommand): Card {
  const text = commandText(t.catalog, command.name);
  if (!hasSubcommands(command)) return subcommandHelp(t, command, DIRECT);
  const lines: string[] = [];
  for (const sub of Object.keys(command.subcommands)) {
    const subText = subcommandText(t.catalog, command.name, sub);
    lines.push(`${usage(command, sub)}\n    ${subText.description} · ${t('help.example')}: ${subText.example}`);
  }
  return { title: t('help.commandTitle', { command: command.name, description: text.description }), lines };
}

export function subcommandHelp(t: Translator, command: AnyCommand, sub: string): Card {
  const decl = command.subcommands[sub];
  const text = subcommandText(t.catalog, command.name, sub);
  const optionLines = (decl.options ?? []).map((option) => {
    const choices = option.choices ? ` (${t('help.choices', { choices: choiceValues(option.choices as ChoiceGroup).join(', ') })})` : '';
    const required = option.required ? ` [${t('help.required')}]` : '';
    return `• ${option.name}: ${text.options[option.name] ?? ''}${required}${choices}`;
  });
  const roles =
    decl.roles === 'any' ? t('help.anyone') : ['admin', ...decl.roles].map((r) => t(`role.${r}` as 'role.admin')).join(', ');
  return {
    title: `/${command.name}${sub ? ` ${sub}` : ''} — ${text.description}`,
    fields: [
      { label: t('help.usage'), value: usage(command, sub) },
      { label: t('help.example'), value: text.example },
      ...(optionLines.length ? [{ label: t('help.options'), value: optionLines.join('\n') }] : []),
      { label: t('help.roles'), value: roles },
    ],
  };
}
