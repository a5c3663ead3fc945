-- Audit trail of human relabels: who, when, why, and what the label was before. Append-only.
CREATE TABLE IF NOT EXISTS corrections
(
    correction_id String,
    message_id String,
    day Date,
    complaint UInt8,
    department LowCardinality(String),
    departments Array(LowCardinality(String)),
    sub_topic LowCardinality(String),
    previous_complaint UInt8,
    previous_department LowCardinality(String),
    previous_departments Array(LowCardinality(String)),
    corrected_by String,
    reason String,
    corrected_at DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree
ORDER BY (message_id, correction_id)
SETTINGS non_replicated_deduplication_window = 10000;
