/**
 * `npm run bench [-- --json] [--messages N]`: speed and memory figures of the embedded path.
 * - analyzer µs/message (masking + normalization + segmentation + classification, on lines the classifier has
 *   not seen), with bare jieba segmentation of the same lines for scale, on demo chats and, when ../shared/data
 *   is present, real ones, alone and in their conversation (as the pipeline reads them);
 * - end to end: messages/s from publish to durable in the embedded store (in-process bus), and through HTTP;
 * - dashboard query latency after the load; peak RSS.
 * Targets live here, not in timed tests.
 */
import { mkdtempSync, existsSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { startPipeline } from '../../analyzer/runtime.ts';
import { HybridClassifier, loadModelFile } from '../../analyzer/classify/hybrid.ts';
import { analyzeMessages, STAGE_LINES, type Received } from '../../analyzer/analyze.ts';
import type { Classifier, ClassifierInput } from '../../analyzer/classify/types.ts';
import { DEFAULT_SHARED_DATA, readJddcSessions, turnsBefore } from '../../analyzer/eval/examples.ts';
import { prepareContextText, prepareLine } from '../../analyzer/text/prepare.ts';
import { normalize } from '../../analyzer/text/normalize.ts';
import { maskPersonalData } from '../../analyzer/text/pii.ts';
import { segment, warmUpSegmenter } from '../../analyzer/text/segment.ts';
import { warmUpScript } from '../../analyzer/text/script.ts';
import { createApp } from '../../dashboard/server.ts';
import { generateDemo } from '../../ingest/demo/generate.ts';
import { publishAll } from '../../ingest/demo-loader.ts';
import { BusinessCalendar } from '../../schemas/business-time.ts';
import type { ChatMessage } from '../../schemas/chat-message.ts';
import { silentLogger } from '../../schemas/log.ts';
import { loadTaxonomy } from '../../schemas/taxonomy.ts';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    messages: { type: 'string', default: '100000' },
  },
});
const N = Number(values.messages);
const log = (s: string) => {
  if (!values.json) process.stderr.write(`${s}\n`);
};

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);
sampler.unref();

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** µs per line of `fn` over `lines`, best of `rounds` passes (the first pass warms up). */
function perLine(lines: readonly string[], fn: (s: string) => unknown, rounds = 3): number {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (const l of lines) fn(l);
    best = Math.min(best, ((performance.now() - t0) * 1000) / lines.length);
  }
  return best;
}

/** Lines the classifier reads before it is timed (perLineUnseen). */
const WARM_LINES = 50_000;

/**
 * µs per line of classifying `lines` as the pipeline meets them: each line once, in order, by a classifier that
 * has not seen them. The classifier keeps its reading of recent lines (the next line of a conversation reads
 * them as context), so passing the same lines again would time cache hits; every pass here gets a new
 * classifier instead. The figure is the mean over at least 5 passes and WARM_LINES lines, garbage collection
 * included: a pass during which V8 collects runs far slower than the others (on the 2,340 real JDDC lines 22–26 µs
 * a line after a scavenge, 37–39 with a mark-compact, against 14–17), so a median over a few passes left the
 * collector's cost out or in by chance (the median of 5 passes ranged 14–19 µs between runs of the same code).
 *
 * The code is warmed up first on WARM_LINES lines, as a running pipeline's is after its first seconds: V8
 * optimizes the classifier's functions over the first tens of thousands of lines. On the 2,340 real JDDC lines
 * the passes after one warm-up pass were 1.5–2× slower than the steady state reached after about 20 passes, and
 * the figure timed that warm-up. The first pass, with no warm-up, is kept as `firstPass` (the cost of a cold start).
 */
