/**
 * `npm run eval`: the classifier on the held-out split of the labeled corpus — per-department precision,
 * recall and F1, complaint F1, confusion matrix, simplified vs traditional, reliability table.
 * `-- --real` adds the real-text dev set (labels in test/fixtures/real-dev, text read from ../shared/data when
 * present), and the same lines converted to traditional script. `-- --against PATH` compares the model with
 * another one (a model file, or a checkout of another commit) on the same lines, pair by pair: the lines only one
 * of them gets right, and whether so uneven a split could be chance. `-- --cv` instead cross-validates on the real
 * dev set's tune part by conversation (analyzer/eval/cross-validate.ts): the measure for conversations never seen.
 */
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import * as OpenCC from 'opencc-js/cn2t';
import type { Classification } from '../../schemas/analyzed-message.ts';
import { departmentIds, loadTaxonomy, type Taxonomy } from '../../schemas/taxonomy.ts';
import { createClassifier } from '../classify/index.ts';
import { HybridClassifier } from '../classify/hybrid.ts';
import type { Classifier } from '../classify/types.ts';
import { loadCorpus, loadProbe, loadRealDev, loadSecondAnnotator, NEUTRAL_CHAT_PROBE, NEUTRAL_CHAT_PROBE_B, OUTSIDE_LINES_DIR, PRAISE_PROBES, realSplit, tunePart, withoutContext, type Example, type SecondLabel, type Split } from '../eval/examples.ts';
import { DRAWS, evaluate, formatReport, isRight, stratified, type Report, type Scored, type Stratified } from '../eval/metrics.ts';
import { loadOtherModel, scoreWith } from '../eval/other-model.ts';
import { crossValidate } from '../eval/cross-validate.ts';
import { comparePaired, formatPaired, type PairedReport } from '../eval/paired.ts';
import { generateDemoWithTruth } from '../../ingest/demo/generate.ts';
import { detectScript } from '../text/script.ts';

const USAGE = `usage: npm run eval -- [--split test|train|all] [--real] [--demo] [--errors N] [--against MODEL] [--json]
       npm run eval -- --cv [--folds N] [--json]

  --split      which part of the labeled corpus (default: test, the held-out fifth)
  --real       also the real-text dev set (needs ../shared/data; FANKUI_SHARED_DATA to point elsewhere),
               and the same lines converted to traditional script
  --demo       also the demo generator's chats against the labels it meant (a sanity check)
  --errors N   print N mistakes per set
  --against    another model to compare with, line by line: for every set, the lines only one of the two
               gets right and the chance of such a split (exact sign test), so a change can be told from noise.
               A model file (git show HEAD~1:analyzer/classify/model.json > /tmp/old.json) is read by this
               checkout's code; a checkout (git worktree add /tmp/before HEAD~1, node_modules linked or
               installed) brings its own lexicon, features and model
  --cv         instead: cross-validation on the real dev set's tune part by conversation (whole JDDC sessions
               and CSDS dialogues per fold), each fold judged by a model trained on the corpus and the other
               folds: what the classifier does on conversations it never saw (the blind part shares
               conversations with the tune part). Trains --folds models (default 4), about a minute each
  --json       one JSON object with every report`;

function mistakes(scored: readonly Scored[], n: number): string {
  const wrong = scored.filter((s) => !isRight(s));
  const out = [`-- ${wrong.length} mistakes${wrong.length > n ? ` (first ${n})` : ''}`];
  for (const { example: e, prediction: p } of wrong.slice(0, n)) {
    const gold = e.complaint ? e.departments.join('|') : '-';
    const pred = p.complaint ? `${p.departments.join('|')} ${p.confidence.toFixed(2)}` : `- ${p.confidence.toFixed(2)}`;
    const ctx = e.context && e.context.length > 0 ? `  ⟵ ${e.context.slice(-2).map((c) => `${c.role[0]}:${c.text}`).join(' / ').slice(0, 60)}` : '';
    out.push(`  [${e.source}] gold ${gold.padEnd(18)} pred ${pred.padEnd(22)} ${e.text.slice(0, 70)}${ctx}`);
  }
  return out.join('\n');
}

