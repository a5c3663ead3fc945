/**
 * Writes the demo dataset as JSONL (one ChatMessage per line) and prints a summary to stderr.
 *   npx tsx ingest/demo/cli.ts --out FILE.jsonl [--seed N] [--months N] [--scale X] [--end ISO|ms] [--tz Zone]
 * Without --out the JSONL goes to stdout.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { DEFAULT_SEED, generateDemoWithTruth, type DemoOptions } from './generate.ts';
import { SummaryBuilder } from './summary.ts';

function usage(msg?: string): never {
  if (msg) process.stderr.write(`error: ${msg}\n`);
  process.stderr.write(
    'usage: npx tsx ingest/demo/cli.ts [--out FILE.jsonl] [--seed N] [--months N] [--scale X] [--end ISO-date|epoch-ms] [--tz IANA-zone]\n',
  );
  process.exit(msg ? 2 : 0);
}

function parseArgs(argv: string[]): { out?: string; options: DemoOptions } {
  const options: DemoOptions = { seed: DEFAULT_SEED };
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') usage(`${flag} needs a value`);
      return v;
    };
    const num = (name: string, v: string): number => {
      const n = Number(v);
      if (!Number.isFinite(n)) usage(`${name} must be a number, got "${v}"`);
      return n;
    };
    switch (flag) {
      case '--out':
      case '-o':
        out = value();
        break;
      case '--seed':
        options.seed = Math.trunc(num('--seed', value()));
        break;
      case '--months': {
        const n = num('--months', value());
        if (n < 0) usage('--months must be >= 0');
        options.months = n;
        break;
      }
      case '--scale': {
        const n = num('--scale', value());
        if (n <= 0) usage('--scale must be > 0');
        options.scale = n;
        break;
      }
      case '--end': {
        const v = value();
        const t = /^\d+$/.test(v) ? Number(v) : Date.parse(v);
        if (!Number.isFinite(t)) usage(`--end must be an ISO date-time or epoch ms, got "${v}"`);
        options.end = t;
        break;
      }
      case '--tz':
        options.timeZone = value();
        break;
      case '--help':
      case '-h':
        usage();
        break;
      default:
        usage(`unknown argument "${arg}"`);
    }
  }
  return out === undefined ? { options } : { out, options };
}

/** Writes a chunk, waiting when the stream asks us to (pipes to `head`, slow disks). */
function put(stream: Writable, chunk: string): Promise<void> {
  if (stream.write(chunk)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      stream.off('error', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
    stream.on('error', done);
  });
}

async function main(): Promise<void> {
  const { out, options } = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  const stream: Writable = out ? createWriteStream(out) : process.stdout;
  let failed: Error | undefined;
  stream.on('error', (err: NodeJS.ErrnoException) => {
    failed = err;
  });
  const summary = new SummaryBuilder();
  let buf = '';
  try {
    for (const { message, truth } of generateDemoWithTruth(options)) {
      summary.add(message, truth);
      buf += JSON.stringify(message) + '\n';
      if (buf.length > 1 << 18) {
        await put(stream, buf);
        buf = '';
        if (failed) break;
      }
    }
    if (buf && !failed) await put(stream, buf);
    if (out) {
      stream.end();
      await once(stream, 'finish').catch(() => undefined);
    }
  } catch (err) {
    failed = err as Error;
  }
  if (failed) {
    // A closed pipe (`| head`) is not an error worth a stack trace.
    if ((failed as NodeJS.ErrnoException).code !== 'EPIPE') {
      process.stderr.write(`error: ${failed.message}\n`);
      process.exitCode = 1;
    }
    return;
  }
  process.stderr.write(`${summary.format(performance.now() - t0)}\n${out ? `written to ${out}\n` : ''}`);
}

await main();
