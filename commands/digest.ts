import { defineCommand, subcommand } from '../src/features/context.ts';
import { UserError } from '../src/core/errors.ts';
import { parseTimeInput } from '../src/core/korean-input.ts';
import { digestCard } from '../src/features/digests/cards.ts';
import { isEmpty, previewDigest, setDigest, setDigestTime } from '../src/features/digests/service.ts';

const channelOption = { name: 'channel', type: 'choice', choices: 'digestChannel', positional: true } as const;

export default defineCommand({
  name: 'digest',
  features: ['digests'],
  subcommands: {
    now: subcommand({
      roles: 'any',
      handler: async (ctx) => {
        const digest = await previewDigest(ctx);
        if (isEmpty(digest)) return { card: { lines: [ctx.t('digest.empty')] }, ephemeral: true };
        return { card: digestCard(ctx.t, digest), ephemeral: true };
      },
    }),
    preview: subcommand({
      roles: [],
      options: [{ name: 'member', type: 'string', required: true, positional: true, rest: true, suggest: 'member' }],
      handler: async (ctx) => {
        const digest = await previewDigest(ctx, ctx.options.member);
        if (isEmpty(digest)) return { card: { lines: [ctx.t('digest.empty')] }, ephemeral: true };
        return { card: digestCard(ctx.t, digest), ephemeral: true };
      },
    }),
    on: subcommand({
      roles: 'any',
      options: [channelOption],
      handler: async (ctx) => {
        await setDigest(ctx, true, ctx.options.channel);
        return { card: { tone: 'success', lines: [ctx.t('digest.on', { channel: ctx.t(`digest.channel.${ctx.options.channel ?? 'all'}`) })] }, ephemeral: true };
      },
    }),
    off: subcommand({
      roles: 'any',
      options: [channelOption],
      handler: async (ctx) => {
        await setDigest(ctx, false, ctx.options.channel);
        return { card: { tone: 'success', lines: [ctx.t('digest.off', { channel: ctx.t(`digest.channel.${ctx.options.channel ?? 'all'}`) })] }, ephemeral: true };
      },
    }),
    time: subcommand({
      roles: 'any',
      options: [
        { name: 'time', type: 'string', required: true, positional: true, rest: true },
        { name: 'org', type: 'string', suggest: 'org' },
      ],
      handler: async (ctx) => {
        const word = ctx.options.time.trim();
        const reset = ['기본', 'default', '-'].includes(word);
        const time = reset ? null : parseTimeInput(word);
        if (time === undefined) throw new UserError('digest.badTime');
        const org = await setDigestTime(ctx, time, ctx.options.org);
        return { card: { tone: 'success', lines: [ctx.t(org ? 'digest.orgTimeSet' : 'digest.timeSet', { time: time ?? '08:30', org: org ?? '' })] }, ephemeral: true };
      },
    }),
  },
});
