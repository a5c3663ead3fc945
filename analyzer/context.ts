import type { Role } from '../schemas/chat-message.ts';
import type { ContextLine } from './classify/types.ts';

interface Remembered extends ContextLine {
  at: number;
  id: string;
}

/**
 * Recent lines per conversation, so a short line (还没到呢, 怎么回事) is read with what came before it.
 * Bounded LRU: conversations are short-lived, and the bus keys records by conversation, so one analyzer
 * sees a whole conversation. Lines are kept in sentAt order; a line only sees lines sent before it.
 */
export class ConversationContext {
  readonly #conversations = new Map<string, Remembered[]>();

  constructor(
    readonly maxConversations = 50_000,
    readonly linesPerConversation = 6,
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
      if (lines.length > this.linesPerConversation) lines.splice(0, lines.length - this.linesPerConversation);
    }
    this.#conversations.set(conversationId, lines);
  }

  get size(): number {
    return this.#conversations.size;
  }
}
