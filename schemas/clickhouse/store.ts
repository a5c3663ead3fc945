import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import type { Logger } from '../log.ts';
import { silentLogger } from '../log.ts';
import { withRetry } from '../retry.ts';
import { migrate } from './migrate.ts';

/**
 * The one module over @clickhouse/client. Embedded chDB in `dataDir` by default; a ClickHouse server when
 * `url` is set. Both speak the same SQL, run the same migrations and are used the same way.
 */
export interface StoreConfig {
  /** ClickHouse server URL (CLICKHOUSE_URL). Unset: embedded chDB in dataDir. */
  url?: string;
  user?: string;
  password?: string;
  /** Server database (CLICKHOUSE_DATABASE); embedded mode uses the data dir's default database. */
  database?: string;
  /** Embedded data directory (DATA_DIR). */
  dataDir?: string;
  log?: Logger;
  /** Attempts for transient failures before an insert gives up (default 5). */
  insertAttempts?: number;
}

export type Row = Record<string, unknown>;

export interface InsertOptions {
  /**
   * Deduplication token: a retried insert with the same token is ignored by ClickHouse (and by the
   * materialized views), so a retry after a timeout can never count a batch twice. Required: chDB keeps
   * session settings, so every insert must set its own token.
   */
  token: string;
}

export interface Store {
  readonly kind: 'embedded' | 'server';
  readonly client: ClickHouseClient;
  /** Where the data is, for logs: the data dir or the server URL without credentials. */
  readonly location: string;
  query<T = Row>(sql: string, params?: Record<string, unknown>): Promise<T[]>;
  command(sql: string, params?: Record<string, unknown>): Promise<void>;
  insert(table: string, rows: readonly Row[], options: InsertOptions): Promise<void>;
  close(): Promise<void>;
}

export class StoreLockedError extends Error {
  constructor(
    readonly dataDir: string,
    cause: unknown,
    readonly pid?: number,
  ) {
    super(
      `the data directory ${dataDir} is in use by another fankui process${pid ? ` (pid ${pid})` : ''} (chDB allows one process per data directory). ` +
        'Stop that process, point DATA_DIR elsewhere, or send the data to the running server over HTTP.',
    );
    this.name = 'StoreLockedError';
    this.cause = cause;
  }
}

/** ClickHouse error codes worth retrying: overload, memory, too many parts, timeouts, network trouble. */
const TRANSIENT_CODES = new Set(['3', '159', '202', '203', '209', '210', '241', '242', '252', '285', '319', '425', '999']);
const TRANSIENT_NETWORK = /ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|EAI_AGAIN|socket hang up|Timeout error|other side closed/i;

export function isTransient(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | undefined;
  if (e && typeof e.code === 'string' && TRANSIENT_CODES.has(e.code)) return true;
  return TRANSIENT_NETWORK.test(String(e?.message ?? error));
}

/**
 * The live process holding an embedded data directory, if any. The engine writes its PID into `status`
 * and locks the file; chDB's error only says the connection failed, so the file tells who holds it.
 */
function lockHolder(dataDir: string): number | undefined {
  try {
    const m = /PID:\s*(\d+)/.exec(readFileSync(`${dataDir}/status`, 'utf8'));
    const pid = m ? Number(m[1]) : NaN;
    if (!Number.isFinite(pid) || pid === process.pid) return undefined;
    process.kill(pid, 0); // throws when no such process
    return pid;
  } catch {
    return undefined;
  }
}

async function connectEmbedded(dataDir: string): Promise<ClickHouseClient> {
  const { createChdbConnection } = await import('chdb/connection');
  mkdirSync(dataDir, { recursive: true });
  try {
    return createClient({ connection: createChdbConnection({ path: dataDir }) } as Parameters<typeof createClient>[0]);
  } catch (e) {
    const pid = lockHolder(dataDir);
    if (pid !== undefined) throw new StoreLockedError(dataDir, e, pid);
    throw e;
  }
}

export async function openStore(config: StoreConfig): Promise<Store> {
  const log = config.log ?? silentLogger;
  const attempts = config.insertAttempts ?? 5;
  let client: ClickHouseClient;
  let kind: Store['kind'];
  let location: string;
  if (config.url) {
    kind = 'server';
    const url = new URL(config.url);
    location = `${url.protocol}//${url.host}`;
    const database = config.database ?? 'fankui';
    // Create the database through the default one, then talk to ours.
    const admin = createClient({ url: config.url, username: config.user ?? 'default', password: config.password ?? '' });
    try {
      await admin.command({ query: `CREATE DATABASE IF NOT EXISTS ${database}` });
    } finally {
      await admin.close();
    }
    client = createClient({
      url: config.url,
      username: config.user ?? 'default',
      password: config.password ?? '',
      database,
      request_timeout: 60_000,
      clickhouse_settings: { async_insert: 0 },
    });
  } else {
    kind = 'embedded';
    const dir = resolve(config.dataDir ?? './data');
    location = dir;
    client = await connectEmbedded(dir);
  }

  // chDB runs settings as session-wide SET statements, so inserts must not interleave with each other:
  // one at a time keeps each insert's dedup token its own. (A server gets them per request; no queue needed.)
  let insertChain: Promise<unknown> = Promise.resolve();
  const serialize = <T>(fn: () => Promise<T>): Promise<T> => {
    if (kind === 'server') return fn();
    const next = insertChain.then(fn, fn);
    insertChain = next.catch(() => undefined);
    return next;
  };

  const store: Store = {
    kind,
    client,
    location,
    async query<T>(sql: string, params?: Record<string, unknown>): Promise<T[]> {
      const rs = await client.query({ query: sql, query_params: params, format: 'JSONEachRow' });
      return (await rs.json()) as T[];
    },
    async command(sql: string, params?: Record<string, unknown>): Promise<void> {
      await client.command({ query: sql, query_params: params });
    },
    async insert(table: string, rows: readonly Row[], options: InsertOptions): Promise<void> {
      if (rows.length === 0) return;
      // Arrays per row with the column list once: a third less to build and parse than JSONEachRow.
      const columns = Object.keys(rows[0]!);
      const values = rows.map((r) => columns.map((c) => r[c]));
      // A retry carries the same token: if the first attempt did land, ClickHouse drops the second.
      await withRetry(
        () =>
          serialize(() =>
            client.insert({
              table,
              values,
              columns: columns as [string, ...string[]],
              format: 'JSONCompactEachRow',
              clickhouse_settings: {
                insert_deduplicate: 1,
                insert_deduplication_token: options.token,
                deduplicate_blocks_in_dependent_materialized_views: 1,
                async_insert: 0,
              },
            }),
          ),
        {
          attempts,
          retryable: isTransient,
          onRetry: (attempt, waitMs, error) => log.warn('insert failed, retrying with the same dedup token', { table, rows: rows.length, attempt, waitMs, error }),
        },
      );
    },
    async close() {
      await client.close();
    },
  };

  try {
    const applied = await migrate(store, log);
    if (applied.length > 0) log.info('migrations applied', { migrations: applied.join(',') });
  } catch (e) {
    await client.close().catch(() => undefined);
    throw e;
  }
  log.info('store ready', { kind, location });
  return store;
}
