import type { AnalyzedMessage, Classification, LabelSource } from '../../schemas/analyzed-message.ts';

/** A `messages` row as written (JSONEachRow). Times are epoch milliseconds; read back they are strings. */
export interface MessageRow {
  id: string;
  conversation_id: string;
  sent_at: number | string;
  day: string;
  role: string;
  channel: string;
  shop: string;
  sku: string;
  order_id: string;
  customer_id: string;
  text: string;
  norm_text: string;
  script: string;
  order_ids: string[];
  pii: string[];
  key_terms: string[];
  complaint: number;
  department: string;
  departments: string[];
  confidence: number;
  sub_topic: string;
  evidence: string[];
  context_evidence: string[];
  model_complaint: number;
  model_department: string;
  model_departments: string[];
  model_confidence: number;
  model_sub_topic: string;
  model_evidence: string[];
  model_context_evidence: string[];
  label_source: string;
  classifier_version: string;
  taxonomy_version: string;
  analyzed_at: number | string;
  received_at: number | string;
  sign: number;
  version: number | string;
}

function labelColumns(label: Classification) {
  return {
    complaint: label.complaint ? 1 : 0,
    department: label.department ?? '',
    departments: label.departments,
    confidence: label.confidence,
    sub_topic: label.subTopic ?? '',
    evidence: label.evidence,
    context_evidence: label.contextEvidence,
  };
}

function modelColumns(label: Classification) {
  return {
    model_complaint: label.complaint ? 1 : 0,
    model_department: label.department ?? '',
    model_departments: label.departments,
    model_confidence: label.confidence,
    model_sub_topic: label.subTopic ?? '',
    model_evidence: label.evidence,
    model_context_evidence: label.contextEvidence,
  };
}

export function toRow(m: AnalyzedMessage, version: number): MessageRow {
  return {
    id: m.id,
    conversation_id: m.conversationId,
    sent_at: m.sentAtMs,
    day: m.day,
    role: m.role,
    channel: m.channel ?? '',
    shop: m.shop ?? '',
    sku: m.sku ?? '',
    order_id: m.orderId ?? '',
    customer_id: m.customerId ?? '',
    text: m.text,
    norm_text: m.normalizedText,
    script: m.script,
    order_ids: m.orderIds,
    pii: m.pii,
    key_terms: m.keyTerms,
    ...labelColumns(m.label),
    ...modelColumns(m.modelLabel),
    label_source: m.labelSource,
    classifier_version: m.classifierVersion,
    taxonomy_version: m.taxonomyVersion,
    analyzed_at: m.analyzedAt,
    received_at: m.receivedAt,
    sign: 1,
    version,
  };
}

export interface Relabel {
  /** New effective label; omitted = keep the effective label unless it came from the model. */
  label?: Classification;
  labelSource?: LabelSource;
  /** New model output (re-analysis). */
  modelLabel?: Classification;
  classifierVersion?: string;
  taxonomyVersion?: string;
}

/** The row after a relabel. A correction stays in force when the model re-tags the row. */
export function relabelRow(current: MessageRow, change: Relabel, version: number, now: number): MessageRow {
  const next: MessageRow = { ...current, sign: 1, version, analyzed_at: now };
  if (change.modelLabel) Object.assign(next, modelColumns(change.modelLabel));
  if (change.classifierVersion) next.classifier_version = change.classifierVersion;
  if (change.taxonomyVersion) next.taxonomy_version = change.taxonomyVersion;
  if (change.label) {
    Object.assign(next, labelColumns(change.label));
    next.label_source = change.labelSource ?? 'correction';
  } else if (change.modelLabel && current.label_source !== 'correction') {
    Object.assign(next, labelColumns(change.modelLabel));
    next.label_source = 'model';
  }
  return next;
}

/** The label columns of a row as a Classification. */
export function rowLabel(row: Pick<MessageRow, 'complaint' | 'department' | 'departments' | 'confidence' | 'sub_topic' | 'evidence' | 'context_evidence'>): Classification {
  return {
    complaint: Number(row.complaint) === 1,
    department: row.department || null,
    departments: row.departments,
    confidence: Number(row.confidence),
    subTopic: row.sub_topic || null,
    evidence: row.evidence,
    contextEvidence: row.context_evidence,
  };
}
