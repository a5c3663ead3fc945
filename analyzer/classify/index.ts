import { existsSync } from 'node:fs';
import type { Taxonomy } from '../../schemas/taxonomy.ts';
import { DEFAULT_MODEL_PATH, HybridClassifier, loadModelFile } from './hybrid.ts';
import { RulesClassifier } from './rules.ts';
import type { Classifier } from './types.ts';

export type { Classifier, ClassifierInput, ContextLine } from './types.ts';

/**
 * The classifier the pipeline uses for a taxonomy: the trained hybrid model (analyzer/classify/model.json,
 * or CLASSIFIER_MODEL), or the lexicon rules when no model file exists.
 */
export function createClassifier(taxonomy: Taxonomy, modelPath: string | URL = process.env.CLASSIFIER_MODEL ?? DEFAULT_MODEL_PATH): Classifier {
  if (!existsSync(modelPath)) return new RulesClassifier(taxonomy);
  return new HybridClassifier(taxonomy, loadModelFile(modelPath));
}
