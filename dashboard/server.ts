import { Hono } from 'hono';
import { reanalyze, type ReanalyzeProgress } from '../analyzer/reanalyze.ts';
import type { Pipeline } from '../analyzer/runtime.ts';
import { isCalendarDate } from '../schemas/iso-time.ts';
import { createIngestApp } from '../ingest/app.ts';
import type { Logger } from '../schemas/log.ts';
import { createDashboardApi } from './api.ts';
import { START_PAGE } from './page.ts';

export interface DemoStatus {
  state: 'off' | 'loading' | 'done' | 'failed';
  published: number;
  fraction: number;
  error?: string;
}

export interface AppOptions {
  pipeline: Pipeline;
  log: Logger;
  ingestToken?: string;
  maxBodyBytes?: number;
  demo?: () => DemoStatus;
  now?: () => number;
}

/** Everything on one port: health, ingest, dashboard API, start page. */
export function createApp(options: AppOptions): Hono {
  const { pipeline, log } = options;
  const now = options.now ?? Date.now;
  const app = new Hono();

  app.onError((error, c) => {
    log.error('request failed', { method: c.req.method, path: c.req.path, error });
    return c.json({ error: 'internal error; see the server log' }, 500);
  });
  app.notFound((c) => c.json({ error: `no route ${c.req.method} ${c.req.path}` }, 404));

  app.get('/healthz', (c) => c.json({ status: 'ok' }));

  // Re-tag a date range with the current classifier (npm run reanalyze -- --url …). One at a time.
  let reanalysis: { running: boolean; progress?: ReanalyzeProgress; error?: string } = { running: false };
  app.post('/api/reanalyze', async (c) => {
    const body = (await c.req.json().catch(() => null)) as { from?: unknown; to?: unknown; force?: unknown } | null;
    const from = body?.from, to = body?.to;
    if (typeof from !== 'string' || typeof to !== 'string' || !isCalendarDate(from) || !isCalendarDate(to) || from > to) {
      return c.json({ error: 'body must be {"from":"YYYY-MM-DD","to":"YYYY-MM-DD","force"?:bool} with from ≤ to' }, 400);
    }
    if (reanalysis.running) return c.json({ error: 'a re-analysis is already running', progress: reanalysis.progress }, 409);
    reanalysis = { running: true };
    try {
      const progress = await reanalyze({
        store: pipeline.store,
        writer: pipeline.analyzer.writer,
        classifier: pipeline.classifier,
        from,
        to,
        force: body?.force === true,
        onProgress: (p) => (reanalysis.progress = p),
      });
      reanalysis = { running: false, progress };
      return c.json({ ...progress, classifier: pipeline.classifier.version });
    } catch (e) {
      reanalysis = { running: false, error: (e as Error).message };
      throw e;
    }
  });
  app.get('/api/status', (c) =>
    c.json({
      status: 'ok',
      today: pipeline.calendar.today(now()),
      timeZone: pipeline.calendar.timeZone,
      store: { kind: pipeline.store.kind },
      bus: pipeline.bus.kind,
      classifier: pipeline.classifier.version,
      taxonomy: pipeline.taxonomy.version,
      analyzer: pipeline.analyzer.counters,
      demo: options.demo?.() ?? { state: 'off', published: 0, fraction: 0 },
      reanalysis,
    }),
  );
  app.route('/', createIngestApp({ bus: pipeline.bus, log: log.child('ingest'), token: options.ingestToken, maxBodyBytes: options.maxBodyBytes, now }));
  app.route('/', createDashboardApi({ store: pipeline.store, bus: pipeline.bus, taxonomy: pipeline.taxonomy, calendar: pipeline.calendar, now }));
  app.get('/', (c) => c.html(START_PAGE));
  return app;
}
