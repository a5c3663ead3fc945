/**
 * Training: naive Bayes (natural) on the text, then the two logistic heads on out-of-fold Bayes outputs so
 * they learn how far to trust the text model on lines it has not seen. Deterministic: same examples, same
 * model file.
 */
import { createHash } from 'node:crypto';
import type { Taxonomy } from '../../schemas/taxonomy.ts';
import type { Example } from '../eval/examples.ts';
import { BayesModel, trainBayes, type BayesDoc } from './bayes.ts';
import { behaviourDigest } from './behaviour.ts';
import { inputOf } from './input.ts';
import { HybridClassifier, MODEL_FORMAT, type ModelFile } from './hybrid.ts';
import { asStored } from './model-codec.ts';
import { SparseBinary, SparseSoftmax, trainSparseBinary, trainSparseSoftmax } from './sparse-lr.ts';
import {
  COMPLAINT_FEATURES,
  contextSparse,
  departmentSparse,
  ownerView,
  conversationOf,
  contextVector,
  DEPARTMENT_FEATURES,
  departmentVectors,
  LINE_FEATURES,
  lineDepartmentVectors,
  lineVector,
  SignalReader,
  type Signals,
} from './signals.ts';
import type { ClassifierInput } from './types.ts';

export interface TrainOptions {
  folds?: number;
  /** Progress messages (stderr in the CLI). */
  onProgress?: (message: string) => void;
  /** How many of the examples are corrections (for the record in the model file). */
  corrections?: number;
  /** How many of the examples are real buyer lines (the real dev set's tune part), for the same record. */
  real?: number;
  /** Also train on lines read without the lexicon, at this weight (default 0.5; 0 = off). */
  lexiconDropout?: number;
  /** Also train on lines read as if none of their words had been seen, at this weight (default 0.5; 0 = off). */
  textDropout?: number;
  /** Overrides for the sparse heads' training (experiments). */
  sparse?: { epochs?: number; l2?: number; l2Dense?: number; rate?: number; minCount?: number; prune?: number };
  departmentSparse?: { epochs?: number; l2?: number; l2Dense?: number; rate?: number; minCount?: number; prune?: number };
  /**
   * Lines whose judgements the model file records (ModelFile.behaviour; the CLI gives the held-out corpus), read
   * by the model as written to and loaded from its file. Without them the record is empty.
   */
  behaviourLines?: readonly Example[];
}

interface Prepared {
  example: Example;
  input: ClassifierInput;
  features: number[];
  label: string;
}

/**
 * The text model's smoothing and how many lines a feature needs. Chosen by cross-validation on the real dev set's
 * tune part by conversation (`npm run eval -- --cv`), against α = 1 and 2 lines: F1 / acceptable primary 85.0 /
 * 82.4 → 85.2 / 83.7 in the conversation, 83.6 / 79.5 → 84.1 / 80.7 line by line (α = 0.5 alone: 85.0 / 83.6;
 * 3 lines alone: 85.1 / 82.6; α = 0.3: 84.8 / 83.8).
 */
const BAYES = { alpha: 0.5, minDocs: 3 };

/**
 * What a real review's complaint weighs in the complaint heads (stage 0's and stage 1's), against 1 for every other
 * line. The review files are files of negative reviews: outside books and 蒙牛, 96 % of their labeled items are
 * complaints, where 16 % of the labeled JDDC chat lines are. At full weight, labeled reviews move the line between
 * complaint and not for everything else: with the fourth batch (1,010 reviews) the model flagged 17 probe lines of
 * praise and chit-chat that the one before it did not, and left 4 (praise-probe*, neutral-chat-probe*), and on the
 * held-out corpus its flags were right on 24 lines only it got right against 41 only the one before did. At half
 * weight they teach their words and departments as fully (the department heads and the text model count them
 * whole): probes 5 against 5, corpus 25 against 32, and cross-validation by conversation the same within noise
 * (85.1 / 84.3 against 85.2 / 84.6 at full weight, on the tune lines of before the batch).
 */
export const REVIEW_COMPLAINT_WEIGHT = 0.5;

