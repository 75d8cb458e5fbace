import { defineCommand, type HandlerContext, type OptionDecl } from '../src/core/command.ts';
import { choiceLabel, type Translator } from '../src/core/i18n/index.ts';
import { featureContext, type Services } from '../src/features/context.ts';
import {
  bindChannel,
  channelTargets,
  resolveBindingTarget,
  unbindChannel,
} from '../src/features/directory/service.ts';

const targetOptions: OptionDecl[] = [
  { name: 'org', type: 'string', positional: true, rest: true },
  { name: 'partnership', type: 'integer' },
];

type PartnershipLabel = { kind: string; from: { name: string }; to: { name: string } };
const partnershipLabel = (t: Translator, p: PartnershipLabel) =>
  t('channel.partnershipLabel', { from: p.from.name, to: p.to.name, kind: choiceLabel(t, 'partnershipKind', p.kind) });

async function target(ctx: HandlerContext<Services>) {
  const resolved = await resolveBindingTarget(ctx.services.db, {
    orgRef: ctx.options.org as string | undefined,
    partnershipId: ctx.options.partnership as number | undefined,
  });
  const label = resolved.org ? resolved.org.name : partnershipLabel(ctx.t, resolved.partnership as PartnershipLabel);
  return { target: resolved.target, label };
}

export default defineCommand<Services>({
  name: 'channel',
  subcommands: {
    bind: {
      roles: ['coordinator'],
      options: targetOptions,
      handler: async (ctx) => {
        const { target: t, label } = await target(ctx);
        const created = await bindChannel(featureContext(ctx), ctx.invocation.channelId, t);
        const key = created ? 'channel.bound' : 'channel.alreadyBound';
        return { tone: created ? 'success' : 'info', lines: [ctx.t(key, { channel: ctx.invocation.channelId, target: label })] };
      },
    },
    unbind: {
      roles: ['coordinator'],
      options: targetOptions,
      handler: async (ctx) => {
        const { target: t, label } = await target(ctx);
        const removed = await unbindChannel(featureContext(ctx), ctx.invocation.channelId, t);
        return { lines: [ctx.t(removed ? 'channel.unbound' : 'channel.notBound', { target: label })] };
      },
    },
    list: {
      roles: 'any',
      handler: async (ctx) => {
        const bindings = await channelTargets(ctx.services.db, ctx.invocation.platform, ctx.invocation.channelId);
        if (bindings.length === 0) return { lines: [ctx.t('channel.listEmpty')] };
        return {
          title: ctx.t('channel.listTitle'),
          lines: bindings.map((b) =>
            b.org ? `#${b.org.id} ${b.org.name}` : `partnership=${b.partnershipId} ${partnershipLabel(ctx.t, b.partnership as PartnershipLabel)}`,
          ),
        };
      },
    },
  },
});
