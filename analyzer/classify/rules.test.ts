import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../schemas/taxonomy.ts';
import { normalize } from '../text/normalize.ts';
import { segment } from '../text/segment.ts';
import { RulesClassifier } from './rules.ts';
import type { ContextLine } from './types.ts';

const classifier = new RulesClassifier(loadTaxonomy());
const run = (raw: string, context?: ContextLine[]) => {
  const text = normalize(raw).text;
  return classifier.classify({ text, tokens: segment(text), context });
};

describe('RulesClassifier', () => {
  it.each([
    ['你们的发货速度太慢了,能不能快点', 'warehouse'],
    ['你們的發貨速度太慢了，能不能快點', 'warehouse'],
    ['实物与图片有差异,宣传言过其实了', 'ops'],
    ['你们是否能开增值税专用发票', 'finance'],
    ['我们家是老人,不送货上门就不买', 'logistics'],
    ['客服一直不回复,态度也差', 'service'],
  ])('routes the seed examples: %s → %s', (text, department) => {
    const c = run(text);
    expect(c.complaint).toBe(true);
    expect(c.department).toBe(department);
    expect(c.departments[0]).toBe(department);
    expect(c.evidence.length).toBeGreaterThan(0);
  });

  it.each(['你好', '好的谢谢', '有货吗', '什么时候发货', '没有坏,挺好的'])('does not count %s', (text) => {
    const c = run(text);
    expect(c.complaint).toBe(false);
    expect(c.department).toBeNull();
    expect(c.departments).toEqual([]);
  });

  it('takes the department of a short line from the conversation', () => {
    const c = run('怎么回事啊', [{ role: 'customer', text: '快递一直没到,物流太慢了' }]);
    expect(c.complaint).toBe(true);
    expect(c.department).toBe('logistics');
  });

  it('gives a confidence between 0 and 1', () => {
    const c = run('都一周了还没发货');
    expect(c.confidence).toBeGreaterThan(0);
    expect(c.confidence).toBeLessThanOrEqual(1);
  });
});
