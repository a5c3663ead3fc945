import { z } from 'zod';
import { ChatMessage } from './chat-message.ts';

export const SCRIPTS = ['simplified', 'traditional', 'mixed', 'none'] as const;
export const Script = z.enum(SCRIPTS);
export type Script = z.infer<typeof Script>;

export const LABEL_SOURCES = ['model', 'correction'] as const;
export const LabelSource = z.enum(LABEL_SOURCES);
export type LabelSource = z.infer<typeof LabelSource>;

/** Personal data kinds masked out of stored text. */
export const PII_KINDS = ['mobile', 'landline', 'id_card', 'email', 'address', 'bank_card'] as const;
export const PiiKind = z.enum(PII_KINDS);
export type PiiKind = z.infer<typeof PiiKind>;

/** The judgement on one line: complaint or not, which departments own it, how sure, and why. */
export const Classification = z.object({
  complaint: z.boolean(),
  /** Primary owning department; null when not a complaint. */
  department: z.string().nullable(),
  /** All acceptable owners, primary first; empty when not a complaint. */
  departments: z.array(z.string()),
  /** Calibrated probability that the label (complaint + primary) is right, 0..1. */
  confidence: z.number().min(0).max(1),
  /** Taxonomy sub-topic id within the primary department (e.g. `wrong_item`), or null. */
  subTopic: z.string().nullable(),
  /** Words in the text that carried the decision, for the UI. */
  evidence: z.array(z.string()),
  /**
   * When the line names no problem of the primary department itself (还可以换吗, 到底怎么回事, a bare order
   * number), the words of the conversation it carries on: the earlier customer line's (or the agent's) terms for
   * that department. Empty otherwise.
   */
  contextEvidence: z.array(z.string()).default([]),
});
export type Classification = z.infer<typeof Classification>;

/** A chat message after the analyzer: masked, normalized, tagged. One row per message id in the store. */
export const AnalyzedMessage = ChatMessage.extend({
  /** sentAt as epoch milliseconds. */
  sentAtMs: z.number(),
  /** Business date (FANKUI_TZ) of sentAt, `YYYY-MM-DD`. */
  day: z.string(),
  /** The received text with personal data masked; what the API returns as `text`. */
  text: z.string(),
  /** Masked, NFKC, simplified-script, whitespace-collapsed text the classifier read. */
  normalizedText: z.string(),
  script: Script,
  /** Order numbers found in the text (kept: they are not personal data and link complaints to orders). */
  orderIds: z.array(z.string()),
  /** Which kinds of personal data were masked. */
  pii: z.array(PiiKind),
  /** Salient terms of the line (segmented, stop words removed) for theme grouping. */
  keyTerms: z.array(z.string()),
  /** The effective label (a correction overrides the model). */
  label: Classification,
  /** What the model said, kept even when a correction overrides it. */
  modelLabel: Classification,
  labelSource: LabelSource,
  classifierVersion: z.string(),
  taxonomyVersion: z.string(),
  /** Epoch milliseconds. */
  analyzedAt: z.number(),
  /** When ingest received the message, epoch milliseconds. */
  receivedAt: z.number(),
});
export type AnalyzedMessage = z.infer<typeof AnalyzedMessage>;
