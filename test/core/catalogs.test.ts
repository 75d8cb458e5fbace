import { describe, expect, it } from 'vitest';
import { catalogs, LOCALES } from '../../src/core/i18n/index.ts';
import { subcommandText } from '../../src/core/registry.ts';
import { registryOf } from '../../commands/index.ts';

describe('catalogs', () => {
  it('every command, subcommand and option has text in every locale', async () => {
    const registry = registryOf();
    const missing: string[] = [];
    for (const locale of LOCALES) {
      for (const command of registry.all()) {
        for (const [sub, decl] of Object.entries(command.subcommands)) {
          let text: ReturnType<typeof subcommandText>;
          try {
            text = subcommandText(catalogs[locale], command.name, sub);
          } catch {
            missing.push(`${locale}: /${command.name} ${sub}`);
            continue;
          }
          if (!text.description || !text.example.startsWith(`/${command.name}`)) missing.push(`${locale}: /${command.name} ${sub} text`);
          for (const option of decl.options ?? []) {
            if (!text.options[option.name]) missing.push(`${locale}: /${command.name} ${sub} ${option.name}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('en uses the same placeholders as ko', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(catalogs.ko.messages)) {
      expect([key, placeholders(catalogs.en.messages[key as keyof typeof catalogs.en.messages])]).toEqual([key, placeholders(text)]);
    }
  });
});
