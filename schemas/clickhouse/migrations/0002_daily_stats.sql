-- Rollup for dashboards: day × department × sub-topic × channel × shop × SKU × role × script.
-- Fed by a materialized view from `messages`; the sign column makes relabels move counts between cells.
-- `complaints` counts customer complaints under their primary department (department = '' otherwise).
CREATE TABLE IF NOT EXISTS daily_stats
(
    day Date,
    department LowCardinality(String),
    sub_topic LowCardinality(String),
    channel LowCardinality(String),
    shop LowCardinality(String),
    sku String,
    role LowCardinality(String),
    script LowCardinality(String),
    messages Int64,
    complaints Int64
)
ENGINE = SummingMergeTree((messages, complaints))
PARTITION BY toYYYYMM(day)
ORDER BY (day, department, sub_topic, channel, shop, sku, role, script)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE MATERIALIZED VIEW IF NOT EXISTS daily_stats_mv TO daily_stats AS
SELECT
    day,
    if(complaint = 1, department, '') AS department,
    if(complaint = 1, sub_topic, '') AS sub_topic,
    channel,
    shop,
    sku,
    role,
    script,
    sum(sign) AS messages,
    sum(sign * complaint) AS complaints
FROM messages
GROUP BY day, department, sub_topic, channel, shop, sku, role, script;
