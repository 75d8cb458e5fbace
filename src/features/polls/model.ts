// The poll as stored: the row type the service, cards and jobs share.
import type { Db } from '../../db/client.ts';

export type PollRow = NonNullable<Awaited<ReturnType<Db['poll']['findUnique']>>>;

export function optionLabels(poll: Pick<PollRow, 'options'>): string[] {
  return JSON.parse(poll.options) as string[];
}
