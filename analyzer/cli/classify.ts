/**
 * `npm run classify`: JSONL `{"id","text"}` on stdin → exactly one JSONL line per input line, in order, on
 * stdout: `{"id","complaint","department","departments","confidence"}` (plus `subTopic` and `evidence`).
 * A bad line gives `{"line":N,"error":"…"}` and the run goes on. Nothing else is written to stdout.
 * An input line may carry `context`: earlier lines of the conversation, `[{"role","text"}]`.
 */
import { createInterface } from 'node:readline';
import { loadTaxonomy } from '../../schemas/taxonomy.ts';
import { createClassifier } from '../classify/index.ts';
import type { ContextLine } from '../classify/types.ts';
import { prepareContextText, prepareLine } from '../text/prepare.ts';

const ROLES = new Set(['customer', 'agent', 'system']);

function parseLine(raw: string): { id: string | number; text: string; context?: ContextLine[] } | string {
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
  return { id: v.id, text: v.text, context };
}

async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write('usage: npm run --silent classify < lines.jsonl\n\nreads {"id","text"} per line; writes {"id","complaint","department","departments","confidence"} per line\n');
    return;
  }
  const classifier = createClassifier(loadTaxonomy(process.env.TAXONOMY_FILE));
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let lineNo = 0;
  let buffer = '';
  const flush = async () => {
    if (buffer.length === 0) return;
    const chunk = buffer;
    buffer = '';
    if (!process.stdout.write(chunk)) await new Promise<void>((r) => process.stdout.once('drain', () => r()));
  };
  for await (const raw of rl) {
    lineNo++;
    const parsed = parseLine(raw);
    if (typeof parsed === 'string') {
      buffer += `${JSON.stringify({ line: lineNo, error: parsed })}\n`;
    } else {
      const line = prepareLine(parsed.text);
      const c = classifier.classify({ text: line.text, tokens: line.tokens, context: parsed.context });
      buffer += `${JSON.stringify({
        id: parsed.id,
        complaint: c.complaint,
        department: c.department,
        departments: c.departments,
        confidence: c.confidence,
        subTopic: c.subTopic,
        evidence: c.evidence,
      })}\n`;
    }
    if (buffer.length > 64 * 1024) await flush();
  }
  await flush();
}

main().catch((e) => {
  process.stderr.write(`classify: ${(e as Error).message}\n`);
  process.exit(1);
});