function perLineUnseen<T>(items: readonly T[], fresh: () => Classifier, run: (c: Classifier, items: readonly T[]) => unknown): { steady: number; firstPass: number } {
  const pass = () => {
    const c = fresh();
    const t0 = performance.now();
    run(c, items);
    return ((performance.now() - t0) * 1000) / items.length;
  };
  const firstPass = pass();
  for (let warmed = items.length; warmed < WARM_LINES; warmed += items.length) pass();
  let sum = 0;
  let r = 0;
  for (let timed = 0; r < 5 || timed < WARM_LINES; r++, timed += items.length) sum += pass();
  return { steady: sum / r, firstPass };
}

/**
 * Classifies `items` in order as the pipeline does (a pass of perLineUnseen): STAGE_LINES at a time, each stage read
 * ahead by the classifier first (Classifier.readAhead).
 */
function classifyEach(c: Classifier, items: readonly ClassifierInput[]): void {
  for (let k = 0; k < items.length; k += STAGE_LINES) {
    const stage = items.slice(k, k + STAGE_LINES);
    c.readAhead?.(stage);
    for (const item of stage) c.classify(item);
  }
}

const CALENDAR = new BusinessCalendar('Asia/Shanghai');

/** A new classifier over the one loaded (and compiled) model, with nothing read yet. */
type FreshClassifier = () => Classifier;

function analyzerFigures(lines: readonly string[], fresh: FreshClassifier) {
  const jieba = Jieba.withDict(dict);
  const normalized = lines.map((l) => normalize(maskPersonalData(l).text).text);
  const prepared = normalized.map((text) => ({ text, tokens: segment(text) }));
  const bareJieba = perLine(normalized, (s) => jieba.cut(s, false));
  const mask = perLine(lines, maskPersonalData);
  const norm = perLine(lines, normalize);
  const seg = perLine(normalized, segment);
  const classifyOnly = perLineUnseen(prepared, fresh, classifyEach).steady;
  // The analyzer's step as the pipeline runs it, each line a customer message of its own conversation: masked,
  // normalized, segmented, classified and made its stored row, the text steps staged (analyzeMessages).
  const messages: Received[] = lines.map((text, i) => ({
    message: { id: `bench-${i}`, conversationId: `bench-${i}`, sentAt: '2026-11-20T10:00:00+08:00', role: 'customer', text },
    receivedAt: 0,
  }));
  const full = perLineUnseen(messages, fresh, (classifier, batch) => analyzeMessages(batch, { classifier, calendar: CALENDAR })).steady;
  return {
    lines: lines.length,
    meanChars: round(normalized.reduce((a, t) => a + t.length, 0) / Math.max(1, normalized.length), 1),
    usPerMessage: round(full),
    usMask: round(mask),
    usNormalize: round(norm),
    usSegment: round(seg),
    usClassifyOnly: round(classifyOnly),
    usBareJieba: round(bareJieba),
    classificationVsJieba: round(full / bareJieba),
    classifyOnlyVsJieba: round(classifyOnly / bareJieba),
  };
}

/**
 * The V8 young-generation semi-space the process runs with, in MB, when set. package.json's scripts that
 * classify set 64 (V8's default on 64-bit is 16): the classifier keeps the views of recent lines, and with a
 * small young generation they are copied by scavenge after scavenge. Measured on real JDDC lines in their
 * conversation: about a quarter less time per line with 64 MB than with the default.
 */
