/**
 * What the classifier does, as one digest: its judgements of a fixed set of lines (the held-out corpus lines, in
 * their conversations). `npm run train` stores it in the model file, and it is part of the version the model
 * names. A code change that judges lines differently (a plain word added to the lexicon, a rule) therefore cannot
 * keep a version under which stored rows were judged otherwise: behaviour.test.ts fails until the model is
 * retrained, and the retrained model names a new version.
 */
import { createHash } from 'node:crypto';
import type { Example } from '../eval/examples.ts';
import { inputOf } from './input.ts';
import type { Classifier } from './types.ts';

export function behaviourDigest(classifier: Classifier, lines: readonly Pick<Example, 'text' | 'context'>[]): string {
  const hash = createHash('sha256');
  for (const e of lines) {
    const c = classifier.classify(inputOf(e));
    hash.update(JSON.stringify([c.complaint, c.departments, c.confidence, c.subTopic, c.evidence, c.contextEvidence]));
    hash.update('\n');
  }
  return hash.digest('hex').slice(0, 12);
}
