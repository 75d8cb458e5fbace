// Knows every declared command. Loads commands/*.ts once at start.
import { readdir } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { commandsDir, moduleExt } from '../paths.ts';
import { DIRECT, type CommandDecl, type OptionDecl, type SubcommandDecl } from './command.ts';
import type { Catalog } from './i18n/index.ts';

// Declarations are generic over the services they receive; the registry only
// routes, so it holds them erased.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCommand = CommandDecl<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnySubcommand = SubcommandDecl<any>;

export class Registry {
  readonly #commands = new Map<string, AnyCommand>();

  constructor(commands: AnyCommand[]) {
    for (const command of commands) {
      if (this.#commands.has(command.name)) throw new Error(`command /${command.name} declared twice`);
      this.#commands.set(command.name, command);
    }
  }

  static async load(dir = commandsDir): Promise<Registry> {
    const files = (await readdir(dir)).filter((f) => f.endsWith(moduleExt) && !f.startsWith('_')).sort();
    const modules = await Promise.all(files.map((f) => import(pathToFileURL(join(dir, f)).href)));
    return new Registry(modules.map((m) => m.default as AnyCommand));
  }

  get(name: string): AnyCommand | undefined {
    return this.#commands.get(name);
  }

  all(): AnyCommand[] {
    return [...this.#commands.values()];
  }
}

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

export interface SubcommandText {
  description: string;
  example: string;
  options: Record<string, string>;
}

export function commandText(catalog: Catalog, command: string): { description: string; subcommands: Record<string, SubcommandText> } {
  const texts = (catalog.commands as Record<string, { description: string; subcommands: Record<string, SubcommandText> }>)[command];
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
