import type { Bus } from '../schemas/bus.ts';
import { addDays, BusinessCalendar } from '../schemas/business-time.ts';
import { openStore, type Store } from '../schemas/clickhouse/store.ts';
import type { Logger } from '../schemas/log.ts';
import { silentLogger } from '../schemas/log.ts';
import { MemoryBus } from '../schemas/memory-bus.ts';
import { loadTaxonomy, type Taxonomy } from '../schemas/taxonomy.ts';
import { createClassifier } from './classify/index.ts';
import type { Classifier } from './classify/types.ts';
import type { AnalyzerEnv } from './env.ts';
import { startAnalyzer, type Analyzer } from './service.ts';
import { reconcileRollups } from './store/reconcile.ts';
import { warmUpScript } from './text/script.ts';
import { warmUpSegmenter } from './text/segment.ts';

export interface Pipeline {
  store: Store;
  bus: Bus;
  analyzer: Analyzer;
  classifier: Classifier;
  taxonomy: Taxonomy;
  calendar: BusinessCalendar;
  /** Stops consuming, flushes, closes bus and store. */
  close(): Promise<void>;
}

export type PipelineConfig = Pick<AnalyzerEnv, 'DATA_DIR' | 'FANKUI_TZ'> &
  Partial<
    Pick<
      AnalyzerEnv,
      'CLICKHOUSE_URL' | 'CLICKHOUSE_USER' | 'CLICKHOUSE_PASSWORD' | 'CLICKHOUSE_DATABASE' | 'KAFKA_BROKERS' | 'TAXONOMY_FILE' | 'BATCH_MAX_ROWS' | 'BATCH_MAX_WAIT'
    >
  >;

/**
 * Store + bus + analyzer, wired by configuration: embedded chDB or a ClickHouse server, the in-process bus
 * (Kafka is selected by KAFKA_BROKERS once its bus lands). Used by `npm start`, the import CLI, tests and
 * the benchmark.
 */
export async function startPipeline(config: PipelineConfig, log: Logger = silentLogger): Promise<Pipeline> {
  if (config.KAFKA_BROKERS) {
    throw new Error('KAFKA_BROKERS is set, but this build has no Kafka bus yet: unset it to use the in-process bus (see ROADMAP)');
  }
  const taxonomy = loadTaxonomy(config.TAXONOMY_FILE);
  const calendar = new BusinessCalendar(config.FANKUI_TZ);
  warmUpScript();
  warmUpSegmenter();
  const classifier = createClassifier(taxonomy);
  const store = await openStore({
    url: config.CLICKHOUSE_URL,
    user: config.CLICKHOUSE_USER,
    password: config.CLICKHOUSE_PASSWORD,
    database: config.CLICKHOUSE_DATABASE,
    dataDir: config.DATA_DIR,
    log: log.child('store'),
  });
  const bus = new MemoryBus();
  let analyzer: Analyzer;
  try {
    // The embedded store has one writer (this process) and nothing writes yet: bring the rollup of the last
    // days in line with the messages, in case the previous run died inside an insert.
    if (store.kind === 'embedded') {
      const today = calendar.today();
      const r = await reconcileRollups(store, addDays(today, -7), addDays(today, 1));
      if (r.corrected > 0) log.warn('daily rollup corrected to match stored messages', { ...r });
    }
    analyzer = await startAnalyzer({
      bus,
      store,
      classifier,
      calendar,
      log: log.child('analyzer'),
      writer: { maxBatch: config.BATCH_MAX_ROWS, maxWaitMs: config.BATCH_MAX_WAIT },
    });
  } catch (e) {
    await store.close();
    throw e;
  }
  return {
    store,
    bus,
    analyzer,
    classifier,
    taxonomy,
    calendar,
    async close() {
      await analyzer.stop();
      await bus.close();
      await store.close();
    },
  };
}
