import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../schemas/taxonomy.ts';
import { CsvParser } from '../../ingest/import/csv.ts';
import { DEFAULT_SHARED_DATA, loadCorpus } from '../eval/examples.ts';

/**
 * The labeled corpus is written for the project: it must meet the coverage rules, agree with the
 * taxonomy, and never carry text copied from the real data sets (which may not be redistributed).
 */
const taxonomy = loadTaxonomy();
const corpus = loadCorpus('all');

describe('labeled corpus', () => {
  it('covers all six departments, the negative kinds and traditional script', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(1500);
    const primary = new Map<string, number>();
    for (const e of corpus) if (e.complaint) primary.set(e.departments[0]!, (primary.get(e.departments[0]!) ?? 0) + 1);
    for (const d of taxonomy.departments) expect(primary.get(d.id) ?? 0, d.id).toBeGreaterThanOrEqual(100);
    const kinds = new Set(corpus.filter((e) => !e.complaint).map((e) => e.kind));
    for (const k of ['question', 'bargain', 'praise', 'chitchat', 'agent', 'unowned']) expect(kinds.has(k), k).toBe(true);
    const traditional = corpus.filter((e) => e.script === 'traditional').length / corpus.length;
    expect(traditional).toBeGreaterThanOrEqual(0.15);
    const held = loadCorpus('test').length / corpus.length;
    expect(held).toBeGreaterThan(0.15);
    expect(held).toBeLessThan(0.25);
  });

  it('uses only the taxonomy’s departments, and sub-topics of the primary department', () => {
    const subs = new Map(taxonomy.departments.map((d) => [d.id, new Set(d.subTopics.map((s) => s.id))]));
    const bad = corpus.filter(
      (e) => e.departments.some((d) => !subs.has(d)) || (e.subTopic !== null && !(e.complaint && subs.get(e.departments[0]!)?.has(e.subTopic))),
    );
    expect(bad.map((e) => `${e.source}: ${e.text}`)).toEqual([]);
  });

  // Runs of this many characters shared with a real line count as copying (stock agent phrases are exempt:
  // they are the platform's, not a buyer's).
  const RUN = 14;
  const dataDir = process.env.FANKUI_SHARED_DATA ?? DEFAULT_SHARED_DATA;
  const present = existsSync(join(dataDir, 'jddc2019_chat_sample.train.jsonl'));
  it.skipIf(!present)(`copies no buyer text from the real data sets (${RUN}-character runs; skipped without ../shared/data)`, () => {
    const runs = new Map<string, string>();
    for (const e of corpus) {
      const texts = [e.text, ...(e.context ?? []).filter((c) => c.role !== 'agent').map((c) => c.text)];
      for (const t of texts) {
        const s = t.replace(/\s+/g, '');
        for (let i = 0; i + RUN <= s.length; i++) runs.set(s.slice(i, i + RUN), `${e.source}: ${t}`);
      }
    }
    const copied = new Set<string>();
    const scan = (text: string) => {
      const s = text.replace(/\s+/g, '');
      for (let i = 0; i + RUN <= s.length; i++) {
        const hit = runs.get(s.slice(i, i + RUN));
        if (hit) copied.add(hit);
      }
    };
    for (const line of readFileSync(join(dataDir, 'jddc2019_chat_sample.train.jsonl'), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const turn = JSON.parse(line) as { is_agent: boolean; text: string };
      if (!turn.is_agent) scan(turn.text);
    }
    for (const line of readFileSync(join(dataDir, 'zhijiang2019_makeup_negative.train.jsonl'), 'utf8').split('\n')) {
      if (line.trim()) scan((JSON.parse(line) as { review: string }).review);
    }
    for (const line of readFileSync(join(dataDir, 'csds_test_user_summaries.jsonl'), 'utf8').split('\n')) {
      if (line.trim()) for (const s of (JSON.parse(line) as { sentences: string[] }).sentences) scan(s);
    }
    const csv = new CsvParser();
    const rows = [...csv.push(readFileSync(join(dataDir, 'online_shopping_10_cats_negative.train.csv'), 'utf8')), ...csv.end()];
    for (const row of rows.slice(1)) scan(row.fields[2] ?? '');
    expect([...copied]).toEqual([]);
  });
});
