// The features the bot runs. Adding a capability: a folder with an index.ts
// that calls defineFeature() (see context.ts), and one line here; its
// commands are files in commands/ (listed in commands/index.ts).
import audit from './audit/index.ts';
import holidays from './holidays/index.ts';
import directory from './directory/index.ts';
import help from './help/index.ts';
import meetups from './meetups/index.ts';
import polls from './polls/index.ts';
import transfers from './transfers/index.ts';
import agenda from './agenda/index.ts';
import digests from './digests/index.ts';
import clock from './clock/index.ts';
import type { Feature } from './context.ts';

export const FEATURES: readonly Feature[] = [help, directory, audit, holidays, meetups, polls, clock, transfers, agenda, digests];

