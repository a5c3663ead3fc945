import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../schemas/business-time.ts';
import type { ChatMessage } from '../schemas/chat-message.ts';
import { analyzeMessages, STAGE_LINES, type Received } from './analyze.ts';
import { NOT_A_COMPLAINT, type Classifier, type ClassifierInput } from './classify/types.ts';
import { ConversationContext } from './context.ts';

/** Judges a line a complaint when its conversation so far mentions 坏, and records every call it gets. */
class RecordingClassifier implements Classifier {
  readonly version = 'recording';
  readonly taxonomyVersion = 'test';
  readonly calls: ClassifierInput[] = [];
  /** What was read ahead and classified, in order: `ahead <texts>` and `classify <text>`. */
  readonly events: string[] = [];
  readAhead(lines: readonly Pick<ClassifierInput, 'text' | 'tokens'>[]) {
    this.events.push(`ahead ${lines.map((l) => l.text).join('|')}`);
  }
  classify(input: ClassifierInput) {
    this.calls.push(input);
    this.events.push(`classify ${input.text}`);
    const broken = [...(input.context ?? []).map((c) => c.text), input.text].some((t) => t.includes('坏'));
    return broken ? { ...NOT_A_COMPLAINT, complaint: true, department: 'product', departments: ['product'], confidence: 0.9 } : NOT_A_COMPLAINT;
  }
}

const calendar = new BusinessCalendar('Asia/Shanghai');
const T0 = Date.parse('2026-11-01T10:00:00+08:00');

/** More messages than two stages hold; the conversations run over the stages' boundaries. */
function messages(): Received[] {
  const out: Received[] = [];
  const n = 2 * STAGE_LINES + 37;
  for (let i = 0; i < n; i++) {
    const conversation = i % 7;
    const text = i % 29 === 3 ? `東西壞了 訂單${100000 + i}` : i % 5 === 0 ? '好的 谢谢' : `第${i}句 什么时候发货`;
    const message: ChatMessage = {
      id: `m${i}`,
      conversationId: `c${conversation}`,
      sentAt: new Date(T0 + i * 1000).toISOString(),
      role: i % 3 === 2 ? 'agent' : 'customer',
      text,
    };
    out.push({ message, receivedAt: T0 + i * 1000 + 5 });
  }
  return out;
}

const analyzeOne = (items: readonly Received[]) => {
  const classifier = new RecordingClassifier();
  const deps = { classifier, calendar, context: new ConversationContext(), now: () => 0 };
  const results = items.flatMap((item) => analyzeMessages([item], deps));
  return { results, calls: classifier.calls };
};

describe('analyzeMessages', () => {
  it('gives each message, staged, the result and the classifier call it gets when analyzed alone, in order and with the context before it', () => {
    const items = messages();
    const classifier = new RecordingClassifier();
    const staged = analyzeMessages(items, { classifier, calendar, context: new ConversationContext(), now: () => 0 });
    const alone = analyzeOne(items);
    expect(staged).toEqual(alone.results);
    expect(classifier.calls).toEqual(alone.calls);
    // The check has something to compare: customer lines only, context carried over stage boundaries, and a
    // complaint read from a conversation's earlier line (traditional script and order number normalized first).
    expect(classifier.calls.length).toBe(items.filter((i) => i.message.role === 'customer').length);
    const second = items.findIndex((item, k) => k >= STAGE_LINES && item.message.role === 'customer' && item.message.text.startsWith('第'));
    const afterBoundary = classifier.calls.find((c) => c.text.startsWith(`第${second}句`));
    expect(afterBoundary?.context?.some((c) => Number(/^第(\d+)句/.exec(c.text)?.[1]) < STAGE_LINES)).toBe(true);
    const labels = staged.map((r) => (r.kind === 'ok' ? r.value.label.complaint : undefined));
    expect(labels.filter(Boolean).length).toBeGreaterThan(labels.filter((l, k) => l && items[k]!.message.text.startsWith('東西')).length);
    const first = staged.find((r) => r.kind === 'ok' && r.value.text.startsWith('東西'));
    expect(first?.kind === 'ok' && first.value.normalizedText).toMatch(/^东西坏了 订单/);
  });

  it('lets the classifier read ahead each stage\'s customer lines before it classifies them', () => {
    const items = messages();
    const classifier = new RecordingClassifier();
    const results = analyzeMessages(items, { classifier, calendar, context: new ConversationContext(), now: () => 0 });
    const expected: string[] = [];
    for (let from = 0; from < items.length; from += STAGE_LINES) {
      const stage = results.slice(from, from + STAGE_LINES).flatMap((r) => (r.kind === 'ok' && r.value.role === 'customer' ? [r.value.normalizedText] : []));
      expected.push(`ahead ${stage.join('|')}`, ...stage.map((t) => `classify ${t}`));
    }
    expect(classifier.events).toEqual(expected);
    expect(expected.filter((e) => e.startsWith('ahead')).length).toBe(3);
  });

  it('files a message whose text cannot be prepared as a dead letter, and goes on with the others', () => {
    const items = messages().slice(0, 5);
    items[2] = { ...items[2]!, message: { ...items[2]!.message, text: undefined as unknown as string } };
    const results = analyzeMessages(items, { classifier: new RecordingClassifier(), calendar, context: new ConversationContext() });
    expect(results.map((r) => r.kind)).toEqual(['ok', 'ok', 'dlq', 'ok', 'ok']);
    expect(results[2]!.kind === 'dlq' && results[2]!.reason).toMatch(/^analysis failed: /);
    expect(results.map((r) => (r.kind === 'ok' ? r.value.id : null))).toEqual(['m0', 'm1', null, 'm3', 'm4']);
  });
});
