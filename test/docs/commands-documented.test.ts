// The docs keep up with the code: every command and subcommand the bot
// registers is mentioned (`/name sub`) in a Korean guide, docs/ko and docs/en
// hold the same files, and every relative link in the README and docs/ lands
// on a file that exists.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasSubcommands } from '../../src/core/registry.ts';
import { registryOf } from '../../commands/index.ts';
import { projectRoot as ROOT } from '../../src/paths.ts';

const docs = join(ROOT, 'docs');
const markdownIn = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(dir, name));
const guideNames = (lang: string) => markdownIn(join(docs, lang)).map((file) => relative(join(docs, lang), file)).sort();

/** `/meetup rsvp`, `/help`: what a guide must mention for each command the app registers (every platform's). */
function commandMentions(): string[] {
  return registryOf()
    .all()
    .flatMap((command) => (hasSubcommands(command) ? Object.keys(command.subcommands).map((sub) => `/${command.name} ${sub}`) : [`/${command.name}`]));
}

/** Mentions no text mentions, as a whole word: `/poll vote` is not found in `/poll voters`. */
function undocumented(mentions: string[], text: string): string[] {
  return mentions.filter((mention) => !new RegExp(`${mention.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).test(text));
}

/** Relative link targets of a Markdown text, outside code: `[x](../a.md#b)` gives `../a.md`. */
function linkTargets(markdown: string): string[] {
  const prose = markdown.replace(/^\s*```[\s\S]*?^\s*```/gm, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1].split('#')[0])
    .filter((target) => target !== '' && !/^[a-z]+:/i.test(target));
}

describe('the docs', () => {
  it('mention every command and subcommand in a Korean guide', () => {
    const korean = markdownIn(join(docs, 'ko'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    expect(commandMentions().length).toBeGreaterThan(50);
    expect(undocumented(commandMentions(), korean)).toEqual([]);
  });

  it('hold the same files in docs/ko and docs/en', () => {
    expect(guideNames('ko').length).toBeGreaterThan(10);
    expect(guideNames('en')).toEqual(guideNames('ko'));
  });

  it('link only to files that exist', () => {
    const files = [join(ROOT, 'README.md'), join(ROOT, 'deploy', 'README.md'), ...markdownIn(docs)];
    const broken = files.flatMap((file) =>
      linkTargets(readFileSync(file, 'utf8'))
        .filter((target) => !existsSync(join(dirname(file), decodeURI(target))))
        .map((target) => `${relative(ROOT, file)} → ${target}`),
    );
    expect(broken).toEqual([]);
  });

  it('check what they claim to check', () => {
    expect(undocumented(['/poll vote', '/help'], 'use /poll voters, then /help.')).toEqual(['/poll vote']);
    expect(undocumented(['/agenda list'], '`/agenda list 12`')).toEqual([]);
    expect(linkTargets('[a](b.md#c) `[x](no.md)` [w](https://x.kr)\n```\n[y](no.md)\n```\n[d](../d/e.md)')).toEqual(['b.md', '../d/e.md']);
  });
});
