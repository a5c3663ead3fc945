import type { Script } from '../../schemas/analyzed-message.ts';
import { normalize } from './normalize.ts';
import { maskPersonalData, type MaskResult } from './pii.ts';
import { segment } from './segment.ts';

export interface PreparedLine {
  masked: MaskResult;
  /** Normalized masked text: what the classifier reads and the store keeps as norm_text. */
  text: string;
  script: Script;
  tokens: string[];
}

/**
 * Raw line → what the classifier reads: personal data masked first (nothing unmasked goes further), then
 * normalized (NFKC, simplified script) and segmented. The pipeline, the classify CLI, training and the
 * evaluation all go through here, so they see lines the same way.
 */
export function prepareLine(raw: string): PreparedLine {
  const masked = maskPersonalData(raw);
  const normalized = normalize(masked.text);
  return { masked, text: normalized.text, script: normalized.script, tokens: segment(normalized.text) };
}

/** Context lines only need the normalized text. */
export function prepareContextText(raw: string): string {
  return normalize(maskPersonalData(raw).text).text;
}
