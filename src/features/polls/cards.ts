// Messages of the polls feature.
import type { Button, Card } from '../../core/card.ts';
import { choiceLabel, type Translator } from '../../core/i18n/index.ts';
import { formatSeoulDateTime } from '../../core/calendar/index.ts';
import { DEFAULT_RULE, parseFraction, shareWords, type PollResult } from './rules.ts';
import { optionLabels, type PollRow } from './model.ts';

export function kindText(t: Translator, poll: Pick<PollRow, 'kind' | 'maxChoices'>): string {
  return t(`poll.kind.${poll.kind}` as 'poll.kind.single', { max: poll.maxChoices ?? 1 });
}

/** Decision options show as 찬성/반대/기권 in the reader's language. */
export function labelsFor(t: Translator, poll: Pick<PollRow, 'kind' | 'options'>): string[] {
  const labels = optionLabels(poll);
  return poll.kind === 'decision' ? labels.map((l) => choiceLabel(t, 'decisionAnswer', l)) : labels;
}

function voteButtons(t: Translator, poll: PollRow): Button[] {
  if (poll.kind === 'multi' || poll.kind === 'ranked') {
    // Several choices at once: the form (Slack/Discord) or the text twin.
    return [{ label: t('poll.voteButton'), command: `/poll vote ${poll.id}`, style: 'primary' }];
  }
  return labelsFor(t, poll).map((label, i) => ({ label, command: `/poll vote ${poll.id} ${i + 1}` }));
}

export function pollCard(t: Translator, poll: PollRow, turnout: { eligible: number; voted: number }): Card {
  const labels = labelsFor(t, poll);
  return {
    title: t('poll.title', { id: poll.id, question: poll.question }),
    lines: labels.map((label, i) => `${i + 1}. ${label}`),
    fields: [
      { label: t('poll.fieldKind'), value: kindText(t, poll) },
      { label: t('poll.fieldSecrecy'), value: t(poll.anonymous ? 'poll.secret' : 'poll.named') },
      { label: t('poll.fieldDeadline'), value: formatSeoulDateTime(poll.deadline) },
      { label: t('poll.fieldTurnout'), value: turnoutText(t, turnout) },
    ],
    buttons: poll.status === 'open' ? voteButtons(t, poll) : undefined,
    footer: t('poll.voteHint', { id: poll.id, example: poll.kind === 'ranked' ? '2,1' : poll.kind === 'multi' ? '1,2' : '1' }),
  };
}

export function turnoutText(t: Translator, turnout: { eligible: number; voted: number }): string {
  const rate = turnout.eligible ? Math.round((turnout.voted / turnout.eligible) * 100) : 0;
  return t('poll.turnout', { voted: turnout.voted, eligible: turnout.eligible, rate });
}

export function resultCard(t: Translator, poll: PollRow, result: PollResult, final: boolean): Card {
  const labels = labelsFor(t, poll);
  const lines = result.counts.map((c) => `${labels[c.index]}: ${c.votes}`);
  const fields = [{ label: t('poll.fieldTurnout'), value: turnoutText(t, { eligible: result.eligible, voted: result.participated }) }];
  if (result.decision) {
    const d = result.decision;
    fields.push(
      { label: t('poll.fieldCounts'), value: t('poll.decisionCounts', { eligible: result.eligible, present: result.participated, yes: d.yes, no: d.no, abstain: d.abstain }) },
      { label: t('poll.fieldVerdict'), value: t(`poll.verdict.${d.verdict}` as 'poll.verdict.passed') },
    );
  } else if (poll.kind === 'ranked') {
    // The instant-runoff winner need not have had the most first preferences; a tie is a tie after the last round.
    const tie = result.winners.length > 1;
    fields.push({ label: t(tie ? 'poll.fieldRankedTie' : 'poll.fieldRankedWinner'), value: result.winners.map((i) => labels[i]).join(', ') || '-' });
  } else if (poll.kind !== 'opinion' || result.winners.length) {
    fields.push({
      label: t('poll.fieldWinner'),
      value: result.winners.length ? result.winners.map((i) => labels[i]).join(', ') + (result.winners.length > 1 ? t('poll.tieNote') : '') : '-',
    });
  }
  if (result.rounds && result.rounds.length > 1) {
    fields.push({
      label: t('poll.fieldRounds'),
      value: result.rounds
        .map((round, i) => `${i + 1}: ${round.counts.map((c) => `${labels[c.index]} ${c.votes}`).join(' · ')}${round.eliminated.length ? ` → ✕ ${round.eliminated.map((e) => labels[e]).join(', ')}` : ''}`)
        .join('\n'),
    });
  }
  return {
    title: t(final ? 'poll.resultTitle' : 'poll.liveTitle', { id: poll.id, question: poll.question }),
    lines,
    fields,
    tone: final ? 'success' : 'info',
  };
}

/** A stored share ('majority', '2/3', '1/2+') in words: 과반수, 3분의 2 이상 / more than half, at least 2/3. */
export function shareText(t: Translator, stored: string): string {
  const share = parseFraction(stored);
  return share ? shareWords(share, t.locale) : stored;
}

/**
 * A council's voting rule in the reader's words (for /council rules):
 * 정족수: 재적 과반수 참여 · 가결: 참여위원 3분의 2 이상 찬성.
 */
export function describeRule(t: Translator, rule: { quorum?: string | null; pass?: string | null; base?: string | null }): string {
  return t('poll.rule', {
    quorum: shareText(t, rule.quorum ?? 'majority'),
    pass: shareText(t, rule.pass ?? 'majority'),
    base: choiceLabel(t, 'passBase', rule.base === 'cast' ? 'cast' : DEFAULT_RULE.base),
  });
}
