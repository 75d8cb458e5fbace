// Poll job kinds: close at the deadline, and remind eligible members who have
// not voted (1 day and 2 hours before). Their runs are in job-runs.ts.
import { defineJob, z } from '../context.ts';

const pollPayload = z.object({ pollId: z.number().int() });

export const pollClose = defineJob({ kind: 'poll.close', payload: pollPayload });

export const pollRemind = defineJob({ kind: 'poll.remind', payload: pollPayload });
