// npm run slack:manifest                       -> slack-manifest.json for Socket Mode
// npm run slack:manifest -- --url https://bot.example.kr -> for HTTP mode
import { writeFile } from 'node:fs/promises';
import { slackManifest } from '../src/adapters/slack/manifest.ts';
import { registryOf } from '../commands/index.ts';

const args = process.argv.slice(2);
const urlIndex = args.indexOf('--url');
const requestUrl = urlIndex >= 0 ? args[urlIndex + 1] : undefined;
if (urlIndex >= 0 && !requestUrl?.startsWith('https://')) {
  console.error('--url needs the public https address of the bot, e.g. --url https://bot.example.kr');
  process.exit(2);
}
const manifest = slackManifest(registryOf(), { requestUrl });
await writeFile('slack-manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`wrote slack-manifest.json (${requestUrl ? `HTTP mode, ${requestUrl}/slack/events` : 'Socket Mode'}, ${manifest.features.slash_commands.length} commands)`);
