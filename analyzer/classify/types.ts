import type { Classification } from '../../schemas/analyzed-message.ts';
import type { Role } from '../../schemas/chat-message.ts';

/** An earlier line of the same conversation, normalized. */
export interface ContextLine {
  role: Role;
  text: string;
}

export interface ClassifierInput {
  /** Normalized text (analyzer/text/normalize.ts). */
  text: string;
  /** Segmented words of `text` (analyzer/text/segment.ts). */
  tokens: readonly string[];
  /** Earlier lines of the conversation, oldest first (the classify CLI has none). */
  context?: readonly ContextLine[];
}

/** Anything that can judge a customer line. Pure and synchronous: the pipeline calls it per message. */
export interface Classifier {
  /** Stored on every row (`classifier_version`), so re-analysis knows what tagged what. */
  readonly version: string;
  readonly taxonomyVersion: string;
  classify(input: ClassifierInput): Classification;
  /**
   * Optional read-ahead: whatever can be read of these customer lines before they are classified, in order, with
   * their conversations (HybridClassifier: each line's view, which does not depend on the conversation, kept by
   * text). The pipeline calls it for a stage of lines, then classifies them one by one; the judgements are the same
   * with or without it. Done line by line between classifications, that reading and the rest of classification
   * pushed each other's tables out of the processor's caches.
   */
  readAhead?(lines: readonly Pick<ClassifierInput, 'text' | 'tokens'>[]): void;
}

export const NOT_A_COMPLAINT: Classification = Object.freeze({
  complaint: false,
  department: null,
  departments: [],
  confidence: 1,
  subTopic: null,
  evidence: [],
  contextEvidence: [],
}) as Classification;