function semiSpaceMb(): number | null {
  const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  const flag = flags.find((f) => f.startsWith('--max-semi-space-size='));
  return flag ? Number(flag.slice('--max-semi-space-size='.length)) : null;
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

interface RealTurn {
  text: string;
  context: { role: 'customer' | 'agent'; text: string }[];
}

/** Customer turns of the real JDDC sample, each with the earlier turns of its session (null when absent). */
function realTurns(): RealTurn[] | null {
  const file = join(process.env.FANKUI_SHARED_DATA ?? DEFAULT_SHARED_DATA, 'jddc2019_chat_sample.train.jsonl');
  if (!existsSync(file)) return null;
  const out: RealTurn[] = [];
  for (const session of readJddcSessions(file).values()) {
    session.forEach((r, i) => {
      if (!r.is_agent) out.push({ text: r.text, context: turnsBefore(session, i) });
    });
  }
  return out;
}

/** µs per line of classification alone on lines read in their conversation, as the pipeline reads them. */
function inConversation(turns: readonly RealTurn[], fresh: FreshClassifier): { usClassifyInConversation: number; usClassifyInConversationFirstPass: number } {
  const prepared = turns.map((t) => {
    const p = prepareLine(t.text);
    return { text: p.text, tokens: p.tokens, context: t.context.map((c) => ({ role: c.role, text: prepareContextText(c.text) })) };
  });
  const { steady, firstPass } = perLineUnseen(prepared, fresh, classifyEach);
  return { usClassifyInConversation: round(steady), usClassifyInConversationFirstPass: round(firstPass) };
}

async function main() {
  warmUpScript();
  warmUpSegmenter();
  const taxonomy = loadTaxonomy();
  const model = loadModelFile();
  const fresh: FreshClassifier = () => new HybridClassifier(taxonomy, model);
  // Real text first, while the process holds nothing else: the 200,000 demo messages kept for the end-to-end
  // figures below make every garbage collection during the classifier's passes slower, which is the bench's
  // own memory, not the classifier's cost (in conversation: 22–32 µs per line with them in memory).
  const real = realTurns();
  const analyzerReal = real ? { ...analyzerFigures(real.map((t) => t.text), fresh), classifier: model.version, ...inConversation(real, fresh) } : null;
  log(real ? `analyzer on real JDDC lines: ${analyzerReal!.usPerMessage} µs/message` : `real text: ${DEFAULT_SHARED_DATA} not found, skipped`);

  const end = Date.parse('2026-11-20T23:59:59+08:00');
  const messages: ChatMessage[] = [];
  for (const m of generateDemo({ end, seed: 7 })) {
    messages.push(m);
    if (messages.length >= 2 * N) break;
  }
  const first = messages.slice(0, N);
  const second = messages.slice(N, 2 * N).map((m) => ({ ...m, id: `http-${m.id}` }));
  log(`bench: ${first.length.toLocaleString('en')} demo messages`);

  const customer = first.filter((m) => m.role === 'customer').map((m) => m.text);
  const analyzer = { ...analyzerFigures(customer, fresh), classifier: model.version };
  log(`analyzer on demo customer lines: ${analyzer.usPerMessage} µs/message (jieba alone ${analyzer.usBareJieba} µs)`);

  const dataDir = mkdtempSync(join(tmpdir(), 'fankui-bench-'));
  const pipeline = await startPipeline({ DATA_DIR: dataDir, FANKUI_TZ: 'Asia/Shanghai' }, silentLogger);
  try {
    const t0 = performance.now();
    await publishAll({ bus: pipeline.bus, messages: first, validated: true });
    const embeddedSeconds = (performance.now() - t0) / 1000;
    log(`embedded end to end: ${Math.round(first.length / embeddedSeconds).toLocaleString('en')} messages/s`);

    const app = createApp({ pipeline, log: silentLogger });
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
    const t1 = performance.now();
    const chunks: string[] = [];
    for (let i = 0; i < second.length; i += 5000) chunks.push(second.slice(i, i + 5000).map((m) => JSON.stringify(m)).join('\n'));
    const inFlight: Promise<unknown>[] = [];
    for (const body of chunks) {
      inFlight.push(fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body }).then((r) => r.text()));
      if (inFlight.length >= 4) await inFlight.shift();
    }
    await Promise.all(inFlight);
    const httpSeconds = (performance.now() - t1) / 1000;
    log(`HTTP end to end: ${Math.round(second.length / httpSeconds).toLocaleString('en')} messages/s`);
    await new Promise<void>((r) => server.close(() => r()));

    const day = new Date(end).toISOString().slice(0, 10);
    const from = new Date(end - 29 * 86_400_000).toISOString().slice(0, 10);
    const timings = async (fn: () => Promise<unknown>) => {
      const ts: number[] = [];
      for (let i = 0; i < 15; i++) {
        const t = performance.now();
        await fn();
        ts.push(performance.now() - t);
      }
      return round(median(ts), 1);
    };
    const statsMs = await timings(() => Promise.resolve(app.request(`/api/stats/departments?from=${from}&to=${day}`)).then((r) => r.json()));
    const listMs = await timings(() => Promise.resolve(app.request(`/api/messages?from=${from}&to=${day}&department=logistics&limit=50`)).then((r) => r.json()));
    log(`queries: stats ${statsMs} ms, message list ${listMs} ms (median)`);

    const result = {
      messages: first.length,
      analyzer,
      analyzerRealText: analyzerReal,
      embeddedMessagesPerSecond: Math.round(first.length / embeddedSeconds),
      httpMessagesPerSecond: Math.round(second.length / httpSeconds),
      statsQueryMs: statsMs,
      messageListQueryMs: listMs,
      storedMessages: pipeline.analyzer.counters.inserted,
      peakRssMb: Math.round(peakRss / 1024 / 1024),
      v8SemiSpaceMb: semiSpaceMb(),
    };
    if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
    else {
      process.stdout.write(
        [
          '',
          `messages                         ${result.messages.toLocaleString('en')} (demo chats, seed 7; customer lines of ${analyzer.meanChars} characters on average)`,
          `analyzer µs/message              ${analyzer.usPerMessage}  (the pipeline's step: mask, normalize, segment, classify, stored row, the text steps staged ${STAGE_LINES} lines at a time; alone: mask ${analyzer.usMask}, normalize ${analyzer.usNormalize}, segment ${analyzer.usSegment}, classify ${analyzer.usClassifyOnly}; classify target ≤ 20; lines unseen by the classifier, after a warm-up of ${WARM_LINES.toLocaleString('en')} lines, the mean over at least as many again, garbage collection included; varies ±25 % run to run with the machine, bare jieba alike)`,
          `  vs bare jieba segmentation     ${analyzer.classificationVsJieba}×  (jieba ${analyzer.usBareJieba} µs/line; classification alone ${analyzer.classifyOnlyVsJieba}×; target ≤ 3×)`,
          analyzerReal ? `analyzer µs/message, real JDDC   ${analyzerReal.usPerMessage}  (classify ${analyzerReal.usClassifyOnly}, target ≤ 20, ${analyzerReal.classifyOnlyVsJieba}× jieba's ${analyzerReal.usBareJieba} µs; ${analyzerReal.lines} customer lines of ${analyzerReal.meanChars} characters on average; the whole step ${analyzerReal.classificationVsJieba}× jieba)` : 'analyzer on real text            skipped (../shared/data not found)',
          ...(analyzerReal ? [`  classify in the conversation    ${analyzerReal.usClassifyInConversation}  (the same lines with their earlier turns as context, as the pipeline reads them; ${round(analyzerReal.usClassifyInConversation / analyzerReal.usBareJieba)}× jieba; first pass, code not yet optimized: ${analyzerReal.usClassifyInConversationFirstPass})`] : []),
          `embedded end to end              ${result.embeddedMessagesPerSecond.toLocaleString('en')} messages/s (publish → durable in chDB)`,
          `HTTP end to end                  ${result.httpMessagesPerSecond.toLocaleString('en')} messages/s (NDJSON POSTs of 5,000)`,
          `stats query (30 days)            ${statsMs} ms median`,
          `message list query               ${listMs} ms median`,
          `peak RSS                         ${result.peakRssMb} MB`,
          result.v8SemiSpaceMb === null
            ? 'V8 semi-space                    default (run through `npm run bench`, which sets --max-semi-space-size=64 as the service scripts do)'
            : `V8 semi-space                    ${result.v8SemiSpaceMb} MB (--max-semi-space-size, as package.json's service scripts set it)`,
          '',
        ].join('\n'),
      );
    }
  } finally {
    await pipeline.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`bench: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
