import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../schemas/taxonomy.ts';
import { prepareLine } from '../text/prepare.ts';
import { segment } from '../text/segment.ts';
import { BayesModel } from './bayes.ts';
import { loadModelFile } from './hybrid.ts';
import { FeatureIndex } from './feature-index.ts';
import { clauseTokens, collectContext, collectDepartment, CONTEXT_FEATURES, contextSparse, contextVector, departmentSparse, judgesOnlyUnowned, LINE_FEATURES, SignalReader, splitClauses } from './signals.ts';

const reader = new SignalReader(loadTaxonomy(), new BayesModel(loadModelFile().bayes));

describe('SignalReader: the most complaining clause', () => {
  // Clauses are scored from the line's own feature rows: by their places in the line, or in its canonical text
  // when placeholders, digits or links change it (canonicalSpans); a line where one runs over a break (3.5, a
  // link's dots) reads each clause again. All must give what the Bayes model says of each clause read alone.
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
    '咨询订单号:[订单x] 订单金额:[金额x] 下单时间:[日期x] 还没发货',
    '等了12天，[数字x]次催了，还是没到',
    // A number and a link that run over a break.
    '才用了3.5天就坏了，退货吧',
    '看这个 https://item.jd.com/100.html 图片和实物差太多了',
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

describe('SignalReader: rows collected for the heads', () => {
  // The heads read a line's rows as the view found them (one lookup per feature for all models); what they
  // collect must be what they would collect from contextSparse / departmentSparse, built and looked up anew.
  const model = loadModelFile();
  const shared = new FeatureIndex([model.bayes.hashes, model.complaint.hashes, model.department.hashes]);
  const sharedReader = new SignalReader(loadTaxonomy(), new BayesModel(model.bayes, shared));
  const other = new FeatureIndex([model.complaint.hashes]);
  const inputs = [
    { text: '还没发货', context: [{ role: 'customer' as const, text: '快递三天了还没到' }, { role: 'agent' as const, text: '亲亲，物流这边帮您催一下' }] },
    { text: '你们到底能不能解决', context: [{ role: 'customer' as const, text: '发票开错了，税号不对' }] },
    { text: '物流很快，包装也不错，就是质量太差了', context: [] },
    { text: '[订单x]', context: [{ role: 'customer' as const, text: '签收了但是没收到' }, { role: 'agent' as const, text: '抱歉，这边帮您核实' }] },
  ];
  const rowsOf = (index: FeatureIndex) => [...index.found.subarray(0, index.count)];
  for (const input of inputs) {
    it(input.text, () => {
      const s = sharedReader.read({ ...input, tokens: segment(input.text) });
      for (const index of [shared, other]) {
        const n = index.collect(contextSparse(s));
        const expected = rowsOf(index).slice(0, n);
        expect(collectContext(s, index)).toBe(contextSparse(s).length);
        expect(rowsOf(index)).toEqual(expected);
        const m = index.collect(departmentSparse(s));
        const expectedDept = rowsOf(index).slice(0, m);
        expect(collectDepartment(s, index)).toBe(departmentSparse(s).length);
        expect(rowsOf(index)).toEqual(expectedDept);
      }
    });
  }
  // The classifier writes stage 1's dense inputs into one buffer for every line: what an earlier line left in it
  // must not show, so it reads what a new array would hold.
  const buffer = new Array<number>(LINE_FEATURES.length + CONTEXT_FEATURES.length).fill(7);
  for (const input of inputs) {
    it(`dense inputs of ${input.text}, written into a reused buffer`, () => {
      const s = sharedReader.read({ ...input, tokens: segment(input.text) });
      const p0 = s.previous.map((_, k) => 0.9 - 0.2 * k);
      expect(contextVector(s, p0, buffer)).toEqual(contextVector(s, p0));
    });
  }
});

describe('SignalReader: the line the conversation is about (topic)', () => {
  const read = (lines: string[]) => {
    const context = lines.map((t) => ({ role: t.startsWith('a:') ? ('agent' as const) : ('customer' as const), text: t.replace(/^a:/, '') }));
    return reader.read({ text: '你们到底能不能解决', tokens: segment('你们到底能不能解决'), context });
  };
  const topic = (lines: string[]) => read(lines).topic?.canonicalText;

  it('is the earliest line between the opening and the recent three that names a problem', () => {
    expect(topic(['在吗', '下单四天了还没发货', '少发了一件', '我很急', '我不想听这些', '再不处理我就给差评了'])).toBe('下单四天了还没发货');
    // The opening line itself is read as context already.
    expect(topic(['下单四天了还没发货', '我很急', '我不想听这些', '再不处理我就给差评了'])).toBeUndefined();
  });

  it('is not needed when a line the heads read names the problem, or the conversation is short', () => {
    expect(topic(['在吗', '下单四天了还没发货', '我很急', '包装破了', '再不处理我就给差评了'])).toBeUndefined();
    expect(topic(['下单四天了还没发货', '我很急'])).toBeUndefined();
    expect(topic(['在吗', '你好', '我很急', '我不想听这些', '再不处理我就给差评了'])).toBeUndefined();
  });
});

describe('SignalReader: a bad judgement in words no department owns', () => {
  const judged = (text: string) => reader.view(text, segment(text)).negativeEvaluation;

  it('reads "so" before a bad quality as one (很慢, 这么慢, 最差, 真的差)', () => {
    for (const text of ['发货很慢', '什么快递能这么慢', '这是我买过最差的', '东西真的差']) expect(judged(text), text).toBe(true);
  });

  it('does not read "so" before a good quality as one (这么好吃, 最好的一次)', () => {
    for (const text of ['这么好吃', '最好的一次购物', '真的好用']) expect(judged(text), text).toBe(false);
  });
});

describe('judgesOnlyUnowned', () => {
  const judges = (raw: string) => {
    const { text, tokens } = prepareLine(raw);
    return judgesOnlyUnowned(reader.view(text, tokens));
  };

  it('holds for a line that judges a book\'s content or its author, in either script', () => {
    for (const text of ['内容空洞，看完什么都没学到，上当了', '作家写得太肤浅了，很失望', '翻譯很生硬，內容一般般']) expect(judges(text), text).toBe(true);
  });

  it('does not hold for a fault a department owns, nor for a line that names the content without judging it', () => {
    for (const text of ['内容还行，就是印刷模糊，还缺页', '用户询问开出的票内容是哪件商品', '对，就是这几个订单 内容都是办公用品']) expect(judges(text), text).toBe(false);
  });
});
