-- Records the pipeline could not process, with their original bytes and the reason, for inspection and replay.
CREATE TABLE IF NOT EXISTS dead_letters
(
    dead_letter_id String,
    at DateTime64(3, 'UTC'),
    topic LowCardinality(String),
    stage LowCardinality(String),
    reason String,
    record_key String,
    payload String,
    replayed_at Nullable(DateTime64(3, 'UTC'))
)
ENGINE = ReplacingMergeTree
ORDER BY (dead_letter_id)
SETTINGS non_replicated_deduplication_window = 10000;
