import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../schemas/taxonomy.ts';
import { segment } from '../text/segment.ts';
import { BayesModel } from './bayes.ts';
import { loadModelFile } from './hybrid.ts';
import { clauseTokens, SignalReader, splitClauses } from './signals.ts';

const reader = new SignalReader(loadTaxonomy(), new BayesModel(loadModelFile().bayes));

describe('SignalReader: the most complaining clause', () => {
  // Lines with no placeholder, digit or link score their clauses from the line's own feature rows; the others
  // read each clause again. Both must give what the Bayes model says of each clause read alone.
  const lines = [
    '物流很快，包装也不错，就是质量太差了',
    '客服态度很好 但是发货太慢了 等了一个星期',
    '颜色好看，尺码偏小，面料有点薄，洗了一次就起球',
    '东西挺好就是有点贵',
    // A turn without punctuation: the n-grams across it (了就, 了就是) belong to neither clause.
    '质量太差了就是价格便宜',
    '发货太慢了但是东西还行',
    '完全没法用了可惜',
    '很好很好，很好很好，差差差',
    '等了3天还没发货，客服也不回，[订单x]',
    '屏幕清晰!!! 但是电池不耐用~ 半天就没电了。',
  ];
  for (const text of lines) {
    it(text, () => {
      const tokens = segment(text);
      const clauses = splitClauses(text, tokens).filter((c) => c.text.length > 1);
      expect(clauses.length).toBeGreaterThanOrEqual(2);
      const alone = clauses.map((c) => reader.view(c.text, clauseTokens(c, tokens), false).nbComplaint);
      expect(reader.view(text, tokens).nbClause).toBe(Math.max(...alone));
    });
  }

  it('is the whole line when it has one clause', () => {
    const v = reader.view('发货太慢了', segment('发货太慢了'));
    expect(v.nbClause).toBe(v.nbComplaint);
  });
});
