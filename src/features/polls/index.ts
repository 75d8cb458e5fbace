// Council polls: secret or named ballots, quorum rules, deadlines, reminders.
import { defineFeature } from '../context.ts';
import { catalog } from './catalog.ts';
import poll from './commands/poll.ts';
import { pollClose, pollRemind } from './jobs.ts';

export default defineFeature({ name: 'polls', catalog, commands: [poll], jobs: [pollClose, pollRemind] });
