// The audit log: who changed what, when. Targets are labels like "org #3";
// details hold staff-facing values only, never resident data.
import type { Actor } from '../../core/command.ts';
import type { Clock } from '../../core/clock.ts';
import type { Prisma } from '../../db/client.ts';

type Writer = { auditLog: { create: (args: { data: Prisma.AuditLogCreateInput }) => Promise<unknown> } };

export async function recordAudit(
  db: Writer,
  clock: Clock,
  actor: Pick<Actor, 'memberId' | 'name' | 'platform'>,
  action: string,
  target: string,
  detail?: Record<string, unknown>,
): Promise<void> {
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
