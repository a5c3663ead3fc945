/**
 * Training: naive Bayes (natural) on the text, then the two logistic heads on out-of-fold Bayes outputs so
 * they learn how far to trust the text model on lines it has not seen. Deterministic: same examples, same
 * model file.
 */
import { createHash } from 'node:crypto';
import type { Taxonomy } from '../../schemas/taxonomy.ts';
import type { Example } from '../eval/examples.ts';
import { prepareContextText, prepareLine } from '../text/prepare.ts';
import { BayesModel, trainBayes, type BayesDoc } from './bayes.ts';
import { MODEL_FORMAT, type ModelFile } from './hybrid.ts';
import { trainBinary, trainSharedSoftmax, type SoftmaxItem } from './logistic.ts';
import { COMPLAINT_FEATURES, complaintVector, DEPARTMENT_FEATURES, departmentVectors, SignalReader } from './signals.ts';
import type { ClassifierInput } from './types.ts';

export interface TrainOptions {
  folds?: number;
  /** Progress messages (stderr in the CLI). */
  onProgress?: (message: string) => void;
  /** How many of the examples are corrections (for the record in the model file). */
  corrections?: number;
}

interface Prepared {
  example: Example;
  input: ClassifierInput;
  features: number[];
  label: string;
}

function fold(text: string, folds: number): number {
  return createHash('md5').update(text).digest()[0]! % folds;
}

export function trainModel(examples: readonly Example[], taxonomy: Taxonomy, options: TrainOptions = {}): ModelFile {
  const folds = options.folds ?? 5;
  const say = options.onProgress ?? (() => undefined);
  const departments = taxonomy.departments.map((d) => d.id);
  const classes = ['none', ...departments];
  const known = new Set(departments);
  const usable = examples.filter((e) => !e.complaint || known.has(e.departments[0]!));
  if (usable.length < examples.length) say(`${examples.length - usable.length} examples name departments this taxonomy lacks; left out`);

  // A probe model only to extract features the way the classifier will (lexicon hits are features too).
  const probe = new SignalReader(taxonomy, new BayesModel({ classes, priors: classes.map(() => 0), hashes: [], cells: [], docs: classes.map(() => 0), alpha: 1 }));
  const prepared: Prepared[] = usable.map((example) => {
    const line = prepareLine(example.text);
    const input: ClassifierInput = {
      text: line.text,
      tokens: line.tokens,
      context: example.context?.map((c) => ({ role: c.role, text: prepareContextText(c.text) })),
    };
    return { example, input, features: probe.view(line.text, line.tokens).features, label: example.complaint ? example.departments[0]! : 'none' };
  });
  say(`${prepared.length} lines prepared`);

  const complaintX: Float64Array[] = [];
  const complaintY: number[] = [];
  const deptItems: SoftmaxItem[] = [];
  for (let k = 0; k < folds; k++) {
    const inFold = (p: Prepared) => fold(p.example.text, folds) === k;
    const trainDocs: BayesDoc[] = prepared.filter((p) => !inFold(p)).map((p) => ({ features: p.features, label: p.label }));
    const reader = new SignalReader(taxonomy, new BayesModel(trainBayes(trainDocs, classes)));
    for (const p of prepared.filter(inFold)) {
      const s = reader.read(p.input);
      complaintX.push(complaintVector(s));
      complaintY.push(p.example.complaint ? 1 : 0);
      if (p.example.complaint) {
        deptItems.push({
          perClass: departmentVectors(s),
          target: departments.indexOf(p.example.departments[0]!),
          acceptable: p.example.departments.map((d) => departments.indexOf(d)).filter((i) => i >= 0),
        });
      }
    }
    say(`fold ${k + 1}/${folds}`);
  }

  const complaint = trainBinary(complaintX, complaintY, { l2: 1e-3, iterations: 800, rate: 0.05 });
  const department = trainSharedSoftmax(deptItems, departments.length, { l2: 1e-3, iterations: 600, rate: 0.05 });
  say('combiner trained');

  const bayes = trainBayes(
    prepared.map((p) => ({ features: p.features, label: p.label })),
    classes,
  );
  const subClasses = taxonomy.departments.flatMap((d) => d.subTopics.map((s) => `${d.id}/${s.id}`));
  const subDocs = prepared
    .filter((p) => p.example.complaint && p.example.subTopic && subClasses.includes(`${p.example.departments[0]}/${p.example.subTopic}`))
    .map((p) => ({ features: p.features, label: `${p.example.departments[0]}/${p.example.subTopic}` }));
  const subTopics = trainBayes(subDocs, subClasses, { minDocs: 2 });

  const corpusHash = createHash('sha256')
    .update(prepared.map((p) => `${p.label}\t${p.example.text}`).join('\n'))
    .digest('hex')
    .slice(0, 12);
  const body = {
    bayes,
    subTopics,
    complaint: { ...complaint, features: [...COMPLAINT_FEATURES] },
    department: { ...department, features: [...DEPARTMENT_FEATURES], departments },
    threshold: 0.5,
    secondary: 0.3,
  };
  const version = `hybrid-${createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 8)}`;
  return {
    format: MODEL_FORMAT,
    version,
    taxonomyVersion: taxonomy.version,
    trainedAt: new Date().toISOString(),
    training: { lines: prepared.length, corrections: options.corrections ?? 0, corpusHash },
    ...body,
  };
}
