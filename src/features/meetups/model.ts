// Meetup series and their occurrences as stored and computed: the row types
// the service, cards, jobs and other features (agenda, digests) share.
import type { Prisma } from '../../db/client.ts';

export const seriesInclude = { participants: { include: { org: true } }, changes: true, organiser: true } as const;

/** A series as loadSeries reads it: participants with their organisations, changes, organiser. */
export type Series = Prisma.MeetupSeriesGetPayload<{ include: typeof seriesInclude }>;

/** What horizonMoved reads of a series: its own fields and changes (no participants). */
export type SeriesForPlanning = Omit<Series, 'participants' | 'organiser'>;

export interface Occurrence {
  seriesId: number;
  title: string;
  kind: string;
  /** The date the rule gave: RSVPs and changes hang on it. */
  original: string;
  date: string;
  time: string;
  durationMin: number;
  place: string | null;
  link: string | null;
  start: Date;
  /** Moved by the holiday policy or by hand. */
  moved: boolean;
}

/** The first future date of a new series when the holiday policy moved or skipped it. */
export interface FirstShift {
  original: string;
  /** null: skipped (holiday=skip). */
  date: string | null;
  /** A holiday's name, or a catalog key (meetup.reasonWeekend, meetup.reasonClosure). */
  reason: string;
}

export interface Tally {
  /** Answers of members of the participant organisations (guests are counted apart). */
  yes: number;
  no: number;
  maybe: number;
  /** Members of the participant organisations who have not answered. */
  missing: { id: number; name: string }[];
  proxies: string[];
  /** Members of other organisations who said they come as guests (guest=yes). */
  guests: { id: number; name: string }[];
}
