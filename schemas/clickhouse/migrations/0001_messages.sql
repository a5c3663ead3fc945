-- One row per message id in its current state. A relabel (reanalysis, correction) writes a -1 row that
-- cancels the previous state and a +1 row with a higher version: VersionedCollapsingMergeTree folds them in
-- the background, and every query reads `sum(sign)`-weighted aggregates, so no query needs FINAL and nothing
-- is counted twice even before merges. The writer checks ids before inserting, so a message id is stored once.
CREATE TABLE IF NOT EXISTS messages
(
    id String,
    conversation_id String,
    sent_at DateTime64(3, 'UTC'),
    day Date,
    role LowCardinality(String),
    channel LowCardinality(String),
    shop LowCardinality(String),
    sku String,
    order_id String,
    customer_id String,
    text String,
    norm_text String,
    script LowCardinality(String),
    order_ids Array(String),
    pii Array(LowCardinality(String)),
    key_terms Array(String),
    complaint UInt8,
    department LowCardinality(String),
    departments Array(LowCardinality(String)),
    confidence Float32,
    sub_topic LowCardinality(String),
    evidence Array(String),
    model_complaint UInt8,
    model_department LowCardinality(String),
    model_departments Array(LowCardinality(String)),
    model_confidence Float32,
    model_sub_topic LowCardinality(String),
    model_evidence Array(String),
    label_source LowCardinality(String),
    classifier_version LowCardinality(String),
    taxonomy_version LowCardinality(String),
    analyzed_at DateTime64(3, 'UTC'),
    received_at DateTime64(3, 'UTC'),
    sign Int8,
    version UInt64,
    INDEX id_bloom id TYPE bloom_filter(0.001) GRANULARITY 1,
    INDEX conversation_bloom conversation_id TYPE bloom_filter(0.01) GRANULARITY 1
)
ENGINE = VersionedCollapsingMergeTree(sign, version)
PARTITION BY toYYYYMM(day)
ORDER BY (day, id)
SETTINGS non_replicated_deduplication_window = 10000;
