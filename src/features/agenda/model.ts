// Agenda items as stored and read: the row types the service, cards and jobs share.
import type { Prisma } from '../../db/client.ts';

export const itemInclude = {
  agencies: true,
  agenda: { include: { series: { include: { participants: true, organiser: true } } } },
} as const;
export type ItemRow = Prisma.AgendaItemGetPayload<{ include: typeof itemInclude }>;

export const compiledAgendaInclude = { series: { include: { participants: { include: { org: true } }, organiser: true } } } as const;

/** The compiled agenda: submitted and accepted items in order, and the participating agencies that sent nothing. */
export interface CompiledAgenda {
  agenda: Prisma.AgendaGetPayload<{ include: typeof compiledAgendaInclude }>;
  items: Prisma.AgendaItemGetPayload<{ include: { agencies: true } }>[];
  silent: Prisma.OrganizationModel[];
  orgName: (id: number) => string;
}

export const historyInclude = {
  agenda: { select: { original: true, series: { select: { id: true, title: true } } } },
  agencies: true,
} as const;

/** Earlier appearances of a case code (caseHistory). */
export type CaseHistory = Prisma.AgendaItemGetPayload<{ include: typeof historyInclude }>[];
