// The audit log: who changed what, when. Targets are labels like "org #3";
// details hold staff-facing values only, never resident data.
import { actorsChanged } from '../../core/actor-cache.ts';
import type { Actor } from '../../core/command.ts';
import type { Clock } from '../../core/clock.ts';
import type { Prisma } from '../../db/client.ts';
import type { FeatureContext } from '../context.ts';

/** Actions that change who someone is (name, roles, organisation, seats, chat accounts): cached callers are forgotten. */
const WHO_CHANGES = /^(member|identity|council\.seat|org)\b/;

type Writer = { auditLog: { create: (args: { data: Prisma.AuditLogCreateInput }) => Promise<unknown> } };

export async function recordAudit(
  db: Writer,
  clock: Clock,
  actor: Pick<Actor, 'memberId' | 'name' | 'platform'>,
  action: string,
  target: string,
  detail?: Record<string, unknown>,
): Promise<void> {
  if (WHO_CHANGES.test(action)) actorsChanged();
  await db.auditLog.create({
    data: {
      at: clock.now(),
      actorId: actor.memberId ?? null,
      actor: `${actor.name} (${actor.platform})`,
      action,
      target,
      detail: detail ? JSON.stringify(detail) : null,
    },
  });
}

export const AUDIT_PAGE_SIZE = 20;

/** One page of the log, newest first, plus one row to tell whether more exist. */
export async function listAudit({ db }: Pick<FeatureContext, 'db'>, page: number) {
  return db.auditLog.findMany({ orderBy: { id: 'desc' }, skip: (page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE + 1 });
}
