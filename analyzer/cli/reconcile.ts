/**
 * `npm run reconcile -- --from YYYY-MM-DD --to YYYY-MM-DD`: makes the daily rollup agree with the stored
 * messages for a range (npm start does this for the last week at every start). Run it while nothing writes.
 */
import { parseArgs } from 'node:util';
import { openStore, StoreLockedError } from '../../schemas/clickhouse/store.ts';
import { isCalendarDate } from '../../schemas/iso-time.ts';
import { readAnalyzerEnv } from '../env.ts';
import { reconcileRollups } from '../store/reconcile.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } } });
  const { from, to } = values;
  if (!from || !to || !isCalendarDate(from) || !isCalendarDate(to) || from > to) {
    process.stderr.write('usage: npm run reconcile -- --from YYYY-MM-DD --to YYYY-MM-DD\n');
    process.exit(2);
  }
  const env = readAnalyzerEnv();
  let store;
  try {
    store = await openStore({ url: env.CLICKHOUSE_URL, user: env.CLICKHOUSE_USER, password: env.CLICKHOUSE_PASSWORD, database: env.CLICKHOUSE_DATABASE, dataDir: env.DATA_DIR });
  } catch (e) {
    if (e instanceof StoreLockedError) {
      process.stderr.write(`reconcile: ${e.message}\n(npm start reconciles the last week itself when it starts.)\n`);
      process.exit(2);
    }
    throw e;
  }
  try {
    const r = await reconcileRollups(store, from, to);
    process.stdout.write(
      r.corrected === 0
        ? `the daily rollup agrees with the stored messages from ${from} to ${to}\n`
        : `corrected ${r.corrected} rollup cells from ${from} to ${to}: messages ${r.messagesDelta > 0 ? '+' : ''}${r.messagesDelta}, complaints ${r.complaintsDelta > 0 ? '+' : ''}${r.complaintsDelta}\n`,
    );
  } finally {
    await store.close();
  }
}

main().catch((e) => {
  process.stderr.write(`reconcile: ${(e as Error).message}\n`);
  process.exit(1);
});
