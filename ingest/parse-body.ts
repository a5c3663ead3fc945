import { ChatMessage } from '../schemas/chat-message.ts';
import { describeIssues } from '../schemas/validation.ts';

export interface Rejection {
  /** 0-based position of the record in the body (NDJSON: among non-blank lines). */
  index: number;
  /** 1-based line number (NDJSON only). */
  line?: number;
  error: string;
}

export interface ParsedBody {
  accepted: ChatMessage[];
  rejected: Rejection[];
}

/** The whole body is unusable: answer 400 (or 413) with this message, accept nothing. */
export class BodyError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 413 | 415 = 400,
  ) {
    super(message);
    this.name = 'BodyError';
  }
}

export const MAX_RECORDS_PER_REQUEST = 50_000;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export type BodyFormat = 'json' | 'ndjson';

/** Which format a body is in: by Content-Type, else by its first non-blank character. */
export function bodyFormat(contentType: string | undefined, text: string): BodyFormat {
  const ct = (contentType ?? '').toLowerCase();
  if (/ndjson|jsonl|json-seq|jsonlines/.test(ct)) return 'ndjson';
  if (ct.includes('json')) return 'json';
  if (ct && !ct.startsWith('text/plain') && !ct.startsWith('application/octet-stream')) {
    throw new BodyError(`unsupported Content-Type ${contentType}: send application/json (an array) or application/x-ndjson`, 415);
  }
  return /^\s*\[/.test(text) ? 'json' : 'ndjson';
}

export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new BodyError('body is not valid UTF-8');
  }
}

function validate(value: unknown, index: number, out: ParsedBody, line?: number): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    out.rejected.push({ index, ...(line ? { line } : {}), error: 'a record must be a JSON object' });
    return;
  }
  const r = ChatMessage.safeParse(value);
  if (r.success) out.accepted.push(r.data);
  else out.rejected.push({ index, ...(line ? { line } : {}), error: describeIssues(r.error) });
}

/**
 * Parses a POST /api/messages body. A JSON body must be an array (a single object is taken as one record);
 * NDJSON is one record per line, blank lines skipped. Invalid records are listed with their index and
 * reason; valid ones are accepted. Unreadable bodies throw BodyError.
 */
export function parseMessagesBody(text: string, format: BodyFormat): ParsedBody {
  const out: ParsedBody = { accepted: [], rejected: [] };
  if (text.trim().length === 0) throw new BodyError('empty body: send a JSON array or NDJSON of chat messages');
  if (format === 'json') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new BodyError(`body is not valid JSON: ${(e as Error).message}`);
    }
    const records = Array.isArray(value) ? value : [value];
    if (records.length > MAX_RECORDS_PER_REQUEST) throw new BodyError(`too many records (${records.length}); at most ${MAX_RECORDS_PER_REQUEST} per request`, 413);
    records.forEach((r, i) => validate(r, i, out));
    return out;
  }
  let index = 0;
  let lineNo = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    lineNo++;
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (line.length === 0) continue;
    if (index >= MAX_RECORDS_PER_REQUEST) throw new BodyError(`too many records; at most ${MAX_RECORDS_PER_REQUEST} per request`, 413);
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      out.rejected.push({ index, line: lineNo, error: `not valid JSON: ${(e as Error).message}` });
      index++;
      continue;
    }
    validate(value, index, out, lineNo);
    index++;
  }
  if (index === 0) throw new BodyError('empty body: send a JSON array or NDJSON of chat messages');
  return out;
}
