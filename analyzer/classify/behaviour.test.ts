import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../schemas/taxonomy.ts';
import { loadCorpus } from '../eval/examples.ts';
import { behaviourDigest } from './behaviour.ts';
import { HybridClassifier, loadModelFile } from './hybrid.ts';

describe('the committed model file', () => {
  it('was trained by this code: the version stored on every row names what the classifier does', () => {
    const model = loadModelFile();
    const now = behaviourDigest(new HybridClassifier(loadTaxonomy(), model), loadCorpus('test'));
    expect(now, 'the classifier judges the held-out corpus differently from when analyzer/classify/model.json was trained: run `npm run train`').toBe(model.behaviour);
  });

  it('tells apart classifiers that judge a line differently', () => {
    const model = loadModelFile();
    const lines = loadCorpus('test').slice(0, 200);
    const a = behaviourDigest(new HybridClassifier(loadTaxonomy(), model), lines);
    const b = behaviourDigest(new HybridClassifier(loadTaxonomy(), { ...model, threshold: 0.9 }), lines);
    expect(a).toMatch(/^[0-9a-f]{12}$/);
    expect(b).not.toBe(a);
  });
});
