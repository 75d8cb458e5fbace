import { describe, expect, it } from 'vitest';
import { parseText, quote, tokenize } from '../../src/core/parse.ts';
import { UserError } from '../../src/core/errors.ts';

describe('parseText', () => {
  it('splits command, bare words and key=value options', () => {
    expect(parseText('/org add 사회복지관 행복종합사회복지관 dong=모라3동 sigungu="사상 구"')).toEqual({
      command: 'org',
      words: ['add', '사회복지관', '행복종합사회복지관'],
      named: [
        ['dong', '모라3동'],
        ['sigungu', '사상 구'],
      ],
    });
  });

  it('keeps spaces inside straight, single and curly quotes', () => {
    expect(tokenize(`a "b c" 'd e' “f g” key="h i"`)).toEqual(['a', 'b c', 'd e', 'f g', 'key=h i']);
  });

  it('treats a Korean word with = as a bare word, not an option', () => {
    expect(parseText('/help 동=1').words).toEqual(['동=1']);
  });

  it('rejects an unclosed quote and text without a slash', () => {
    expect(() => parseText('/org add "행복')).toThrow(UserError);
    expect(() => parseText('org list')).toThrowError(expect.objectContaining({ key: 'error.notACommand' }));
  });

  it('quote() round-trips values with spaces', () => {
    expect(tokenize(`x ${quote('모라 3동')} ${quote('plain')}`)).toEqual(['x', '모라 3동', 'plain']);
  });
});
