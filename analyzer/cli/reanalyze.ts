/**
 * `npm run reanalyze -- --from YYYY-MM-DD --to YYYY-MM-DD [--force]`: re-tags the messages of a date range
 * (business days, FANKUI_TZ) with the current classifier and taxonomy; the rollups follow. Corrections stay.
 * While `npm start` holds the embedded store, run it through the server: `--url http://localhost:8080`.
 */
import { parseArgs } from 'node:util';
import { ProgressBar } from '../../ingest/import/progress.ts';
import { StoreLockedError } from '../../schemas/clickhouse/store.ts';
import { isCalendarDate } from '../../schemas/iso-time.ts';
import { createLogger } from '../../schemas/log.ts';
import { readAnalyzerEnv } from '../env.ts';
import { reanalyze } from '../reanalyze.ts';
import { startPipeline } from '../runtime.ts';

const USAGE = `usage: npm run reanalyze -- --from YYYY-MM-DD --to YYYY-MM-DD [--force] [--url URL]

  --from, --to   business days to re-tag (inclusive)
  --force        also re-tag rows already tagged by the current classifier version
  --url URL      ask a running fankui server to do it (needed while it holds the embedded store)`;

function fail(message: string): never {
  process.stderr.write(`reanalyze: ${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      force: { type: 'boolean', default: false },
      url: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const { from, to } = values;
  if (!from || !to || !isCalendarDate(from) || !isCalendarDate(to)) fail(`--from and --to must be dates YYYY-MM-DD\n\n${USAGE}`);
  if (from > to) fail(`--from ${from} is after --to ${to}`);

  if (values.url) {
    const r = await fetch(`${values.url.replace(/\/+$/, '')}/api/reanalyze`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from, to, force: values.force }),
    });
    const body = await r.json();
    if (!r.ok) fail(`${values.url} answered ${r.status}: ${(body as { error?: string }).error}`);
    process.stdout.write(`${JSON.stringify(body)}\n`);
    return;
  }

  const env = readAnalyzerEnv();
  let pipeline;
  try {
    pipeline = await startPipeline(env, createLogger(env.LOG_LEVEL === 'info' ? 'warn' : env.LOG_LEVEL));
  } catch (e) {
    if (e instanceof StoreLockedError) fail(`${e.message}\nWhile \`npm start\` runs: npm run reanalyze -- --from ${from} --to ${to} --url http://localhost:${process.env.PORT ?? 8080}`);
    throw e;
  }
  const bar = new ProgressBar();
  let stop = false;
  process.on('SIGINT', () => {
    stop = true;
  });
  try {
    const result = await reanalyze({
      store: pipeline.store,
      writer: pipeline.analyzer.writer,
      classifier: pipeline.classifier,
      from,
      to,
      force: values.force,
      stopped: () => stop,
      onProgress: (p) => bar.update(p.daysDone / p.days, `${p.day}  ${p.scanned.toLocaleString('en')} messages  ${p.retagged.toLocaleString('en')} re-tagged  ${p.changed.toLocaleString('en')} changed`),
    });
    bar.done();
    process.stdout.write(
      `re-tagged ${result.retagged} of ${result.scanned} messages from ${from} to ${to} with ${pipeline.classifier.version}; ${result.changed} labels changed${stop ? ' (stopped early)' : ''}\n`,
    );
  } finally {
    await pipeline.close();
  }
}

main().catch((e) => {
  process.stderr.write(`reanalyze: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