/** Customer lines of a small demo dataset with the labels the generator meant, and their conversation. */
function demoExamples(): Example[] {
  const out: Example[] = [];
  const history = new Map<string, { role: 'customer' | 'agent' | 'system'; text: string }[]>();
  for (const { message, truth } of generateDemoWithTruth({ scale: 0.05, end: Date.parse('2026-11-20T23:59:59+08:00') })) {
    const h = history.get(message.conversationId) ?? [];
    if (truth && message.role === 'customer') {
      out.push({
        text: message.text,
        context: h.slice(),
        role: 'customer',
        complaint: truth.complaint,
        departments: truth.departments,
        subTopic: truth.subTopic,
        script: detectScript(message.text).script,
        source: 'demo',
      });
    }
    h.push({ role: message.role, text: message.text });
    history.set(message.conversationId, h);
  }
  return out;
}

/**
 * How far two annotators agree on the sample both labeled, next to how the classifier does against each: the
 * targets read differently when people themselves disagree on a share of the lines. `scored`: the classifier's
 * judgements of the lines, made by the report they belong to (not made again here).
 */
function agreement(scored: readonly Scored[], ids: string[], which?: string): string {
  const second = loadSecondAnnotator();
  const model = scored.filter((s) => s.example.ref !== undefined && second.has(s.example.ref));
  const paired = model.map((s) => s.example);
  if (paired.length === 0) return 'agreement: no second-annotator labels for these items';
  const asPrediction = (l: SecondLabel): Classification => ({
    complaint: l.complaint,
    department: l.complaint ? (l.departments[0] ?? null) : null,
    departments: l.complaint ? l.departments : [],
    confidence: 1,
    subTopic: null,
    evidence: [],
    contextEvidence: [],
  });
  const asGold = (e: Example): Example => ({ ...e, complaint: second.get(e.ref!)!.complaint, departments: second.get(e.ref!)!.departments });
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(6);
  const row = (name: string, r: Report) => `  ${name.padEnd(34)} F1 ${pct(r.complaint.f1)}   acceptable primary ${pct(r.primaryAcceptable.rate)}`;
  const lines = [`== agreement: ${paired.length} real dev items labeled again by a second annotator, by the same rules (test/fixtures/real-dev/second-annotator.labels.jsonl)${which ? `; ${which}` : ''}`];
  for (const source of ['all', ...new Set(paired.map((e) => e.source))]) {
    const pick = <T extends { example: Example }>(xs: T[]) => xs.filter((x) => source === 'all' || x.example.source === source);
    const humans = pick(paired.map((e) => ({ example: e, prediction: asPrediction(second.get(e.ref!)!) })));
    const vsFirst = pick(model);
    const vsSecond = vsFirst.map((x) => ({ example: asGold(x.example), prediction: x.prediction }));
    lines.push(`${source} (${humans.length} items)`, row('second annotator vs first', evaluate(humans, ids)), row('classifier vs first annotator', evaluate(vsFirst, ids)), row('classifier vs second annotator', evaluate(vsSecond, ids)));
  }
  return lines.join('\n');
}

const BLIND = 'real dev, blind part (never read or trained on)';

/** Whether the classifier's model learned from the real dev set's tune part. */
function learnedTune(classifier: Classifier): boolean {
  return classifier instanceof HybridClassifier && (classifier.training.real ?? 0) > 0;
}

/** Obvious lines by a writer who saw neither the corpus nor the real data. */
const OUTSIDE = 'lines by an outside writer (test/fixtures/outside-lines/, never tuned on)';
/** The sets besides the corpus and the demo that are set against the targets. */
const TARGET_SETS = [
  OUTSIDE,
  'real dev (all)',
  'real dev, each line alone (as npm run classify reads it)',
  'real dev converted to traditional',
  BLIND,
  `${BLIND}, each line alone (as npm run classify reads it)`,
  `${BLIND}, converted to traditional`,
];

const interval = ([a, b]: [number, number]) => `${(100 * a).toFixed(1)}–${(100 * b).toFixed(1)} %`;

/**
 * The reviews of the real dev set by product category, and read back at the review file's category mix: the
 * labeled reviews are drawn most from the categories where the false alarms are (书籍, 蒙牛), so their plain
 * figure says more about those categories than about a review picked at random.
 */
function byCategory(name: string, r: Stratified): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(7);
  return [
    `== ${name}, by product category (lines; the category's share of the review file)`,
    ...r.strata.map((x) => `  ${String(x.n).padStart(4)} lines  share ${pct(x.share)}   F1 ${pct(x.complaintF1)}   acceptable primary ${pct(x.primaryAcceptable)}   ${x.name}`),
    `  at the file's category mix: F1 ${pct(r.complaintF1)}   acceptable primary ${pct(r.primaryAcceptable)}${r.missing.length > 0 ? ` (no lines of ${r.missing.join(', ')})` : ''}`,
    `  95 % interval (each category's lines drawn again ${DRAWS.toLocaleString('en')} times): F1 ${interval(r.interval.complaintF1)}, acceptable primary ${interval(r.interval.primaryAcceptable)}`,
  ].join('\n');
}

