// Knows every declared command: the features' commands, gathered at start.
import { DIRECT, type CommandDecl, type CommandLookup, type OptionDecl, type Platform, type SubcommandDecl } from './command.ts';
import type { Catalog, CommandText, SubcommandText } from './i18n/index.ts';

// Declarations are generic over the services they receive; the registry only
// routes, so it holds them erased.
// biome-ignore lint/suspicious/noExplicitAny: the registry erases the service type of a declaration
export type AnyCommand = CommandDecl<any>;
// biome-ignore lint/suspicious/noExplicitAny: as above
export type AnySubcommand = SubcommandDecl<any>;

export class Registry implements CommandLookup {
  readonly #commands = new Map<string, AnyCommand>();

  constructor(commands: AnyCommand[]) {
    for (const command of commands) {
      if (this.#commands.has(command.name)) throw new Error(`command /${command.name} declared twice`);
      this.#commands.set(command.name, command);
    }
  }

  /** The command as seen from a platform: one limited to other platforms does not exist there. */
  get(name: string, platform?: Platform): AnyCommand | undefined {
    const command = this.#commands.get(name);
    return command && (!platform || availableOn(command, platform)) ? command : undefined;
  }

  /** Every command, or those a platform offers (help, Slack's manifest, Discord's registration). */
  all(platform?: Platform): AnyCommand[] {
    const commands = [...this.#commands.values()].sort((a, b) => a.name.localeCompare(b.name));
    return platform ? commands.filter((command) => availableOn(command, platform)) : commands;
  }
}

const availableOn = (command: AnyCommand, platform: Platform) => !command.platforms || command.platforms.includes(platform);

export const hasSubcommands = (command: AnyCommand) => !(DIRECT in command.subcommands);

/** `/org add <kind> <name> [dong=..] [sigungu=..]` */
export function usage(command: AnyCommand, sub: string): string {
  const decl = command.subcommands[sub];
  const parts = [`/${command.name}${sub ? ` ${sub}` : ''}`];
  for (const option of decl.options ?? []) {
    if (option.positional) parts.push(option.required ? `<${option.name}>` : `[${option.name}]`);
    else parts.push(option.required ? `${option.name}=..` : `[${option.name}=..]`);
  }
  return parts.join(' ');
}

export function commandText(catalog: Catalog, command: string): CommandText {
  const texts = catalog.commands[command];
  if (!texts) throw new Error(`catalog has no text for /${command}`);
  return texts;
}

export function subcommandText(catalog: Catalog, command: string, sub: string): SubcommandText {
  const text = commandText(catalog, command).subcommands[sub];
  if (!text) throw new Error(`catalog has no text for /${command} ${sub}`);
  return text;
}

export function positionals(decl: AnySubcommand): OptionDecl[] {
  return (decl.options ?? []).filter((o) => o.positional);
}
