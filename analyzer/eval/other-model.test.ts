import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../schemas/taxonomy.ts';
import { DEFAULT_MODEL_PATH } from '../classify/hybrid.ts';
import { createClassifier } from '../classify/index.ts';
import type { Example } from './examples.ts';
import { loadOtherModel, scoreWith } from './other-model.ts';

const taxonomy = loadTaxonomy();
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const line = (text: string, context?: Example['context']): Example => ({ text, context, role: 'customer', complaint: true, departments: ['warehouse'], subTopic: null, script: 'simplified', source: 'test' });
const examples = [line('下单五天了还没发货'), line('好的谢谢'), line('还没到', [{ role: 'customer', text: '快递三天了不动' }]), line('發票開錯了')];

describe('loadOtherModel', () => {
  it('reads a checkout with its own code and model: this checkout compared with itself agrees on every line', async () => {
    const other = await loadOtherModel(ROOT, taxonomy);
    const mine = scoreWith(createClassifier(taxonomy), examples);
    expect(other.label).toContain('checkout');
    expect(other.score(examples).map((s) => s.prediction)).toEqual(mine.map((s) => s.prediction));
  });

  it('reads a model file with this checkout’s code', async () => {
    const other = await loadOtherModel(fileURLToPath(DEFAULT_MODEL_PATH), taxonomy);
    expect(other.label).toMatch(/^hybrid-[0-9a-f]+ \(/);
    expect(other.score(examples)).toHaveLength(examples.length);
  });

  it('says what is wrong with a path that is neither', async () => {
    await expect(loadOtherModel(join(ROOT, 'no-such-model.json'), taxonomy)).rejects.toThrow(/nothing at/);
    const empty = mkdtempSync(join(tmpdir(), 'fk-other-'));
    try {
      await expect(loadOtherModel(empty, taxonomy)).rejects.toThrow(/not a checkout of this project/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
