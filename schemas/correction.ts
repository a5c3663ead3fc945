import { z } from 'zod';

/**
 * A human relabel of one message (dashboard review queue, API). Stored as an audit row (who, when, why,
 * what it was before) and applied to the message: stats use the corrected label from then on, and
 * `npm run train` learns from it.
 */
export const CorrectionInput = z
  .object({
    complaint: z.boolean({ error: 'complaint must be true or false' }),
    /** Owning departments, primary first; empty when not a complaint. */
    departments: z.array(z.string().min(1)).max(10).default([]),
    subTopic: z.string().min(1).nullable().optional(),
    reason: z.string().trim().max(1000).default(''),
    /** Who corrects; the logged-in user when auth is on. */
    by: z.string().trim().min(1).max(200).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.complaint && c.departments.length === 0) ctx.addIssue({ code: 'custom', path: ['departments'], message: 'a complaint needs at least one department' });
    if (!c.complaint && c.departments.length > 0) ctx.addIssue({ code: 'custom', path: ['departments'], message: 'a line that is not a complaint has no departments' });
    if (new Set(c.departments).size !== c.departments.length) ctx.addIssue({ code: 'custom', path: ['departments'], message: 'departments must not repeat' });
  });
export type CorrectionInput = z.infer<typeof CorrectionInput>;

/** What travels on the corrections topic: the input plus the message it applies to and an idempotency id. */
export const CorrectionRequest = z.object({
  correctionId: z.string().min(1),
  messageId: z.string().min(1),
  complaint: z.boolean(),
  departments: z.array(z.string()),
  subTopic: z.string().nullable(),
  reason: z.string(),
  by: z.string(),
  at: z.string(),
});
export type CorrectionRequest = z.infer<typeof CorrectionRequest>;
