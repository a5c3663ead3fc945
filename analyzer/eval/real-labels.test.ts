/**
 * The real dev set's hand labels (test/fixtures/real-dev/*.labels.jsonl) keep the rules their READMEs state,
 * whether or not ../shared/data is here: a slip in a label file (a sub-topic of another department, a complaint
 * with no owner, an item labeled twice) would otherwise only show as a worse eval, and `npm run train` would learn it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../schemas/taxonomy.ts';
import { REAL_LABELS_DIR } from './examples.ts';

interface Label {
  source?: string;
  sha?: string;
  complaint: boolean;
  departments: string[];
  subTopic?: string | null;
  unsure?: boolean;
  note?: string;
  [locator: string]: unknown;
}

const LOCATOR_KEYS = ['source', 'session_id', 'turn', 'row', 'cat', 'id', 'test_idx', 'sentence'];
const files = readdirSync(REAL_LABELS_DIR).filter((f) => f.endsWith('.labels.jsonl'));
const read = (f: string): Label[] =>
  readFileSync(join(REAL_LABELS_DIR, f), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Label);
/** An item's locator, as its file writes it: what a failure names. */
const where = (l: Label) => JSON.stringify(Object.fromEntries(LOCATOR_KEYS.filter((k) => k in l).map((k) => [k, l[k]])));

describe('real dev labels', () => {
  const subTopics = new Map(loadTaxonomy().departments.map((d) => [d.id, new Set(d.subTopics.map((t) => t.id))]));

  it('are there: JDDC, reviews, CSDS and the second annotator', () => {
    expect(files.sort()).toEqual(['csds.labels.jsonl', 'jddc.labels.jsonl', 'reviews.labels.jsonl', 'second-annotator.labels.jsonl']);
  });

  for (const f of files) {
    describe(f, () => {
      const labels = read(f);

      it('name departments of the taxonomy, each once, and a complaint exactly when they name one', () => {
        const bad = labels.filter((l) => l.departments.some((d) => !subTopics.has(d)) || new Set(l.departments).size !== l.departments.length || l.complaint !== l.departments.length > 0);
        expect(bad.map(where)).toEqual([]);
      });

      it('give each unsure item a note', () => {
        expect(labels.filter((l) => l.unsure && !(typeof l.note === 'string' && l.note.trim() !== '')).map(where)).toEqual([]);
      });

      it('label each item once', () => {
        const seen = new Set<string>();
        const twice = labels.filter((l) => seen.size === seen.add(where(l)).size).map(where);
        expect(twice).toEqual([]);
      });

      if (f !== 'second-annotator.labels.jsonl') {
        it("keep the text's hash and a sub-topic of the primary department (or none)", () => {
          const bad = labels.filter((l) => !/^[0-9a-f]{8}$/.test(l.sha ?? '') || (l.subTopic != null && !subTopics.get(l.departments[0] ?? '')?.has(l.subTopic)));
          expect(bad.map(where)).toEqual([]);
        });
      }
    });
  }

  it('keep the reviews in the order README-reviews.md gives: product categories in code-point order, rows in order, then 之江杯', () => {
    const labels = read('reviews.labels.jsonl');
    const shop = labels.filter((l) => l.source === 'online_shopping');
    const key = (l: Label) => [String(l.cat), Number(l.row)] as const;
    const outOfOrder = shop.filter((l, i) => {
      if (i === 0) return false;
      const [c0, r0] = key(shop[i - 1]!);
      const [c1, r1] = key(l);
      return c1 < c0 || (c1 === c0 && r1 <= r0);
    });
    expect(outOfOrder.map(where)).toEqual([]);
    expect(labels.findIndex((l) => l.source !== 'online_shopping')).toBe(shop.length);
  });
});
