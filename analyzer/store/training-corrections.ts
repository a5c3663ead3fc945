import type { Store } from '../../schemas/clickhouse/store.ts';
import type { Example } from '../eval/examples.ts';
import { detectScript } from '../text/script.ts';

/**
 * Human corrections as training examples: the latest correction of each message, with the message's stored
 * (masked, normalized) text and up to four earlier lines of its conversation as context.
 */
export async function correctionExamples(store: Store): Promise<Example[]> {
  const rows = await store.query<{
    message_id: string;
    complaint: number;
    departments: string[];
    sub_topic: string;
    text: string;
    conversation_id: string;
    sent_at: string;
  }>(
    `SELECT c.message_id, c.complaint, c.departments, c.sub_topic, m.text, m.conversation_id, m.sent_at
     FROM (
       SELECT message_id, argMax(complaint, corrected_at) AS complaint, argMax(departments, corrected_at) AS departments,
              argMax(sub_topic, corrected_at) AS sub_topic
       FROM corrections GROUP BY message_id
     ) AS c
     INNER JOIN (
       SELECT id, argMax(norm_text, version) AS text, argMax(conversation_id, version) AS conversation_id, argMax(sent_at, version) AS sent_at
       FROM messages GROUP BY id HAVING sum(sign) > 0
     ) AS m ON m.id = c.message_id`,
  );
  if (rows.length === 0) return [];
  const context = await store.query<{ conversation_id: string; sent_at: string; role: string; text: string }>(
    `SELECT conversation_id, argMax(sent_at, version) AS sent_at, argMax(role, version) AS role, argMax(norm_text, version) AS text
     FROM messages WHERE conversation_id IN {ids:Array(String)}
     GROUP BY id, conversation_id HAVING sum(sign) > 0 ORDER BY conversation_id, sent_at`,
    { ids: [...new Set(rows.map((r) => r.conversation_id))] },
  );
  const byConversation = new Map<string, typeof context>();
  for (const c of context) {
    let list = byConversation.get(c.conversation_id);
    if (!list) byConversation.set(c.conversation_id, (list = []));
    list.push(c);
  }
  return rows.map((r) => ({
    text: r.text,
    context: (byConversation.get(r.conversation_id) ?? [])
      .filter((c) => c.sent_at < r.sent_at)
      .slice(-4)
      .map((c) => ({ role: c.role as 'customer' | 'agent' | 'system', text: c.text })),
    role: 'customer' as const,
    complaint: Number(r.complaint) === 1,
    departments: Number(r.complaint) === 1 ? r.departments : [],
    subTopic: r.sub_topic || null,
    script: detectScript(r.text).script,
    source: 'corrections',
  }));
}
