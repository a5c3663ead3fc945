import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../schemas/taxonomy.ts';
import { loadCorpus } from '../eval/examples.ts';
import { prepareLine } from '../text/prepare.ts';
import { HybridClassifier } from './hybrid.ts';
import { asStored } from './model-codec.ts';
import { trainModel } from './train.ts';

const taxonomy = loadTaxonomy();
// Every fifth training line: enough to learn, quick to train.
const sample = loadCorpus('train').filter((_, i) => i % 5 === 0);

describe('trainModel', () => {
  it('is deterministic: the same lines give the same model', () => {
    const a = trainModel(sample, taxonomy, { folds: 3 });
    const b = trainModel(sample, taxonomy, { folds: 3 });
    expect(a.version).toBe(b.version);
    expect({ ...a, trainedAt: '' }).toEqual({ ...b, trainedAt: '' });
    expect(a.training.lines).toBe(sample.length);
  });

  it('learns from added examples (as corrections are added) and survives the model file codec', () => {
    const marker = '这批次的榴莲全是空壳';
    const base = trainModel(sample, taxonomy, { folds: 3 });
    const taught = trainModel(
      [...sample, ...Array.from({ length: 12 }, (_, i) => ({ ...sample[0]!, text: `${marker}${'!'.repeat(i)}`, complaint: true, departments: ['warehouse'], subTopic: 'old_stock', context: undefined }))],
      taxonomy,
      { folds: 3, corrections: 12, real: 0 },
    );
    expect(taught.training).toMatchObject({ corrections: 12, real: 0, lines: sample.length + 12 });
    expect(taught.version).not.toBe(base.version);
    const roundTrip = asStored(taught);
    const c = new HybridClassifier(taxonomy, roundTrip);
    const line = prepareLine(marker);
    const label = c.classify({ text: line.text, tokens: line.tokens });
    expect(label.complaint).toBe(true);
    expect(label.department).toBe('warehouse');
  });
});
