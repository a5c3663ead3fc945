import type { Taxonomy } from '../../schemas/taxonomy.ts';
import { RulesClassifier } from './rules.ts';
import type { Classifier } from './types.ts';

export type { Classifier, ClassifierInput, ContextLine } from './types.ts';

/** The classifier the pipeline uses for a taxonomy. */
export function createClassifier(taxonomy: Taxonomy): Classifier {
  return new RulesClassifier(taxonomy);
}
