import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../schemas/taxonomy.ts';
import { conversationKey, crossValidate, foldOf } from './cross-validate.ts';
import { loadCorpus, type Example } from './examples.ts';

const line = (source: string, ref: string, text: string, complaint = false, context?: Example['context']): Example => ({
  text,
  context,
  role: 'customer',
  complaint,
  departments: complaint ? ['warehouse'] : [],
  subTopic: null,
  script: 'simplified',
  source,
  ref: `${source} ${ref}`,
});

describe('cross-validation by conversation', () => {
  it("names a line's conversation: the JDDC session, the CSDS dialogue, a review by itself", () => {
    expect(conversationKey(line('jddc', 'abc123#14', '还没发货'))).toBe('jddc abc123');
    expect(conversationKey(line('csds', '37.2', '用户询问发货时间。'))).toBe('csds 37');
    expect(conversationKey(line('reviews', 'row 17', '质量太差'))).toBe('reviews row 17');
    expect(conversationKey(line('zhijiang', 'id 3', '包装破了'))).toBe('zhijiang id 3');
  });

  it('keeps every conversation in one fold, and spreads conversations over all folds', () => {
    const lines = Array.from({ length: 200 }, (_, s) => Array.from({ length: 5 }, (_, t) => line('jddc', `s${s}#${2 * t}`, `第${t}句`))).flat();
    const bySession = new Map<string, Set<number>>();
    for (const e of lines) {
      const k = conversationKey(e);
      if (!bySession.has(k)) bySession.set(k, new Set());
      bySession.get(k)!.add(foldOf(e, 4));
    }
    expect([...bySession.values()].every((f) => f.size === 1)).toBe(true);
    const sizes = [0, 1, 2, 3].map((k) => lines.filter((e) => foldOf(e, 4) === k).length);
    expect(Math.min(...sizes)).toBeGreaterThan(150);
  });

  it('judges each tune line once in its conversation and once alone, fold by fold', () => {
    const taxonomy = loadTaxonomy();
    // A small corpus: enough to train on, quick.
    const corpus = loadCorpus('train').filter((_, i) => i % 20 === 0);
    const tune = Array.from({ length: 12 }, (_, s) => [
      line('jddc', `t${s}#0`, `订单${s}下单一周了还没发货`, true),
      line('jddc', `t${s}#2`, '怎么回事', true, [{ role: 'customer', text: `订单${s}下单一周了还没发货` }]),
    ]).flat();
    const folds: number[] = [];
    const cv = crossValidate(corpus, tune, taxonomy, { folds: 2, onFold: (done) => folds.push(done) });
    expect(folds).toEqual([1, 2]);
    expect(cv.withContext.map((s) => s.example.ref).sort()).toEqual(tune.map((e) => e.ref).sort());
    expect(cv.alone).toHaveLength(tune.length);
    expect(cv.alone.every((s) => s.example.context === undefined)).toBe(true);
    expect(cv.withContext.some((s) => (s.example.context?.length ?? 0) > 0)).toBe(true);
    expect(() => crossValidate(corpus, tune, taxonomy, { folds: 1 })).toThrow(/at least 2 folds/);
  });
});
