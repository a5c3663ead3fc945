import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Taxonomy } from '../../schemas/taxonomy.ts';
import { createClassifier } from '../classify/index.ts';
import { inputOf, PREPARER, type Preparer } from '../classify/input.ts';
import type { Classifier } from '../classify/types.ts';
import type { Example } from './examples.ts';
import type { Scored } from './metrics.ts';

/** A classifier to compare with, and how it scores examples. */
export interface OtherModel {
  /** Its version, and where it came from. */
  label: string;
  score(examples: readonly Example[]): Scored[];
}

/** The examples judged by `classifier`, their text prepared by `prepare` (a checkout's own normalization and segmentation). */
export function scoreWith(classifier: Classifier, examples: readonly Example[], prepare: Preparer = PREPARER): Scored[] {
  return examples.map((example) => ({ example, prediction: classifier.classify(inputOf(example, prepare)) }));
}

/**
 * The model to compare with (`npm run eval -- --against PATH`):
 * - a model file: read by this checkout's code, so only the weights differ (a retrain);
 * - a checkout of the project (e.g. `git worktree add /tmp/before HEAD~1`, with its node_modules): its own
 *   lexicon, features, text preparation and model, so a change to the code is compared too.
 */
export async function loadOtherModel(path: string, taxonomy: Taxonomy): Promise<OtherModel> {
  if (!existsSync(path)) throw new Error(`--against: nothing at ${path} (a model file, or a checkout of the project)`);
  if (!statSync(path).isDirectory()) {
    const classifier = createClassifier(taxonomy, path);
    return { label: `${classifier.version} (${path})`, score: (examples) => scoreWith(classifier, examples) };
  }
  const root = resolve(path);
  const module = async <T>(rel: string): Promise<T> => {
    if (!existsSync(join(root, rel))) throw new Error(`--against: ${path} is not a checkout of this project (no ${rel})`);
    return (await import(pathToFileURL(join(root, rel)).href)) as T;
  };
  const { createClassifier: create } = await module<{ createClassifier: (t: unknown) => Classifier }>('analyzer/classify/index.ts');
  const { loadTaxonomy } = await module<{ loadTaxonomy: (file?: string) => unknown }>('schemas/taxonomy.ts');
  const prepare = await module<Preparer>('analyzer/text/prepare.ts');
  const classifier = create(loadTaxonomy(process.env.TAXONOMY_FILE));
  return { label: `${classifier.version} (checkout ${path})`, score: (examples) => scoreWith(classifier, examples, prepare) };
}
