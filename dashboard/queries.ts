import type { Store } from '../schemas/clickhouse/store.ts';

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
  labelSource: string;
  classifierVersion: string;
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
            argMax(label_source, version) AS label_source,
            argMax(classifier_version, version) AS classifier_version
     FROM (SELECT * FROM messages WHERE ${where.join(' AND ')})
     GROUP BY id
     HAVING sum(sign) > 0
     ORDER BY sent_at DESC, id
     LIMIT {limit:UInt32} OFFSET {offset:UInt32}`,
    params,
  );
  return rows.map((r) => ({
    id: String(r.id),
    conversationId: String(r.conversation_id),
    sentAt: new Date(`${String(r.sent_at).replace(' ', 'T')}Z`).toISOString(),
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
    labelSource: String(r.label_source),
    classifierVersion: String(r.classifier_version),
  }));
}

/** Total messages stored (current state), for start-up decisions such as loading the demo. */
export async function countMessages(store: Store): Promise<number> {
  const [row] = await store.query<{ n: string }>('SELECT sum(messages) AS n FROM daily_stats');
  return Number(row?.n ?? 0);
}