/** A difference of two rates in points, signed (+3.5 points: the first is higher); −0.0 prints as 0.0. */
function points(diff: number): string {
  const x = Math.round(1000 * diff) / 10;
  return `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x).toFixed(1)} points`;
}

/** The issue's targets next to what was measured. */
function targets(reports: Record<string, Report>, mixes: Record<string, Stratified>): string {
  const lines = ['== targets (issue #4): complaint F1 ≥ 95 %, acceptable primary ≥ 92 % of complaints, traditional within 2 points of simplified'];
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const ok = (v: number, target: number) => (v >= target ? '✓' : '✗');
  for (const [name, r] of Object.entries(reports)) {
    if (!/^corpus|^demo/.test(name) && !TARGET_SETS.includes(name)) continue;
    const s = r.byScript.simplified, t = r.byScript.traditional;
    const gap = s && t && t.n >= 30 && !name.includes('converted') ? `; its traditional lines − its simplified lines (not the same lines) F1 ${points(t.complaintF1 - s.complaintF1)}` : '';
    lines.push(`  ${name.padEnd(48)} F1 ${pct(r.complaint.f1)} ${ok(r.complaint.f1, 0.95)}  acceptable primary ${pct(r.primaryAcceptable.rate)} ${ok(r.primaryAcceptable.rate, 0.92)} (${pct(r.primaryAcceptableWhenFlagged.rate)} of flagged)${gap}`);
  }
  for (const [name, r] of Object.entries(mixes)) {
    lines.push(`  ${name.padEnd(48)} F1 ${pct(r.complaintF1)} ${ok(r.complaintF1, 0.95)} (95 % interval ${interval(r.interval.complaintF1)})  acceptable primary ${pct(r.primaryAcceptable)} ${ok(r.primaryAcceptable, 0.92)} (${interval(r.interval.primaryAcceptable)})`);
  }
  const gap = (a?: Report, b?: Report) => (a && b ? `${points(b.complaint.f1 - a.complaint.f1)} F1, ${points(b.primaryAcceptable.rate - a.primaryAcceptable.rate)} acceptable primary` : undefined);
  const corpusGap = Object.keys(reports).find((k) => k.endsWith('simplified lines'));
  const corpusConverted = Object.keys(reports).find((k) => k.endsWith('converted to traditional') && k.startsWith('corpus'));
  const g1 = gap(reports[corpusGap ?? ''], reports[corpusConverted ?? '']);
  if (g1) lines.push(`  traditional − simplified on the same held-out corpus lines: ${g1}`);
  const g2 = gap(reports['real dev (all)'], reports['real dev converted to traditional']);
  if (g2) lines.push(`  traditional − simplified on the same real dev lines: ${g2}`);
  const g3 = gap(reports[BLIND], reports[`${BLIND}, converted to traditional`]);
  if (g3) lines.push(`  traditional − simplified on the same blind-part lines: ${g3}`);
  return lines.join('\n');
}

