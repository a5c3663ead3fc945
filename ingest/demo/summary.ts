import type { ChatMessage } from '../../schemas/chat-message.ts';
import type { DemoTruth } from './conversation.ts';

/**
 * Running totals over a demo stream, for the CLI's summary and the tests: messages, conversations, date range,
 * complaint lines by department, traditional-script share, and daily counts.
 */

/** Characters that exist only in traditional script and are common in chat; enough to tell a line's script. */
const TRAD_ONLY = new Set(
  '們這還麼個說時嗎買發貨為會對裡後過點幫寄沒電話號碼單價錢給讓請問謝東質產處換運費週際與從開關幾樣壞當難覺態應該實際顏愛聽網頁寫舊換錯資訊輕鬆較緊張塊鏈條線係嘅咗啲噉冇喺攞睇'.split(''),
);

export function looksTraditional(text: string): boolean {
  for (const ch of text) if (TRAD_ONLY.has(ch)) return true;
  return false;
}

export interface DemoSummary {
  messages: number;
  conversations: number;
  customerLines: number;
  complaintLines: number;
  first: string | null;
  last: string | null;
  byDepartment: Record<string, number>;
  byTheme: Record<string, number>;
  traditionalConversations: number;
  /** Business date (sentAt's own date) → messages, complaint lines per department. */
  daily: Map<string, { messages: number; complaints: Record<string, number>; themes: Record<string, number> }>;
}

export class SummaryBuilder {
  readonly s: DemoSummary = {
    messages: 0,
    conversations: 0,
    customerLines: 0,
    complaintLines: 0,
    first: null,
    last: null,
    byDepartment: {},
    byTheme: {},
    traditionalConversations: 0,
    daily: new Map(),
  };
  readonly #convs = new Map<string, boolean>();

  add(message: ChatMessage, truth: DemoTruth | null): void {
    const s = this.s;
    s.messages++;
    s.first ??= message.sentAt;
    s.last = message.sentAt;
    const day = message.sentAt.slice(0, 10);
    let d = s.daily.get(day);
    if (!d) s.daily.set(day, (d = { messages: 0, complaints: {}, themes: {} }));
    d.messages++;
    if (!this.#convs.has(message.conversationId)) {
      this.#convs.set(message.conversationId, false);
      s.conversations++;
    }
    if (message.role !== 'customer') return;
    s.customerLines++;
    if (!this.#convs.get(message.conversationId) && looksTraditional(message.text)) {
      this.#convs.set(message.conversationId, true);
      s.traditionalConversations++;
    }
    if (truth?.complaint && truth.department) {
      s.complaintLines++;
      s.byDepartment[truth.department] = (s.byDepartment[truth.department] ?? 0) + 1;
      d.complaints[truth.department] = (d.complaints[truth.department] ?? 0) + 1;
      if (truth.theme) {
        s.byTheme[truth.theme] = (s.byTheme[truth.theme] ?? 0) + 1;
        d.themes[truth.theme] = (d.themes[truth.theme] ?? 0) + 1;
      }
    }
  }

  /** Human-readable lines for stderr. */
  format(ms?: number): string {
    const s = this.s;
    const pct = (a: number, b: number) => (b === 0 ? '0.0' : ((100 * a) / b).toFixed(1));
    const lines = [
      `messages       ${s.messages}`,
      `conversations  ${s.conversations}`,
      `range          ${s.first ?? '-'} … ${s.last ?? '-'} (${s.daily.size} days)`,
      `customer lines ${s.customerLines}, complaints ${s.complaintLines} (${pct(s.complaintLines, s.customerLines)} %)`,
      `by department  ${Object.entries(s.byDepartment)
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
      `themes         ${Object.entries(s.byTheme)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') || '-'}`,
      `traditional    ${s.traditionalConversations} conversations (${pct(s.traditionalConversations, s.conversations)} %)`,
    ];
    if (ms !== undefined) lines.push(`time           ${(ms / 1000).toFixed(2)} s`);
    return lines.join('\n');
  }
}
