/**
 * `npm run import -- FILE...`: imports chat logs (.jsonl/.ndjson/.json/.csv, optionally .gz) through the same
 * pipeline as the HTTP ingest. Bad rows are reported with their line numbers and never stop the rest;
 * message ids make it idempotent (importing a file twice counts nothing twice).
 */
import { createWriteStream, existsSync, type WriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { readAnalyzerEnv } from '../../analyzer/env.ts';
import { startPipeline, type Pipeline } from '../../analyzer/runtime.ts';
import type { ChatMessage } from '../../schemas/chat-message.ts';
import { StoreLockedError } from '../../schemas/clickhouse/store.ts';
import { EnvError } from '../../schemas/env.ts';
import { createLogger } from '../../schemas/log.ts';
import { ProgressBar } from '../import/progress.ts';
import { CsvHeaderError, formatOf, readRecords } from '../import/read-records.ts';
import { busSink, httpSink, type Sink } from '../import/sinks.ts';

const USAGE = `usage: npm run import -- [options] FILE...

Imports chat messages from .jsonl / .ndjson / .json / .csv files (optionally gzipped) into the configured
store (DATA_DIR, or CLICKHOUSE_URL), through the analyzer. Each record needs id, conversationId, sentAt,
role and text; CSV files need a header row naming those columns.

options:
  --url URL       send to a running fankui server (its POST /api/messages) instead of opening the store;
                  needed while \`npm start\` holds the embedded data directory
  --token TOKEN   bearer token for --url (default: INGEST_TOKEN)
  --batch N       records per request/publish (default 5000)
  --errors FILE   write every rejected row as JSON lines {"file","line","error"}
  --strict        exit with status 1 if any row was rejected
  --json          print the summary as one JSON object
  -h, --help      this help`;

const SHOWN_ERRORS_PER_FILE = 20;

interface FileSummary {
  file: string;
  rows: number;
  accepted: number;
  rejected: number;
}

function fail(message: string, code = 2): never {
  process.stderr.write(`import: ${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        token: { type: 'string' },
        batch: { type: 'string' },
        errors: { type: 'string' },
        strict: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    fail(`${(e as Error).message}\n\n${USAGE}`);
  }
  if (args.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const files = args.positionals;
  if (files.length === 0) fail(`no files given\n\n${USAGE}`);
  for (const f of files) {
    if (!existsSync(f)) fail(`${f}: no such file`);
    if (!formatOf(f)) fail(`${f}: unknown file type; use .jsonl, .ndjson, .json or .csv (optionally .gz)`);
  }
  const batch = args.values.batch ? Number(args.values.batch) : 5000;
  if (!Number.isInteger(batch) || batch < 1 || batch > 50_000) fail('--batch must be a whole number from 1 to 50000');

  let env;
  try {
    env = readAnalyzerEnv();
  } catch (e) {
    if (e instanceof EnvError) fail(e.message);
    throw e;
  }
  const log = createLogger(env.LOG_LEVEL === 'info' ? 'warn' : env.LOG_LEVEL);

  let sink: Sink;
  let pipeline: Pipeline | undefined;
  if (args.values.url) {
    sink = httpSink(args.values.url, { token: args.values.token ?? process.env.INGEST_TOKEN });
  } else {
    try {
      pipeline = await startPipeline(env, log);
    } catch (e) {
      if (e instanceof StoreLockedError) {
        fail(`${e.message}\nWhile \`npm start\` runs, import through it: npm run import -- --url http://localhost:${process.env.PORT ?? 8080} ${files.join(' ')}`);
      }
      throw e;
    }
    const p = pipeline;
    sink = busSink(p.bus, () => p.close());
  }

  let stopping = false;
  process.on('SIGINT', () => {
    if (stopping) process.exit(130);
    stopping = true;
    process.stderr.write('\nimport: stopping after the records in flight (Ctrl-C again to quit at once)\n');
  });

  const errorsOut: WriteStream | undefined = args.values.errors ? createWriteStream(args.values.errors) : undefined;
  const bar = new ProgressBar();
  const summaries: FileSummary[] = [];
  const started = performance.now();
  let totalRows = 0;

  for (const [fileIndex, file] of files.entries()) {
    const s: FileSummary = { file, rows: 0, accepted: 0, rejected: 0 };
    summaries.push(s);
    let shown = 0;
    const reject = (line: number, error: string) => {
      s.rejected++;
      errorsOut?.write(`${JSON.stringify({ file, line, error })}\n`);
      if (shown < SHOWN_ERRORS_PER_FILE) {
        bar.done();
        process.stderr.write(`${file}:${line}: ${error}\n`);
      } else if (shown === SHOWN_ERRORS_PER_FILE) {
        bar.done();
        process.stderr.write(`${file}: more rejected rows not shown${errorsOut ? ` (all in ${args.values.errors})` : '; --errors FILE lists them all'}\n`);
      }
      shown++;
    };

    let chunk: ChatMessage[] = [];
    let lines: number[] = [];
    const inFlight: Promise<void>[] = [];
    let fraction = 0;
    const label = () => {
      const secs = (performance.now() - started) / 1000;
      const rate = secs > 0 ? Math.round((totalRows + s.rows) / secs) : 0;
      return `${files.length > 1 ? `[${fileIndex + 1}/${files.length}] ` : ''}${file}  ${s.rows.toLocaleString('en')} rows  ${rate.toLocaleString('en')}/s  accepted ${s.accepted.toLocaleString('en')}  rejected ${s.rejected.toLocaleString('en')}`;
    };
    const send = async () => {
      if (chunk.length === 0) return;
      const messages = chunk;
      const at = lines;
      chunk = [];
      lines = [];
      inFlight.push(
        sink.send(messages).then((r) => {
          s.accepted += r.accepted;
          for (const x of r.rejected) reject(at[x.index] ?? 0, x.error);
          bar.update(fraction, label());
        }),
      );
      if (inFlight.length >= 2) await inFlight.shift();
    };

    try {
      for await (const row of readRecords(file, {
        onBytes: (p) => {
          fraction = p.total > 0 ? p.bytes / p.total : 1;
        },
        onWarning: (w) => process.stderr.write(`${file}: ${w}\n`),
      })) {
        s.rows++;
        if ('error' in row) reject(row.line, row.error);
        else {
          chunk.push(row.message);
          lines.push(row.line);
          if (chunk.length >= batch) await send();
        }
        if ((s.rows & 1023) === 0) bar.update(fraction, label());
        if (stopping) break;
      }
      await send();
      await Promise.all(inFlight);
    } catch (e) {
      bar.done();
      await Promise.allSettled(inFlight);
      if (e instanceof CsvHeaderError) {
        process.stderr.write(`${file}: ${e.message}; file skipped\n`);
        continue;
      }
      process.stderr.write(`${file}: import stopped: ${(e as Error).message}\n`);
      await sink.close().catch(() => undefined);
      process.exit(1);
    }
    bar.update(1, label(), true);
    bar.done();
    totalRows += s.rows;
    if (stopping) break;
  }

  await sink.close();
  await new Promise<void>((r) => (errorsOut ? errorsOut.end(r) : r()));
  const seconds = (performance.now() - started) / 1000;
  const total = summaries.reduce((a, s) => ({ rows: a.rows + s.rows, accepted: a.accepted + s.accepted, rejected: a.rejected + s.rejected }), { rows: 0, accepted: 0, rejected: 0 });
  const counters = pipeline?.analyzer.counters;
  const result = {
    files: summaries,
    ...total,
    ...(counters ? { new: counters.inserted, alreadyStored: counters.duplicates } : {}),
    seconds: Math.round(seconds * 10) / 10,
    into: sink.name,
    stopped: stopping,
  };
  if (args.values.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    for (const s of summaries) process.stdout.write(`${s.file}: ${s.rows} rows, ${s.accepted} accepted, ${s.rejected} rejected\n`);
    const extra = counters ? ` (${counters.inserted} new, ${counters.duplicates} already stored)` : '';
    process.stdout.write(
      `imported ${total.accepted} of ${total.rows} rows into ${sink.name}${extra} in ${result.seconds}s; ${total.rejected} rejected${stopping ? '; stopped early' : ''}\n`,
    );
  }
  if (args.values.strict && total.rejected > 0) process.exitCode = 1;
}

main().catch((e) => {
  process.stderr.write(`import: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
