/**
 * `npm run classify`: JSONL `{"id","text"}` on stdin → exactly one JSONL line per input line, in order, on
 * stdout: `{"id","complaint","department","departments","confidence"}` (plus `subTopic`, `evidence` and `contextEvidence`).
 * A bad line gives `{"line":N,"error":"…"}` and the run goes on. Nothing else is written to stdout.
 * An input line may carry `context`: earlier lines of the conversation, `[{"role","text"}]`. Or it may carry
 * `conversationId` (and `role`, default customer): then the earlier input lines of that conversation are its
 * context, as in the pipeline, and only customer lines can be complaints. `conversation_id`, `sessionId` and
 * `session_id` are read as `conversationId`, and `is_agent` (true/false, 1/0) as the role, as chat exports such
 * as JDDC write them.
 */
import { createInterface } from 'node:readline';
import { loadTaxonomy } from '../../schemas/taxonomy.ts';
import { createClassifier } from '../classify/index.ts';
import { ConversationContext } from '../context.ts';
import { NOT_A_COMPLAINT, type ContextLine } from '../classify/types.ts';
import { prepareContextText, prepareLine, type PreparedLine } from '../text/prepare.ts';
import { STAGE_LINES } from '../analyze.ts';

const ROLES = new Set(['customer', 'agent', 'system']);

interface InputLine {
  id: string | number;
  text: string;
  context?: ContextLine[];
  conversationId?: string;
  role: ContextLine['role'];
}

function parseLine(raw: string): InputLine | string {
  if (raw.trim() === '') return 'empty line';
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (e) {
    return `not valid JSON: ${(e as Error).message}`;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'each line must be a JSON object {"id","text"}';
  const v = value as Record<string, unknown>;
  if (typeof v.id !== 'string' && typeof v.id !== 'number') return 'id must be a string or a number';
  if (typeof v.text !== 'string') return 'text must be a string';
  let context: ContextLine[] | undefined;
  if (v.context !== undefined) {
    if (!Array.isArray(v.context)) return 'context must be an array of {"role","text"}';
    context = [];
    for (const c of v.context as unknown[]) {
      const cc = c as Record<string, unknown> | null;
      if (!cc || typeof cc.text !== 'string' || typeof cc.role !== 'string' || !ROLES.has(cc.role)) return 'context entries need role (customer|agent|system) and text';
      context.push({ role: cc.role as ContextLine['role'], text: prepareContextText(cc.text) });
    }
  }
  // Chat exports name the conversation and the speaker their own way: JDDC and many others write session_id and
  // is_agent. Each spelling is read as conversationId and role, so their lines get their conversation too.
  const key = CONVERSATION_KEYS.find((k) => v[k] !== undefined);
  const conversation = key === undefined ? undefined : v[key];
  if (conversation !== undefined && typeof conversation !== 'string' && typeof conversation !== 'number') return `${key} must be a string or a number`;
  if (v.role !== undefined && (typeof v.role !== 'string' || !ROLES.has(v.role))) return 'role must be customer, agent or system';
  if (v.is_agent !== undefined && typeof v.is_agent !== 'boolean' && v.is_agent !== 0 && v.is_agent !== 1) return 'is_agent must be true or false';
  const role = (v.role as ContextLine['role'] | undefined) ?? (v.is_agent === true || v.is_agent === 1 ? 'agent' : 'customer');
  return { id: v.id, text: v.text, context, conversationId: conversation === undefined ? undefined : String(conversation), role };
}

/** The names a line's conversation goes by, in the order they are looked for. */
const CONVERSATION_KEYS = ['conversationId', 'conversation_id', 'sessionId', 'session_id'] as const;

async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write('usage: npm run --silent classify < lines.jsonl\n\nreads {"id","text"} per line; writes {"id","complaint","department","departments","confidence"} per line\n');
    return;
  }
  const classifier = createClassifier(loadTaxonomy(process.env.TAXONOMY_FILE));
  const conversations = new ConversationContext();
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let lineNo = 0;
  let buffer = '';
  const flush = async () => {
    if (buffer.length === 0) return;
    const chunk = buffer;
    buffer = '';
    if (!process.stdout.write(chunk)) await new Promise<void>((r) => process.stdout.once('drain', () => r()));
  };
  // Lines are read STAGE_LINES at a time: prepared (masked, normalized, segmented) together, read ahead by the
  // classifier, then classified in order, as the analyzer does (analyze.ts). Output is written in 64 KB chunks and at the end.
  const pending: { lineNo: number; parsed: InputLine | string }[] = [];
  const run = () => {
    const prepared = pending.map((p) => (typeof p.parsed === 'string' ? undefined : prepareLine(p.parsed.text)));
    classifier.readAhead?.(prepared.filter((line, k): line is PreparedLine => line !== undefined && (pending[k]!.parsed as InputLine).role === 'customer'));
    pending.forEach((p, k) => {
      const out = typeof p.parsed === 'string' ? { line: p.lineNo, error: p.parsed } : judged(p.lineNo, p.parsed, prepared[k]!);
      buffer += `${JSON.stringify(out)}\n`;
    });
    pending.length = 0;
  };
  const judged = (n: number, parsed: InputLine, line: PreparedLine) => {
    const key = String(parsed.id);
    const context = parsed.context ?? (parsed.conversationId !== undefined ? conversations.before(parsed.conversationId, n, key) : undefined);
    const c = parsed.role === 'customer' && line.text.length > 0 ? classifier.classify({ text: line.text, tokens: line.tokens, context }) : NOT_A_COMPLAINT;
    if (parsed.conversationId !== undefined) conversations.remember(parsed.conversationId, { role: parsed.role, text: line.text, at: n, id: key });
    return {
      id: parsed.id,
      complaint: c.complaint,
      department: c.department,
      departments: c.departments,
      confidence: c.confidence,
      subTopic: c.subTopic,
      evidence: c.evidence,
      contextEvidence: c.contextEvidence,
    };
  };
  for await (const raw of rl) {
    lineNo++;
    // A file saved by Excel or Notepad starts with a byte-order mark; it is not part of the first line's JSON.
    pending.push({ lineNo, parsed: parseLine(lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw) });
    if (pending.length < STAGE_LINES) continue;
    run();
    if (buffer.length > 64 * 1024) await flush();
  }
  run();
  await flush();
}

main().catch((e) => {
  process.stderr.write(`classify: ${(e as Error).message}\n`);
  process.exit(1);
});