/** A real dev line that is a product review (online_shopping_10_cats, 之江杯: their sources in loadRealDev), not a chat line or a summary. */
const isRealReview = (e: Example) => e.source === 'reviews' || e.source === 'zhijiang';

function fold(text: string, folds: number): number {
  return createHash('md5').update(text).digest()[0]! % folds;
}

export function trainModel(examples: readonly Example[], taxonomy: Taxonomy, options: TrainOptions = {}): ModelFile {
  const folds = options.folds ?? 5;
  const textDropout = options.textDropout ?? 0.5;
  const dropout = options.lexiconDropout ?? 0.5;
  const say = options.onProgress ?? (() => undefined);
  const departments = taxonomy.departments.map((d) => d.id);
  const classes = ['none', ...departments];
  const known = new Set(departments);
  const usable = examples.filter((e) => !e.complaint || known.has(e.departments[0]!));
  if (usable.length < examples.length) say(`${examples.length - usable.length} examples name departments this taxonomy lacks; left out`);

  // A probe model only to extract features the way the classifier will (lexicon hits are features too).
  const probe = new SignalReader(taxonomy, new BayesModel({ classes, priors: classes.map(() => 0), hashes: [], cells: [], docs: classes.map(() => 0), alpha: 1 }));
  const prepared: Prepared[] = usable.map((example) => {
    const input = inputOf(example);
    return { example, input, features: probe.view(input.text, input.tokens).features, label: example.complaint ? example.departments[0]! : 'none' };
  });
  say(`${prepared.length} lines prepared`);

  // Signals of every line from a Bayes model that did not see it (out-of-fold), so the heads learn how far
  // to trust the text model on unseen lines.
  const oof: { p: Prepared; s: Signals; weight?: number }[] = [];
  for (let k = 0; k < folds; k++) {
    const inFold = (p: Prepared) => fold(p.example.text, folds) === k;
    const trainDocs: BayesDoc[] = prepared.filter((p) => !inFold(p)).map((p) => ({ features: p.features, label: p.label }));
    const bayesK = new BayesModel(trainBayes(trainDocs, classes, BAYES));
    const reader = new SignalReader(taxonomy, bayesK);
    // Lexicon dropout: the same lines read without the lexicon, so the heads also learn to judge lines whose
    // words the taxonomy does not list (real buyers' vocabulary is wider than any lexicon).
    const blind = new SignalReader(taxonomy, bayesK, true);
    // Text dropout: the same lines read with no text features, lexicon and shape only, so that 台灯开关坏了
    // counts although no corpus line names a 台灯 — real buyers name products the corpus never saw.
    const unseen = new SignalReader(taxonomy, bayesK, false, true);
    for (const p of prepared.filter(inFold)) {
      oof.push({ p, s: reader.read(p.input) });
      if (dropout > 0) oof.push({ p, s: blind.read(p.input), weight: dropout });
      if (textDropout > 0) oof.push({ p, s: unseen.read(p.input), weight: textDropout });
    }
    say(`fold ${k + 1}/${folds}`);
  }
  const targetOf = (p: Prepared) => departments.indexOf(p.example.departments[0]!);
  const acceptableOf = (p: Prepared) => p.example.departments.map((d) => departments.indexOf(d)).filter((i) => i >= 0);
  const complaints = oof.filter((o) => o.p.example.complaint);
  // scaleLength: a long review's hundreds of n-grams count like about 60 (chosen on the tune part of the real
  // dev set: acceptable primary +1.3 points there, confirmed on the blind part).
  const sparseOptions = { epochs: 12, l2: 0.3, rate: 0.15, minCount: 2, scaleLength: 60, runs: 4, ...options.sparse };
  // Which department owns a line is carried by its words more than whether it is a complaint at all, so the
  // department heads lean less on the dense signals.
  const departmentOptions = { ...sparseOptions, l2: 0.001, ...options.departmentSparse };

  const complaintWeight = (o: (typeof oof)[number]) => (o.weight ?? 1) * (o.p.example.complaint && isRealReview(o.p.example) ? REVIEW_COMPLAINT_WEIGHT : 1);
  // Stage 0: the line alone.
  const line = trainSparseBinary(
    oof.map((o) => ({ sparse: o.s.line.sparse, dense: lineVector(o.s.line), y: o.p.example.complaint ? 1 : 0, weight: complaintWeight(o) })),
    sparseOptions,
  );
  const lineDepartment = trainSparseSoftmax(
    complaints.map((o) => ({ sparse: ownerView(o.s.line).sparse, dense: lineDepartmentVectors(o.s.line), target: targetOf(o.p), acceptable: acceptableOf(o.p), weight: o.weight })),
    departments.length,
    departmentOptions,
  );

  // Stage 1: the line with what stage 0 says about the earlier customer lines.
  const line0 = new SparseBinary(line);
  const lineDept0 = new SparseSoftmax(lineDepartment);
  const contextOf = (s: Signals) => conversationOf(s, line0, lineDept0, departments.length);
  const complaint = trainSparseBinary(
    oof.map((o) => ({ sparse: contextSparse(o.s), dense: contextVector(o.s, contextOf(o.s).p0), y: o.p.example.complaint ? 1 : 0, weight: complaintWeight(o) })),
    sparseOptions,
  );
  const department = trainSparseSoftmax(
    complaints.map((o) => {
      const c = contextOf(o.s);
      return { sparse: departmentSparse(o.s), dense: departmentVectors(o.s, c.conversation), target: targetOf(o.p), acceptable: acceptableOf(o.p), weight: o.weight };
    }),
    departments.length,
    departmentOptions,
  );
  say('heads trained');

  const bayes = trainBayes(
    prepared.map((p) => ({ features: p.features, label: p.label })),
    classes,
    BAYES,
  );
  const subClasses = taxonomy.departments.flatMap((d) => d.subTopics.map((s) => `${d.id}/${s.id}`));
  const subDocs = prepared
    .filter((p) => p.example.complaint && p.example.subTopic && subClasses.includes(`${p.example.departments[0]}/${p.example.subTopic}`))
    .map((p) => ({ features: p.features, label: `${p.example.departments[0]}/${p.example.subTopic}` }));
  // Less smoothing than the main model's: each sub-topic has few lines, and α = 1 let a rare class (fake) win
  // lines on words it shares with the others. α = 0.2 names the sub-topic of lines without a sub-topic term
  // right 3 points more often on real text and on the held-out corpus (63 → 66 %, 73 → 76 %).
  const subTopics = trainBayes(subDocs, subClasses, { minDocs: 2, alpha: 0.2 });

  const corpusHash = createHash('sha256')
    .update(prepared.map((p) => `${p.label}\t${p.example.text}`).join('\n'))
    .digest('hex')
    .slice(0, 12);
  const body = {
    bayes,
    subTopics,
    line: { ...line, features: [...LINE_FEATURES] },
    lineDepartment,
    complaint: { ...complaint, features: [...COMPLAINT_FEATURES] },
    department: { ...department, features: [...DEPARTMENT_FEATURES], departments },
    // Chosen on the tune part of the real-text dev set: F1 is flat from 0.4 to 0.5 there; lower thresholds
    // find more complaints (acceptable primary up) at the cost of precision.
    threshold: 0.5,
    secondary: 0.3,
  };
  const model: ModelFile = {
    format: MODEL_FORMAT,
    version: '',
    taxonomyVersion: taxonomy.version,
    trainedAt: new Date().toISOString(),
    training: { lines: prepared.length, corrections: options.corrections ?? 0, real: options.real ?? 0, corpusHash },
    ...body,
    behaviour: '',
  };
  if (options.behaviourLines) {
    // As the pipeline will read it: the file's encoding rounds some weights.
    model.behaviour = behaviourDigest(new HybridClassifier(taxonomy, asStored(model)), options.behaviourLines);
  }
  // The version names the weights and what the code does with them (behaviour).
  model.version = `hybrid-${createHash('sha256').update(JSON.stringify({ ...body, behaviour: model.behaviour })).digest('hex').slice(0, 8)}`;
  return model;
}
