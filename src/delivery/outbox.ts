// The durable outbox. deliver() resolves a target to destinations and writes
// one row per destination (idempotency key unique, so a repeated deliver()
// with the same key is a no-op). OutboxSender sends the rows.
import type { Card } from '../core/card.ts';
import type { Clock } from '../core/clock.ts';
import type { Platform } from '../core/command.ts';
import type { Deliverer, Destination, Target } from '../core/deliver.ts';
import type { Db } from '../db/client.ts';

export class Outbox implements Deliverer {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    /** Platforms with a running adapter; others are skipped, not queued forever. */
    private readonly platforms: () => ReadonlySet<Platform>,
    private readonly onQueued: (platform: Platform) => void = () => {},
  ) {}

  async destinations(target: Target): Promise<Destination[]> {
    const active = this.platforms();
    let found: Destination[] = [];
    switch (target.kind) {
      case 'channel':
        found = [{ platform: target.platform, kind: 'channel', id: target.channelId }];
        break;
      case 'org':
      case 'partnership': {
        const bindings = await this.db.channelBinding.findMany({
          where: target.kind === 'org' ? { orgId: target.id } : { partnershipId: target.id },
          select: { platform: true, channelId: true },
        });
        found = bindings.map((b) => ({ platform: b.platform as Platform, kind: 'channel' as const, id: b.channelId }));
        break;
      }
      case 'member': {
        const member = await this.db.member.findUnique({
          where: { id: target.id },
          select: { preferredPlatform: true, identities: { select: { platform: true, userId: true } } },
        });
        const linked = (member?.identities ?? []).filter((i) => active.has(i.platform as Platform));
        const preferred = linked.filter((i) => i.platform === member?.preferredPlatform);
        found = (preferred.length ? preferred : linked).map((i) => ({
          platform: i.platform as Platform,
          kind: 'user' as const,
          id: i.userId,
        }));
        break;
      }
    }
    return found.filter((d) => active.has(d.platform));
  }

  async deliver(target: Target, card: Card, key: string): Promise<number> {
    const destinations = await this.destinations(target);
    const now = this.clock.now();
    let queued = 0;
    for (const to of destinations) {
      try {
        await this.db.outboxMessage.create({
          data: {
            idempotencyKey: `${key}@${to.platform}:${to.kind}:${to.id}`,
            platform: to.platform,
            destKind: to.kind,
            destId: to.id,
            card: JSON.stringify(card),
            nextAttemptAt: now,
            createdAt: now,
          },
        });
      } catch (error) {
        // Same key already queued: delivering twice is a no-op.
        if ((error as { code?: string }).code === 'P2002') continue;
        throw error;
      }
      queued++;
      this.onQueued(to.platform);
    }
    return queued;
  }
}
