import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { ChatMessage } from '../../schemas/chat-message.ts';
import { describeIssues } from '../../schemas/validation.ts';
import { CsvParser } from './csv.ts';

export type ImportRow = { line: number; message: ChatMessage } | { line: number; error: string };

export type FileFormat = 'jsonl' | 'json' | 'csv';

/** By extension (`.jsonl`, `.ndjson`, `.json`, `.csv`, each optionally `.gz`). */
export function formatOf(file: string): FileFormat | null {
  const name = file.toLowerCase().replace(/\.gz$/, '');
  const ext = extname(name);
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.json') return 'json';
  if (ext === '.csv') return 'csv';
  return null;
}

export interface ReadProgress {
  /** Bytes of the file read so far (compressed bytes for .gz). */
  bytes: number;
  total: number;
}

function open(file: string, onBytes: (n: number) => void): Readable {
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  raw.on('data', (chunk) => onBytes(chunk.length));
  return file.toLowerCase().endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
}

const fatal = new TextDecoder('utf-8', { fatal: true });

function validate(value: unknown, line: number): ImportRow {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { line, error: 'a record must be a JSON object' };
  const r = ChatMessage.safeParse(value);
  return r.success ? { line, message: r.data } : { line, error: describeIssues(r.error) };
}

async function* jsonLines(stream: Readable): AsyncGenerator<ImportRow> {
  let rest: Buffer = Buffer.alloc(0);
  let line = 0;
  const parseLine = (bytes: Buffer): ImportRow | null => {
    line++;
    let text: string;
    try {
      text = fatal.decode(bytes);
    } catch {
      return { line, error: 'line is not valid UTF-8' };
    }
    text = text.trim();
    if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.length === 0) return null;
    try {
      return validate(JSON.parse(text), line);
    } catch (e) {
      return { line, error: `not valid JSON: ${(e as Error).message}` };
    }
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let buf = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let nl = buf.indexOf(0x0a, start); nl !== -1; nl = buf.indexOf(0x0a, start)) {
      const row = parseLine(buf.subarray(start, nl));
      if (row) yield row;
      start = nl + 1;
    }
    rest = Buffer.from(buf.subarray(start));
    buf = rest;
  }
  if (rest.length > 0) {
    const row = parseLine(rest);
    if (row) yield row;
  }
}

async function* jsonArray(stream: Readable): AsyncGenerator<ImportRow> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  let value: unknown;
  try {
    value = JSON.parse(fatal.decode(Buffer.concat(chunks)));
  } catch (e) {
    yield { line: 1, error: `file is not valid JSON: ${(e as Error).message}` };
    return;
  }
  const records = Array.isArray(value) ? value : [value];
  // A JSON array has no useful line numbers: rows are named by their 1-based position instead.
  for (let i = 0; i < records.length; i++) yield validate(records[i], i + 1);
}

/** CSV header names (lower-cased, without `_`/`-`/spaces) → ChatMessage fields. */
const CSV_COLUMNS: Record<string, keyof ChatMessage> = {
  id: 'id',
  messageid: 'id',
  conversationid: 'conversationId',
  conversation: 'conversationId',
  sessionid: 'conversationId',
  sentat: 'sentAt',
  time: 'sentAt',
  timestamp: 'sentAt',
  createdat: 'sentAt',
  role: 'role',
  sender: 'role',
  text: 'text',
  content: 'text',
  message: 'text',
  channel: 'channel',
  shop: 'shop',
  orderid: 'orderId',
  order: 'orderId',
  sku: 'sku',
  customerid: 'customerId',
  customer: 'customerId',
};

export class CsvHeaderError extends Error {}

async function* csvRows(stream: Readable, onWarning: (w: string) => void): AsyncGenerator<ImportRow> {
  const parser = new CsvParser();
  const decoder = new TextDecoder('utf-8');
  let columns: (keyof ChatMessage | null)[] | undefined;
  const toRow = (fields: string[], line: number): ImportRow | null => {
    if (!columns) {
      columns = fields.map((h) => CSV_COLUMNS[h.trim().toLowerCase().replace(/[\s_-]/g, '')] ?? null);
      const missing = (['id', 'conversationId', 'sentAt', 'role', 'text'] as const).filter((f) => !columns!.includes(f));
      if (missing.length > 0) throw new CsvHeaderError(`the header row has no column for ${missing.join(', ')} (found: ${fields.join(', ')})`);
      const unknown = fields.filter((_, i) => columns![i] === null);
      if (unknown.length > 0) onWarning(`ignoring CSV columns: ${unknown.join(', ')}`);
      return null;
    }
    if (fields.length === 1 && fields[0] === '') return null;
    if (fields.length !== columns.length) return { line, error: `expected ${columns.length} fields, found ${fields.length}` };
    const record: Record<string, string> = {};
    for (let i = 0; i < fields.length; i++) {
      const key = columns[i];
      const value = fields[i]!;
      if (key && value !== '') record[key] = value;
    }
    if (Object.values(record).some((v) => v.includes('\ufffd'))) return { line, error: 'row is not valid UTF-8' };
    return validate(record, line);
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    for (const r of parser.push(decoder.decode(chunk, { stream: true }))) {
      const row = toRow(r.fields, r.line);
      if (row) yield row;
    }
  }
  let tail;
  try {
    tail = [...parser.push(decoder.decode()), ...parser.end()];
  } catch (e) {
    yield { line: 0, error: (e as Error).message };
    return;
  }
  for (const r of tail) {
    const row = toRow(r.fields, r.line);
    if (row) yield row;
  }
}

/**
 * The rows of an import file, validated: each a message or an error with its line number. Streams, so a
 * file of any size is read in constant memory (a `.json` array is the exception: it is parsed whole).
 */
export async function* readRecords(
  file: string,
  options: { onBytes?: (p: ReadProgress) => void; onWarning?: (w: string) => void } = {},
): AsyncGenerator<ImportRow> {
  const format = formatOf(file);
  if (!format) throw new Error(`${file}: unknown file type; use .jsonl, .ndjson, .json or .csv (optionally .gz)`);
  const total = (await stat(file)).size;
  let bytes = 0;
  const stream = open(file, (n) => {
    bytes += n;
    options.onBytes?.({ bytes, total });
  });
  if (format === 'jsonl') yield* jsonLines(stream);
  else if (format === 'json') yield* jsonArray(stream);
  else yield* csvRows(stream, options.onWarning ?? (() => undefined));
}
