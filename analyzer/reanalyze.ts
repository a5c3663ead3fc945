import { addDays, daysBetween } from '../schemas/business-time.ts';
import type { Store } from '../schemas/clickhouse/store.ts';
import type { Classifier } from './classify/types.ts';
import { ConversationContext } from './context.ts';
import { rowLabel, type MessageRow } from './store/rows.ts';
import type { BatchWriter, WriteOp } from './store/writer.ts';
import { segment } from './text/segment.ts';
import { STAGE_LINES } from './analyze.ts';

export interface ReanalyzeOptions {
  store: Store;
  writer: BatchWriter;
  classifier: Classifier;
  from: string;
  to: string;
  /** Re-tag rows already tagged by this classifier version too. */
  force?: boolean;
  onProgress?: (p: ReanalyzeProgress) => void;
  /** Checked between days; true stops after the day in hand. */
  stopped?: () => boolean;
}

export interface ReanalyzeProgress {
  day: string;
  days: number;
  daysDone: number;
  scanned: number;
  retagged: number;
  /** Rows whose effective label changed. */
  changed: number;
}

type Row = Pick<
  MessageRow,
  'id' | 'conversation_id' | 'norm_text' | 'classifier_version' | 'label_source' | 'complaint' | 'department' | 'departments' | 'confidence' | 'sub_topic' | 'evidence' | 'context_evidence'
> & { sent_at: string; role: 'customer' | 'agent' | 'system' };

/**
 * Re-tags the messages of a date range with the current classifier, day by day (bounded memory), through
 * the batch writer: each changed row becomes a -1/+1 pair, so the rollups follow. A correction stays the
 * effective label; the model's own output and the versions are updated under it.
 */
export async function reanalyze(o: ReanalyzeOptions): Promise<ReanalyzeProgress> {
  const days = daysBetween(o.from, o.to) + 1;
  const progress: ReanalyzeProgress = { day: o.from, days, daysDone: 0, scanned: 0, retagged: 0, changed: 0 };
  const context = new ConversationContext();
  for (let i = 0; i < days; i++) {
    if (o.stopped?.()) break;
    const day = addDays(o.from, i);
    progress.day = day;
    const rows = await o.store.query<Row>(
      `SELECT id,
              argMax(conversation_id, version) AS conversation_id, argMax(sent_at, version) AS sent_at,
              argMax(role, version) AS role, argMax(norm_text, version) AS norm_text,
              argMax(classifier_version, version) AS classifier_version, argMax(label_source, version) AS label_source,
              argMax(complaint, version) AS complaint, argMax(department, version) AS department,
              argMax(departments, version) AS departments, argMax(confidence, version) AS confidence,
              argMax(sub_topic, version) AS sub_topic, argMax(evidence, version) AS evidence,
              argMax(context_evidence, version) AS context_evidence
       FROM messages WHERE day = {day:Date}
       GROUP BY id HAVING sum(sign) > 0
       ORDER BY conversation_id, sent_at, id`,
      { day },
    );
    const ops: WriteOp[] = [];
    const retag = (r: Row) => r.role === 'customer' && r.norm_text.length > 0 && (o.force || r.classifier_version !== o.classifier.version);
    // Segmented STAGE_LINES rows at a time, read ahead by the classifier, then classified, as the analyzer does (analyze.ts).
    const tokens: (string[] | undefined)[] = [];
    for (let from = 0; from < rows.length; from += STAGE_LINES) {
      const to = Math.min(rows.length, from + STAGE_LINES);
      tokens.length = 0;
      const ahead: { text: string; tokens: string[] }[] = [];
      for (let k = from; k < to; k++) {
        const words = retag(rows[k]!) ? segment(rows[k]!.norm_text) : undefined;
        tokens.push(words);
        if (words) ahead.push({ text: rows[k]!.norm_text, tokens: words });
      }
      o.classifier.readAhead?.(ahead);
      for (let k = from; k < to; k++) {
        const r = rows[k]!;
        progress.scanned++;
        const at = Date.parse(`${r.sent_at.replace(' ', 'T')}Z`);
        const words = tokens[k - from];
        if (words) {
          const label = o.classifier.classify({ text: r.norm_text, tokens: words, context: context.before(r.conversation_id, at, r.id) });
          ops.push({ kind: 'relabel', id: r.id, change: { modelLabel: label, classifierVersion: o.classifier.version, taxonomyVersion: o.classifier.taxonomyVersion } });
          const old = rowLabel(r);
          if (r.label_source !== 'correction' && (old.complaint !== label.complaint || old.department !== label.department)) progress.changed++;
        }
        context.remember(r.conversation_id, { role: r.role, text: r.norm_text, at, id: r.id });
      }
    }
    if (ops.length > 0) {
      const outcomes = await o.writer.write(ops);
      progress.retagged += outcomes.filter((x) => x === 'relabeled').length;
    }
    progress.daysDone = i + 1;
    o.onProgress?.({ ...progress });
  }
  return progress;
}
