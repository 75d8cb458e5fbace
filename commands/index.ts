// The slash commands, one file each. Adding a command: its file here and one
// line in the list; it names the features it needs, and the registry leaves
// it out when one of them is not running (not in src/features/index.ts).
// Only the composition root (src/app.ts), the registration scripts, the tests
// and the benchmarks import this folder.
import type { CommandDecl } from '../src/core/command.ts';
import { Registry } from '../src/core/registry.ts';
import type { Feature, FeatureContext } from '../src/features/context.ts';
import { FEATURES } from '../src/features/index.ts';
import agenda from './agenda.ts';
import audit from './audit.ts';
import caseCommand from './case.ts';
import channel from './channel.ts';
import clock from './clock.ts';
import council from './council.ts';
import digest from './digest.ts';
import help from './help.ts';
import holiday from './holiday.ts';
import meetup from './meetup.ts';
import member from './member.ts';
import org from './org.ts';
import poll from './poll.ts';
import transfer from './transfer.ts';

export const COMMANDS: readonly CommandDecl<FeatureContext>[] = [
  help,
  org,
  member,
  channel,
  council,
  audit,
  holiday,
  meetup,
  poll,
  clock,
  transfer,
  agenda,
  caseCommand,
  digest,
];

/** The commands whose features all run, as the core routes them. */
export function registryOf(features: readonly Feature[] = FEATURES, commands: readonly CommandDecl<FeatureContext>[] = COMMANDS): Registry {
  const running = new Set(features.map((feature) => feature.name));
  return new Registry(commands.filter((command) => command.features.every((name) => running.has(name))));
}
