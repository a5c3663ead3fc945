import type { Role } from '../schemas/chat-message.ts';
import type { ContextLine } from './classify/types.ts';

interface Remembered extends ContextLine {
  at: number;
  id: string;
}

/**
 * Lines per conversation, so a short line (还没到呢, 怎么回事, 再不处理我就差评了) is read with what came before
 * it: the most recent lines, and the customer's opening lines, which usually say what the conversation is
 * about. Bounded LRU: conversations are short-lived, and the bus keys records by conversation, so one analyzer
 * sees a whole conversation. Lines are kept in sentAt order; a line only sees lines sent before it.
 */
export class ConversationContext {
  readonly #conversations = new Map<string, Remembered[]>();

  constructor(
    readonly maxConversations = 50_000,
    readonly linesPerConversation = 6,
    readonly openingCustomerLines = 2,
  ) {}

  /** Earlier lines of the conversation than `at`, oldest first. */
  before(conversationId: string, at: number, id: string): ContextLine[] {
    const lines = this.#conversations.get(conversationId);
    if (!lines) return [];
    const out: ContextLine[] = [];
    for (const l of lines) if (l.at < at || (l.at === at && l.id < id)) out.push({ role: l.role, text: l.text });
    return out;
  }

  remember(conversationId: string, line: { role: Role; text: string; at: number; id: string }): void {
    let lines = this.#conversations.get(conversationId);
    if (lines) {
      this.#conversations.delete(conversationId); // re-insert: most recently used last
    } else {
      lines = [];
      if (this.#conversations.size >= this.maxConversations) {
        const oldest = this.#conversations.keys().next().value;
        if (oldest !== undefined) this.#conversations.delete(oldest);
      }
    }
    if (!lines.some((l) => l.id === line.id)) {
      lines.push({ role: line.role, text: line.text, at: line.at, id: line.id });
      lines.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
      if (lines.length > this.linesPerConversation + this.openingCustomerLines) this.#trim(lines);
    }
    this.#conversations.set(conversationId, lines);
  }

  /** Keeps the customer's first lines and the most recent ones. */
  #trim(lines: Remembered[]): void {
    const opening = lines.filter((l) => l.role === 'customer').slice(0, this.openingCustomerLines);
    const recent = lines.slice(-this.linesPerConversation);
    const keep = new Set([...opening, ...recent]);
    for (let i = lines.length - 1; i >= 0; i--) if (!keep.has(lines[i]!)) lines.splice(i, 1);
  }

  get size(): number {
    return this.#conversations.size;
  }
}
