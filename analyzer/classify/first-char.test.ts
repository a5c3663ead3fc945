import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../eval/examples.ts';
import { testAtStarts } from './first-char.ts';
import { generatedTexts } from './generated-texts.ts';
import { NEGATIVE_SHAPE, negativeShape } from './signals.ts';

/** The pattern's own Han characters, some others, and punctuation: texts that match it often, in many places. */
const alphabetOf = (pattern: RegExp) => [...new Set(pattern.source.match(/\p{Script=Han}/gu))].concat([...'的了人，。 !?x']);

describe('testAtStarts', () => {
  it('answers as the pattern does: lookbehinds see before the start, anchors hold, flags are kept', () => {
    const pattern = /(?<!好)不好|^亲[,，]|ok$/i;
    const test = testAtStarts(pattern, '不亲oO');
    for (const t of ['不好', '很好不好', '好不好', '亲，在吗', '你好亲，', 'OK', 'ok吧', '', '好']) expect(test(t), t).toBe(pattern.test(t));
  });

  it('misses the matches that begin with a character it was not given', () => {
    expect(testAtStarts(/不好|太差/, '不')('太差了')).toBe(false);
  });

  it('gives negativeShape the answers of NEGATIVE_SHAPE.test, on every corpus line and 20,000 generated texts', () => {
    const corpus = loadCorpus('all').flatMap((e) => [e.text, ...(e.context ?? []).map((c) => c.text)]);
    const texts = [...corpus, ...generatedTexts(alphabetOf(NEGATIVE_SHAPE), 20_000, 11)];
    expect(texts.filter((t) => negativeShape(t) !== NEGATIVE_SHAPE.test(t))).toEqual([]);
    // The generated texts reach the pattern: a good share of them match it.
    expect(texts.filter((t) => NEGATIVE_SHAPE.test(t)).length).toBeGreaterThan(1000);
  });
});
