/**
 * `npm start`: the whole system in one process — ingest, analyzer, embedded store, dashboard — on PORT.
 * Loads the demo dataset when the store is empty (DEMO=auto).
 */
import { serve } from '@hono/node-server';
import { readAnalyzerEnv } from '../analyzer/env.ts';
import { startPipeline } from '../analyzer/runtime.ts';
import { generateDemo } from '../ingest/demo/generate.ts';
import { publishAll } from '../ingest/demo-loader.ts';
import { readIngestEnv } from '../ingest/env.ts';
import { EnvError } from '../schemas/env.ts';
import { createLogger } from '../schemas/log.ts';
import { readDashboardEnv } from './env.ts';
import { countMessages } from './queries.ts';
import { createApp, type DemoStatus } from './server.ts';

async function main(): Promise<void> {
  // Every service's environment, every wrong value reported at once.
  const problems: string[] = [];
  const read = <T>(parse: () => T): T | undefined => {
    try {
      return parse();
    } catch (e) {
      if (!(e instanceof EnvError)) throw e;
      for (const p of e.problems) if (!problems.includes(p)) problems.push(p);
      return undefined;
    }
  };
  const parts = [read(readAnalyzerEnv), read(readIngestEnv), read(readDashboardEnv)] as const;
  if (problems.length > 0) {
    process.stderr.write(`fankui: ${new EnvError(problems).message}\n`);
    process.exit(2);
  }
  const env = { ...parts[0]!, ...parts[1]!, ...parts[2]! };
  const log = createLogger(env.LOG_LEVEL);
  const started = performance.now();
  const pipeline = await startPipeline(env, log);
  const demo: DemoStatus = { state: 'off', published: 0, fraction: 0 };
  const app = createApp({ pipeline, log, ingestToken: env.INGEST_TOKEN, maxBodyBytes: env.INGEST_MAX_BODY_BYTES, demo: () => demo });

  const server = serve({ fetch: app.fetch, port: env.PORT }, (info) => {
    log.info(`fankui ready on http://localhost:${info.port}`, { startupMs: Math.round(performance.now() - started), store: pipeline.store.location });
  });
  server.on('error', (e) => {
    log.error('cannot listen', { port: env.PORT, error: e });
    process.exit(1);
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down: no new requests, flushing, closing', { signal });
    const force = setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, 15_000);
    force.unref();
    server.close();
    try {
      await pipeline.close();
    } catch (e) {
      log.error('error while closing', { error: e });
      process.exitCode = 1;
    }
    log.info('stopped');
    process.exit();
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  // DEMO=auto loads the demo into an empty embedded store only (a first try-out); DEMO=1 into any empty store,
  // a ClickHouse server included; DEMO=0 never.
  const demoWanted = env.DEMO === '1' || (env.DEMO === 'auto' && pipeline.store.kind === 'embedded');
  if (demoWanted && (await countMessages(pipeline.store)) === 0) {
    demo.state = 'loading';
    const end = Date.now();
    const t0 = performance.now();
    log.info('store is empty: loading the demo dataset (DEMO=0 skips this)');
    const messages = (function* () {
      for (const m of generateDemo({ end, timeZone: env.FANKUI_TZ })) {
        if (stopping) return;
        yield m;
      }
    })();
    let lastLog = 0;
    publishAll({
      bus: pipeline.bus,
      messages,
      // The generator's output is typed and its tests validate every message against ChatMessage.
      validated: true,
      end,
      onProgress: (p) => {
        demo.published = p.published;
        demo.fraction = p.fraction;
        if (performance.now() - lastLog > 2000) {
          lastLog = performance.now();
          log.info('demo loading', { messages: p.published });
        }
      },
    })
      .then((n) => {
        demo.state = 'done';
        demo.published = n;
        demo.fraction = 1;
        log.info('demo dataset loaded', { messages: n, seconds: Math.round((performance.now() - t0) / 100) / 10 });
      })
      .catch((e) => {
        demo.state = stopping ? 'off' : 'failed';
        demo.error = String((e as Error).message);
        if (!stopping) log.error('demo loading failed', { error: e });
      });
  }
}

main().catch((e) => {
  process.stderr.write(`fankui: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
