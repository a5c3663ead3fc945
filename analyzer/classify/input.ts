/**
 * A raw line and its raw conversation (a corpus or eval example) as the classifier reads them: normalized and
 * segmented as the pipeline does. Training, the behaviour record and the eval all read examples this way.
 */
import { prepareContextText, prepareLine } from '../text/prepare.ts';
import type { ClassifierInput, ContextLine } from './types.ts';

/** How raw text becomes the classifier's input (a checkout compared in the eval brings its own). */
export interface Preparer {
  prepareLine(text: string): { text: string; tokens: string[] };
  prepareContextText(text: string): string;
}

export const PREPARER: Preparer = { prepareLine, prepareContextText };

export function inputOf(e: { text: string; context?: readonly ContextLine[] }, prepare: Preparer = PREPARER): ClassifierInput {
  const line = prepare.prepareLine(e.text);
  return { text: line.text, tokens: line.tokens, context: e.context?.map((c) => ({ role: c.role, text: prepare.prepareContextText(c.text) })) };
}
