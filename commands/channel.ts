import { defineCommand, subcommand, type FeatureContext } from '../src/features/context.ts';
import { choiceLabel, type Translator } from '../src/core/i18n/index.ts';
import {
  bindChannel,
  channelTargets,
  resolveBindingTarget,
  unbindChannel,
} from '../src/features/directory/service.ts';

const targetOptions = [
  { name: 'org', type: 'string', positional: true, rest: true, suggest: 'org' },
  { name: 'partnership', type: 'integer' },
] as const;

type PartnershipLabel = { kind: string; from: { name: string }; to: { name: string } };
const partnershipLabel = (t: Translator, p: PartnershipLabel) =>
  t('channel.partnershipLabel', { from: p.from.name, to: p.to.name, kind: choiceLabel(t, 'partnershipKind', p.kind) });

async function target(ctx: FeatureContext & { t: Translator }, options: { org?: string; partnership?: number }) {
  const resolved = await resolveBindingTarget(ctx, { orgRef: options.org, partnershipId: options.partnership });
  const label = resolved.org ? resolved.org.name : partnershipLabel(ctx.t, resolved.partnership);
  return { target: resolved.target, label };
}

export default defineCommand({
  name: 'channel',
  features: ['directory'],
  subcommands: {
    bind: subcommand({
      // A head only their own organisation's (the service decides).
      roles: ['coordinator', 'head'],
      options: targetOptions,
      handler: async (ctx) => {
        const { target: t, label } = await target(ctx, ctx.options);
        const created = await bindChannel(ctx, ctx.invocation.channelId, t);
        const key = created ? 'channel.bound' : 'channel.alreadyBound';
        return { tone: created ? 'success' : 'info', lines: [ctx.t(key, { channel: ctx.invocation.channelId, target: label })] };
      },
    }),
    unbind: subcommand({
      // A head only their own organisation's (the service decides).
      roles: ['coordinator', 'head'],
      options: targetOptions,
      handler: async (ctx) => {
        const { target: t, label } = await target(ctx, ctx.options);
        const removed = await unbindChannel(ctx, ctx.invocation.channelId, t);
        return { lines: [ctx.t(removed ? 'channel.unbound' : 'channel.notBound', { target: label })] };
      },
    }),
    list: subcommand({
      roles: 'any',
      handler: async (ctx) => {
        const bindings = await channelTargets(ctx, ctx.invocation.platform, ctx.invocation.channelId);
        if (bindings.length === 0) return { lines: [ctx.t('channel.listEmpty')] };
        return {
          title: ctx.t('channel.listTitle'),
          // A binding names an organisation or a partnership (BindingTarget): one of the two is there.
          lines: bindings.flatMap((b) =>
            b.org ? [`#${b.org.id} ${b.org.name}`] : b.partnership ? [`partnership=${b.partnershipId} ${partnershipLabel(ctx.t, b.partnership)}`] : [],
          ),
        };
      },
    }),
  },
});
