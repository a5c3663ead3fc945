import { z } from 'zod';

/**
 * One line of the labeled corpus (analyzer/classify/corpus/*.jsonl): a customer line (or an agent line, as a
 * negative), its earlier conversation when the meaning depends on it, and the label TAXONOMY.md gives it.
 */
export const LabeledLine = z
  .object({
    text: z.string().min(1),
    complaint: z.boolean(),
    /** Acceptable owners, primary first; empty when not a complaint. */
    departments: z.array(z.string()),
    subTopic: z.string().nullable(),
    context: z.array(z.object({ role: z.enum(['customer', 'agent', 'system']), text: z.string() })).optional(),
    /** Negatives: question | bargain | praise | chitchat | thanks | hedged | negated | agent | unowned. */
    kind: z.string().optional(),
    role: z.enum(['customer', 'agent']).optional(),
    note: z.string().optional(),
  })
  .refine((l) => l.complaint === l.departments.length > 0, 'a complaint has departments and a non-complaint has none');
export type LabeledLine = z.infer<typeof LabeledLine>;
