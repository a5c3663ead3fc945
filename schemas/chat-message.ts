import { z } from 'zod';
import { parseIsoWithOffset } from './iso-time.ts';

/** Longest `text` a single chat message may carry; longer records are rejected, not truncated. */
export const MAX_TEXT_CHARS = 10_000;
/** Longest identifier (`id`, `conversationId`, …). */
export const MAX_ID_CHARS = 200;
/** Earliest `sentAt` accepted; anything before is almost always a parsing mistake upstream. */
export const MIN_SENT_AT = Date.UTC(2000, 0, 1);
/** How far in the future `sentAt` may be (clock skew between shops and us). */
export const MAX_FUTURE_SKEW_MS = 24 * 3_600_000;

export const ROLES = ['customer', 'agent', 'system'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const identifier = (what: string) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? `${what} is required` : `${what} must be a string`) })
    .trim()
    .min(1, `${what} must not be empty`)
    .max(MAX_ID_CHARS, `${what} must be at most ${MAX_ID_CHARS} characters`)
    .refine((s) => !CONTROL_CHARS.test(s), `${what} must not contain control characters`);

const optionalLabel = (what: string) => identifier(what).optional();

/**
 * A chat message as shops send it (CONTRACTS.md, `POST /api/messages`).
 * `id` is the idempotency key: the same id posted again is never counted twice.
 */
export const ChatMessage = z.object({
  id: identifier('id'),
  conversationId: identifier('conversationId'),
  sentAt: z
    .string({ error: (iss) => (iss.input === undefined ? 'sentAt is required' : 'sentAt must be a string') })
    .superRefine((value, ctx) => {
      const t = parseIsoWithOffset(value);
      if (t === null) {
        ctx.addIssue({ code: 'custom', message: 'sentAt must be an ISO 8601 date-time with a UTC offset, e.g. 2026-11-11T09:30:00+08:00' });
      } else if (t < MIN_SENT_AT) {
        ctx.addIssue({ code: 'custom', message: 'sentAt is before 2000-01-01' });
      } else if (t > Date.now() + MAX_FUTURE_SKEW_MS) {
        ctx.addIssue({ code: 'custom', message: 'sentAt is more than a day in the future' });
      }
    }),
  role: z.enum(ROLES, { error: () => `role must be one of ${ROLES.join(', ')}` }),
  text: z
    .string({ error: (iss) => (iss.input === undefined ? 'text is required' : 'text must be a string') })
    .max(MAX_TEXT_CHARS, `text must be at most ${MAX_TEXT_CHARS} characters`)
    .refine((s) => !s.includes('\u0000'), 'text must not contain NUL characters'),
  channel: optionalLabel('channel'),
  shop: optionalLabel('shop'),
  orderId: optionalLabel('orderId'),
  sku: optionalLabel('sku'),
  customerId: optionalLabel('customerId'),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

/** Milliseconds since the epoch of a validated message's `sentAt`. */
export function sentAtMs(message: Pick<ChatMessage, 'sentAt'>): number {
  const t = parseIsoWithOffset(message.sentAt);
  if (t === null) throw new Error(`invalid sentAt ${JSON.stringify(message.sentAt)}`);
  return t;
}
