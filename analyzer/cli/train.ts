/**
 * `npm run train`: trains the classifier on the labeled corpus (the training split; the held-out fifth is
 * for `npm run eval`), the tune part of the labeled real dev set when ../shared/data is there (its blind part
 * never), plus the human corrections in the configured store, and writes analyzer/classify/model.json.
 * Deterministic and quick (seconds).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { openStore, StoreLockedError } from '../../schemas/clickhouse/store.ts';
import { readAnalyzerEnv } from '../env.ts';
import { loadTaxonomy } from '../../schemas/taxonomy.ts';
import { loadCorpus, loadRealTraining, type Example } from '../eval/examples.ts';
import { DEFAULT_MODEL_PATH } from '../classify/hybrid.ts';
import { trainModel } from '../classify/train.ts';
import { packModel } from '../classify/model-codec.ts';
import { correctionExamples } from '../store/training-corrections.ts';

const USAGE = `usage: npm run train -- [--out FILE] [--no-corrections] [--no-real] [--all]

  --out FILE         where to write the model (default analyzer/classify/model.json)
  --no-corrections   do not read corrections from the store (DATA_DIR / CLICKHOUSE_URL)
  --no-real          do not learn from the real dev set's tune part (read from ../shared/data, or
                     FANKUI_SHARED_DATA, when present; its blind part is never trained on)
  --all              train on the held-out split too (the eval then no longer measures unseen lines)`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      'no-corrections': { type: 'boolean', default: false },
      'no-real': { type: 'boolean', default: false },
      all: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const say = (m: string) => process.stderr.write(`train: ${m}\n`);
  const env = readAnalyzerEnv();
  const taxonomy = loadTaxonomy(env.TAXONOMY_FILE);
  const examples: Example[] = loadCorpus(values.all ? 'all' : 'train');
  say(`${examples.length} corpus lines (${values.all ? 'all' : 'training split'})`);

  // Real buyer lines labeled by reference (test/fixtures/real-dev): without them the model is not the one committed.
  let real: Example[] = [];
  if (!values['no-real']) {
    const r = loadRealTraining();
    real = r.examples;
    if (!r.available) say(`real dev set not found (${r.skipped.join('; ')}): trained on the corpus only, so the model differs from the committed one, which also learned from the real dev set's tune part`);
    else say(`${real.length} real buyer lines (the real dev set's tune part${r.skipped.length > 0 ? `; ${r.skipped.length} items skipped, their text changed or missing` : ''})`);
  }

  let corrections: Example[] = [];
  const storeExists = env.CLICKHOUSE_URL || existsSync(env.DATA_DIR);
  if (!values['no-corrections'] && storeExists) {
    try {
      const store = await openStore({ url: env.CLICKHOUSE_URL, user: env.CLICKHOUSE_USER, password: env.CLICKHOUSE_PASSWORD, database: env.CLICKHOUSE_DATABASE, dataDir: env.DATA_DIR });
      try {
        corrections = await correctionExamples(store);
      } finally {
        await store.close();
      }
      say(`${corrections.length} corrections from the store`);
    } catch (e) {
      if (e instanceof StoreLockedError) say(`store in use by a running server; corrections not read (stop it, or train with --no-corrections): ${e.dataDir}`);
      else throw e;
    }
  }

  const t0 = performance.now();
  const model = trainModel([...examples, ...real, ...corrections], taxonomy, { onProgress: say, corrections: corrections.length, real: real.length, behaviourLines: loadCorpus('test') });
  const out = values.out ?? fileURLToPath(DEFAULT_MODEL_PATH);
  const json = JSON.stringify(packModel(model));
  writeFileSync(out, `${json}\n`);
  say(`wrote ${out}: ${model.version}, ${model.bayes.hashes.length} text features, ${(json.length / 1024).toFixed(0)} KiB, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

main().catch((e) => {
  process.stderr.write(`train: ${(e as Error).message}\n`);
  process.exit(1);
});
