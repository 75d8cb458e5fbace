// A transfer as stored and shown: the row types the service, cards and jobs share.
import type { Prisma } from '../../db/client.ts';

export const transferInclude = {
  member: { include: { org: true, roles: true } },
  items: { orderBy: { id: 'asc' } },
} as const;

export type TransferRow = Prisma.TransferGetPayload<{ include: typeof transferInclude }>;

type Person = Prisma.MemberGetPayload<{ include: { org: true } }>;

/** The organisations and people a transfer mentions (transferNames). */
export interface TransferNames {
  from?: Prisma.OrganizationModel;
  to?: Prisma.OrganizationModel;
  successor?: Person;
  acting?: Person;
}
