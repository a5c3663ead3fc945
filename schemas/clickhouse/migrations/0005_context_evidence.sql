-- The words of the conversation a complaint carries on, when the line names no problem itself (还可以换吗 after
-- 开了就停, a bare order number after 还没收到): shown beside the line's own evidence, so that a department head
-- sees why a line without problem words counts. Rows written before this migration read as empty.
ALTER TABLE messages ADD COLUMN IF NOT EXISTS context_evidence Array(String) DEFAULT [] AFTER evidence;
ALTER TABLE messages ADD COLUMN IF NOT EXISTS model_context_evidence Array(String) DEFAULT [] AFTER model_evidence;
