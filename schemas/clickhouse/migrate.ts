import { readdirSync, readFileSync } from 'node:fs';
import type { Logger } from '../log.ts';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);

/** What migrations need of a store (the Store interface has more; this keeps the import one-way). */
export interface MigrationTarget {
  query<T>(sql: string, params?: Record<string, unknown>): Promise<T[]>;
  command(sql: string): Promise<void>;
  insert(table: string, rows: readonly Record<string, unknown>[], options: { token: string }): Promise<void>;
}

export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

/** Splits a migration file into statements: `--` comments dropped, `;` at the end of a line ends one. */
export function splitStatements(sql: string): string[] {
  const withoutComments = sql
    .split('\n')
    .filter((line) => !line.trim().startsWith('--'))
    .join('\n');
  return withoutComments
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function loadMigrations(dir: URL = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.replace(/\.sql$/, ''),
      statements: splitStatements(readFileSync(new URL(file, dir), 'utf8')),
    }));
}

/**
 * Applies the numbered migrations in schemas/clickhouse/migrations that have not been applied yet, in order.
 * Every statement is idempotent (IF NOT EXISTS), so a crash between a statement and its bookkeeping row is
 * harmless: the next start runs it again.
 */
export async function migrate(store: MigrationTarget, log: Logger, migrations: Migration[] = loadMigrations()): Promise<string[]> {
  await store.command(
    `CREATE TABLE IF NOT EXISTS schema_migrations (version UInt32, name String, applied_at DateTime64(3, 'UTC'))
     ENGINE = ReplacingMergeTree ORDER BY version`,
  );
  const done = new Set((await store.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => Number(r.version)));
  const applied: string[] = [];
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    log.debug('applying migration', { name: m.name });
    for (const statement of m.statements) await store.command(statement);
    await store.insert('schema_migrations', [{ version: m.version, name: m.name, applied_at: Date.now() }], { token: `migration-${m.version}` });
    applied.push(m.name);
  }
  return applied;
}
