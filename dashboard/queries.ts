import { currentRows } from '../analyzer/store/current.ts';
import type { Store } from '../schemas/clickhouse/store.ts';

/** ClickHouse DateTime64 text (UTC) → ISO 8601. */
const utcIso = (s: unknown) => new Date(`${String(s).replace(' ', 'T')}Z`).toISOString();

export interface DepartmentCount {
  department: string;
  complaints: number;
}

export interface RangeStats {
  messages: number;
  complaints: number;
  byDepartment: DepartmentCount[];
}

/** Counts from the daily rollup: messages in range, customer complaints by primary department. */
export async function rangeStats(store: Store, from: string, to: string): Promise<RangeStats> {
  const rows = await store.query<{ department: string; messages: string; complaints: string }>(
    `SELECT department, sum(messages) AS messages, sum(complaints) AS complaints
     FROM daily_stats
     WHERE day BETWEEN {from:Date} AND {to:Date}
     GROUP BY department`,
    { from, to },
  );
  let messages = 0;
  let complaints = 0;
  const byDepartment: DepartmentCount[] = [];
  for (const r of rows) {
    messages += Number(r.messages);
    complaints += Number(r.complaints);
    if (r.department !== '' && Number(r.complaints) !== 0) byDepartment.push({ department: r.department, complaints: Number(r.complaints) });
  }
  return { messages, complaints, byDepartment };
}

export interface MessageItem {
  id: string;
  conversationId: string;
  sentAt: string;
  day: string;
  role: string;
  channel: string;
  shop: string;
  sku: string;
  text: string;
  complaint: boolean;
  department: string | null;
  departments: string[];
  confidence: number;
  subTopic: string | null;
  evidence: string[];
  /** The conversation's words a line without problem words of its own carries on (see Classification). */
  contextEvidence: string[];
  labelSource: string;
  classifierVersion: string;
}

/** A `messages` row (or the argMax-ed current state of one) as the API's message item. */
function toMessageItem(r: Record<string, unknown>): MessageItem {
  return {
    id: String(r.id),
    conversationId: String(r.conversation_id),
    sentAt: utcIso(r.sent_at),
    day: String(r.day),
    role: String(r.role),
    channel: String(r.channel),
    shop: String(r.shop),
    sku: String(r.sku),
    text: String(r.text),
    complaint: Number(r.complaint) === 1,
    department: r.department ? String(r.department) : null,
    departments: r.departments as string[],
    confidence: Math.round(Number(r.confidence) * 1000) / 1000,
    subTopic: r.sub_topic ? String(r.sub_topic) : null,
    evidence: r.evidence as string[],
    contextEvidence: r.context_evidence as string[],
    labelSource: String(r.label_source),
    classifierVersion: String(r.classifier_version),
  };
}

export interface MessageQuery {
  from: string;
  to: string;
  department?: string;
  /** Only complaints (true), only non-complaints (false), or both. */
  complaint?: boolean;
  limit: number;
  offset?: number;
}

/**
 * Messages in their current state, newest first. Filters on label columns are safe without FINAL: a
 * relabel's -1 row mirrors the row it cancels, so an old state that matches the filter sums to zero.
 */
export async function listMessages(store: Store, q: MessageQuery): Promise<MessageItem[]> {
  const where = ['day BETWEEN {from:Date} AND {to:Date}'];
  const params: Record<string, unknown> = { from: q.from, to: q.to, limit: q.limit, offset: q.offset ?? 0 };
  if (q.department) {
    where.push('department = {department:String}');
    params.department = q.department;
  }
  if (q.complaint !== undefined) {
    where.push('complaint = {complaint:UInt8}');
    params.complaint = q.complaint ? 1 : 0;
  }
  const rows = await store.query<Record<string, unknown>>(
    `SELECT id,
            argMax(conversation_id, version) AS conversation_id,
            argMax(sent_at, version) AS sent_at,
            argMax(day, version) AS day,
            argMax(role, version) AS role,
            argMax(channel, version) AS channel,
            argMax(shop, version) AS shop,
            argMax(sku, version) AS sku,
            argMax(text, version) AS text,
            argMax(complaint, version) AS complaint,
            argMax(department, version) AS department,
            argMax(departments, version) AS departments,
            argMax(confidence, version) AS confidence,
            argMax(sub_topic, version) AS sub_topic,
            argMax(evidence, version) AS evidence,
            argMax(context_evidence, version) AS context_evidence,
            argMax(label_source, version) AS label_source,
            argMax(classifier_version, version) AS classifier_version
     FROM (SELECT * FROM messages WHERE ${where.join(' AND ')})
     GROUP BY id
     HAVING sum(sign) > 0
     ORDER BY sent_at DESC, id
     LIMIT {limit:UInt32} OFFSET {offset:UInt32}`,
    params,
  );
  return rows.map(toMessageItem);
}

