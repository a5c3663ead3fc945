import type { AnalyzedMessage } from '../schemas/analyzed-message.ts';
import type { BusinessCalendar } from '../schemas/business-time.ts';
import { sentAtMs, type ChatMessage } from '../schemas/chat-message.ts';
import { dlq, ok, type StepResult } from '../schemas/results.ts';
import { NOT_A_COMPLAINT, type Classifier } from './classify/types.ts';
import type { ConversationContext } from './context.ts';
import { prepareLine } from './text/prepare.ts';
import { keyTerms } from './text/segment.ts';

export interface AnalyzeDeps {
  classifier: Classifier;
  calendar: BusinessCalendar;
  context?: ConversationContext;
  /** Injectable clock (tests). */
  now?: () => number;
}

/**
 * One chat message → its stored form: personal data masked first (nothing unmasked goes further), then
 * normalized (NFKC, simplified script), segmented and classified. Only customer lines can be complaints.
 */
export function analyzeMessage(message: ChatMessage, receivedAt: number, deps: AnalyzeDeps): StepResult<AnalyzedMessage> {
  try {
    const at = sentAtMs(message);
    const { masked, text, script, tokens } = prepareLine(message.text);
    let label = NOT_A_COMPLAINT;
    if (message.role === 'customer' && text.length > 0) {
      const context = deps.context?.before(message.conversationId, at, message.id);
      label = deps.classifier.classify({ text, tokens, context });
    }
    deps.context?.remember(message.conversationId, { role: message.role, text, at, id: message.id });
    const now = deps.now?.() ?? Date.now();
    // Built field by field: spreading the message and adding this many fields costs V8 ~30 µs a message.
    return ok({
      id: message.id,
      conversationId: message.conversationId,
      sentAt: message.sentAt,
      role: message.role,
      channel: message.channel,
      shop: message.shop,
      orderId: message.orderId,
      sku: message.sku,
      customerId: message.customerId,
      sentAtMs: at,
      day: deps.calendar.dayOf(at),
      text: masked.text,
      normalizedText: text,
      script,
      orderIds: masked.orderIds,
      pii: masked.pii,
      keyTerms: keyTerms(tokens),
      label,
      modelLabel: label,
      labelSource: 'model',
      classifierVersion: deps.classifier.version,
      taxonomyVersion: deps.classifier.taxonomyVersion,
      analyzedAt: now,
      receivedAt,
    });
  } catch (error) {
    return dlq(`analysis failed: ${(error as Error).message}`, error);
  }
}