/** `--cv`: the real dev set's tune part, cross-validated by conversation (cross-validate.ts), by source. */
function crossValidation(taxonomy: Taxonomy, ids: string[], folds: number, json: boolean): void {
  if (!Number.isInteger(folds) || folds < 2) throw new Error(`--folds must be a whole number of at least 2\n${USAGE}`);
  const real = loadRealDev();
  if (!real.available) throw new Error(`--cv needs the real dev set: ${real.skipped.join('; ')} (FANKUI_SHARED_DATA points elsewhere)`);
  const tune = tunePart(real).examples;
  const corpus = loadCorpus('train');
  process.stderr.write(`eval: cross-validating on ${tune.length.toLocaleString('en')} tune lines in ${folds} folds by conversation, each model trained with ${corpus.length.toLocaleString('en')} corpus lines\n`);
  const started = Date.now();
  const cv = crossValidate(corpus, tune, taxonomy, {
    folds,
    onFold: (done, n) => process.stderr.write(`eval: fold ${done}/${n} judged (${Math.round((Date.now() - started) / 1000)} s)\n`),
  });
  const reports: Record<string, Report> = {};
  const sources = [...new Set(tune.map((e) => e.source))];
  for (const [how, scored] of [['in its conversation', cv.withContext], ['each line alone', cv.alone]] as const) {
    reports[`tune part by conversation, ${how}`] = evaluate(scored, ids);
    for (const source of sources) reports[`tune part by conversation, ${how}: ${source}`] = evaluate(scored.filter((s) => s.example.source === source), ids);
  }
  if (json) {
    process.stdout.write(`${JSON.stringify({ crossValidation: { folds, by: 'conversation', lines: tune.length }, reports })}\n`);
    return;
  }
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(6);
  const text = [
    `== cross-validation by conversation: ${tune.length} lines of the real dev set's tune part, ${folds} folds; each line judged by a model that learned from neither it nor its conversation`,
  ];
  for (const [name, r] of Object.entries(reports)) {
    text.push(`  ${name.padEnd(62)} ${String(r.n).padStart(5)} lines   F1 ${pct(r.complaint.f1)} (P ${pct(r.complaint.precision)}, R ${pct(r.complaint.recall)})   acceptable primary ${pct(r.primaryAcceptable.rate)}`);
  }
  text.push('', formatReport('tune part by conversation, in its conversation', reports['tune part by conversation, in its conversation']!, ids));
  process.stdout.write(`${text.join('\n')}\n`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      split: { type: 'string', default: 'test' },
      real: { type: 'boolean', default: false },
      demo: { type: 'boolean', default: false },
      errors: { type: 'string', default: '0' },
      json: { type: 'boolean', default: false },
      against: { type: 'string' },
      cv: { type: 'boolean', default: false },
      folds: { type: 'string', default: '4' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const split = values.split as Split;
  if (!['test', 'train', 'all'].includes(split)) throw new Error(`--split must be test, train or all\n${USAGE}`);
  const showErrors = Number(values.errors);
  const taxonomy = loadTaxonomy(process.env.TAXONOMY_FILE);
  const ids = departmentIds(taxonomy);
  if (values.cv) return crossValidation(taxonomy, ids, Number(values.folds), values.json);
  const classifier = createClassifier(taxonomy);
  const other = values.against === undefined ? undefined : await loadOtherModel(values.against, taxonomy);
  const paired: Record<string, PairedReport> = {};
  const reports: Record<string, Report> = {};
  const probeFlagged: Record<string, number> = {};
  const mixes: Record<string, Stratified> = {};
  const text: string[] = [`classifier ${classifier.version}, taxonomy ${classifier.taxonomyVersion}`];

  const run = (name: string, examples: Example[], showMistakes = true): Scored[] => {
    const t0 = performance.now();
    const scored = scoreWith(classifier, examples);
    const ms = performance.now() - t0;
    const r = evaluate(scored, ids);
    reports[name] = r;
    if (other) paired[name] = comparePaired(scored, other.score(examples));
    text.push('', formatReport(name, r, ids), `(${((1000 * ms) / Math.max(1, examples.length)).toFixed(1)} µs/line including masking, normalization and segmentation)`);
    if (showErrors > 0 && showMistakes) text.push(mistakes(scored, showErrors));
    return scored;
  };

  // The targets are about buyer lines. The pipeline and the classify CLI (given a role) never count agent
  // lines; how often one would be flagged if it came in as a customer line is reported on its own.
  const everything = loadCorpus(split);
  const corpus = everything.filter((e) => e.role === 'customer');
  const agentLines = everything.filter((e) => e.role === 'agent');
  run(`corpus ${split}`, corpus);
  if (agentLines.length > 0) {
    const flagged = scoreWith(classifier, agentLines).filter((x) => x.prediction.complaint).length;
    text.push(`agent lines of the corpus ${split} split, read as if a customer wrote them: ${flagged} of ${agentLines.length} flagged (the pipeline never classifies agent lines)`);
  }
  // The same held-out lines in the other script: simplified lines converted to traditional (Taiwan phrasing),
  // so the two scripts are compared on identical content.
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'twp' });
  const asTraditional = (e: Example): Example => {
    const t = toTraditional(e.text);
    return { ...e, text: t, script: detectScript(t).script, context: e.context?.map((c) => ({ ...c, text: toTraditional(c.text) })) };
  };
  const simplifiedLines = corpus.filter((e) => e.script === 'simplified');
  run(`corpus ${split}, simplified lines`, simplifiedLines, false);
  run(`corpus ${split}, the same lines converted to traditional`, simplifiedLines.map(asTraditional), false);

  // Happy buyers (the real review data holds complaints only) and ordinary chat lines: measured on lines written
  // for it, all of them not complaints.
  for (const file of [...PRAISE_PROBES, NEUTRAL_CHAT_PROBE, NEUTRAL_CHAT_PROBE_B]) {
    const examples = loadProbe(file);
    const probe = scoreWith(classifier, examples);
    if (other) paired[`probe ${basename(file)}`] = comparePaired(probe, other.score(examples));
    const flagged = probe.filter((x) => x.prediction.complaint);
    const byCat = new Map<string, number>();
    for (const x of flagged) byCat.set(x.example.ref!, (byCat.get(x.example.ref!) ?? 0) + 1);
    const name = basename(file);
    probeFlagged[name] = flagged.length / probe.length;
    text.push(
      '',
      `== not complaints (test/fixtures/${name}, written for measurement only): ${flagged.length} of ${probe.length} flagged as complaints (${(100 * probeFlagged[name]).toFixed(1)}%)`,
      `   by group: ${[...byCat].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ') || 'none'}`,
    );
  }

  // Complaints and not, by a writer who saw neither the corpus nor the real data: how the classifier does on
  // obvious lines worded in ways it was not built from.
  run(OUTSIDE, loadCorpus('all', OUTSIDE_LINES_DIR), false);

  if (values.real) {
    const real = loadRealDev();
    if (!real.available) {
      text.push('', `real-text dev set skipped: ${real.skipped.join('; ')}`);
    } else {
      if (real.skipped.length > 0) text.push('', `real-text dev set: ${real.skipped.length} items skipped (${real.skipped.slice(0, 3).join('; ')})`);
      const sure = real.examples.filter((e) => !e.unsure);
      const tune = tunePart(real).examples;
      const blind = real.examples.filter((e) => realSplit(e) === 'blind');
      const sources = [...new Set(real.examples.map((e) => e.source))];
      // A model that learned from the tune part (npm run train reads it) is measured on the blind part only;
      // the whole set and the tune part are still reported, marked, to show how much it fits what it learned.
      const learned = learnedTune(classifier);
      const tuneName = learned ? 'tune part (trained on)' : 'tune part';
      const all = run(learned ? 'real dev (all; its tune part was trained on)' : 'real dev (all)', real.examples, false);
      run(learned ? 'real dev (sure labels only; tune part trained on)' : 'real dev (sure labels only)', sure, false);
      const blindScored = run(BLIND, blind, false);
      // What `npm run classify` sees: one line, no conversation. Chat lines that take their meaning from the
      // conversation (details, short follow-ups) cannot be right this way; reviews and summaries are unchanged.
      if (!learned) run('real dev, each line alone (as npm run classify reads it)', real.examples.map(withoutContext), false);
      run(`${BLIND}, each line alone (as npm run classify reads it)`, blind.map(withoutContext), false);
      for (const source of sources) run(`real dev, ${tuneName}: ${source}`, tune.filter((e) => e.source === source));
      for (const source of sources) run(`${BLIND}: ${source}`, blind.filter((e) => e.source === source), false);
      if (!learned) run('real dev converted to traditional', real.examples.map(asTraditional), false);
      run(`${BLIND}, converted to traditional`, blind.map(asTraditional), false);
      // Measures of their own, on the lines the model did not learn from.
      const unseen = learned ? { name: BLIND, scored: blindScored } : { name: 'real dev (all)', scored: all };
      if (real.reviewCategories) {
        const reviews = unseen.scored.filter((s) => s.example.source === 'reviews');
        const mix = stratified(reviews, (e) => e.stratum, real.reviewCategories);
        mixes[`${unseen.name}: reviews at the review file's category mix`] = mix;
        text.push('', byCategory(`${unseen.name}: reviews`, mix));
      }
      text.push('', agreement(unseen.scored, ids, learned ? 'blind part only: the model learned from the tune part' : undefined));
    }
  }

  if (values.demo) run('demo chats (generator labels)', demoExamples());

  text.push('', targets(reports, mixes), ...Object.entries(probeFlagged).map(([f, r]) => `  not complaints flagged (${f})`.padEnd(50) + ` ${(100 * r).toFixed(1)}% (lower is better: each is a false alarm)`));
  if (other) {
    text.push('', `== paired: this model (${classifier.version}) against ${other.label}, on the same lines; p = the chance of so uneven a split if neither were better`);
    for (const [name, r] of Object.entries(paired)) text.push(formatPaired(name, r));
  }
  if (values.json) process.stdout.write(`${JSON.stringify({ classifier: classifier.version, taxonomy: classifier.taxonomyVersion, reports, reviewsAtCategoryMix: mixes, probesFlagged: probeFlagged, ...(other ? { against: other.label, paired } : {}) })}\n`);
  else process.stdout.write(`${text.join('\n')}\n`);
}

main().catch((e) => {
  process.stderr.write(`eval: ${(e as Error).message}\n`);
  process.exit(1);
});