/** Total messages stored (current state), for start-up decisions such as loading the demo. */
export async function countMessages(store: Store): Promise<number> {
  const [row] = await store.query<{ n: string }>('SELECT sum(messages) AS n FROM daily_stats');
  return Number(row?.n ?? 0);
}

export interface MessageDetail extends MessageItem {
  normalizedText: string;
  modelLabel: { complaint: boolean; department: string | null; departments: string[]; confidence: number; subTopic: string | null };
  taxonomyVersion: string;
  orderIds: string[];
  keyTerms: string[];
  analyzedAt: string;
}


/** One message in its current state, or null. */
export async function getMessage(store: Store, id: string): Promise<MessageDetail | null> {
  const r = (await currentRows(store, [id])).get(id) as unknown as Record<string, unknown> | undefined;
  if (!r) return null;
  return {
    ...toMessageItem(r),
    normalizedText: String(r.norm_text),
    taxonomyVersion: String(r.taxonomy_version),
    modelLabel: {
      complaint: Number(r.model_complaint) === 1,
      department: r.model_department ? String(r.model_department) : null,
      departments: r.model_departments as string[],
      confidence: Number(r.model_confidence),
      subTopic: r.model_sub_topic ? String(r.model_sub_topic) : null,
    },
    orderIds: r.order_ids as string[],
    keyTerms: r.key_terms as string[],
    analyzedAt: utcIso(r.analyzed_at),
  };
}

export interface CorrectionItem {
  correctionId: string;
  messageId: string;
  complaint: boolean;
  department: string | null;
  departments: string[];
  subTopic: string | null;
  previous: { complaint: boolean; department: string | null; departments: string[] };
  by: string;
  reason: string;
  at: string;
}

/** The correction audit trail, newest first; for one message or a date range of corrections. */
export async function listCorrections(store: Store, q: { messageId?: string; from?: string; to?: string; limit: number }): Promise<CorrectionItem[]> {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: q.limit };
  if (q.messageId) {
    where.push('message_id = {messageId:String}');
    params.messageId = q.messageId;
  }
  if (q.from && q.to) {
    where.push('toDate(corrected_at) BETWEEN {from:Date} AND {to:Date}');
    params.from = q.from;
    params.to = q.to;
  }
  const rows = await store.query<Record<string, unknown>>(
    `SELECT * FROM corrections ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY corrected_at DESC LIMIT 1 BY correction_id LIMIT {limit:UInt32}`,
    params,
  );
  return rows.map((r) => ({
    correctionId: String(r.correction_id),
    messageId: String(r.message_id),
    complaint: Number(r.complaint) === 1,
    department: r.department ? String(r.department) : null,
    departments: r.departments as string[],
    subTopic: r.sub_topic ? String(r.sub_topic) : null,
    previous: {
      complaint: Number(r.previous_complaint) === 1,
      department: r.previous_department ? String(r.previous_department) : null,
      departments: r.previous_departments as string[],
    },
    by: String(r.corrected_by),
    reason: String(r.reason),
    at: utcIso(r.corrected_at),
  }));
}

export interface DeadLetterItem {
  id: string;
  at: string;
  topic: string;
  stage: string;
  reason: string;
  key: string;
  payload: string;
}

/** Records the pipeline could not process, newest first, with their original payload and the reason. */
export async function listDeadLetters(store: Store, limit: number): Promise<DeadLetterItem[]> {
  const rows = await store.query<Record<string, unknown>>(
    `SELECT dead_letter_id, any(at) AS at, any(topic) AS topic, any(stage) AS stage, any(reason) AS reason,
            any(record_key) AS record_key, any(payload) AS payload
     FROM dead_letters GROUP BY dead_letter_id ORDER BY at DESC LIMIT {limit:UInt32}`,
    { limit },
  );
  return rows.map((r) => ({
    id: String(r.dead_letter_id),
    at: utcIso(r.at),
    topic: String(r.topic),
    stage: String(r.stage),
    reason: String(r.reason),
    key: String(r.record_key),
    payload: String(r.payload),
  }));
}
