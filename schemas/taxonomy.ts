import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { describeIssues } from './validation.ts';

const Id = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'ids are lower-case ascii: letters, digits, _');
const Terms = z.array(z.string().trim().min(1)).default([]);

export const SubTopic = z.object({
  id: Id,
  label: z.string().min(1),
  labelEn: z.string().min(1),
  /**
   * Phrases (simplified; traditional text is converted before matching) that name this sub-topic's problem
   * (发错, 没到账, 掉色). A neutral aspect the buyer may only ask about (物流信息, 电池, 赠品) belongs in the
   * department's `terms`: a sub-topic term reads as "a problem was named".
   */
  terms: Terms,
  /**
   * Things whose mere mention is a demand on the department (发票, 专票, 价保): they count as sub-topic terms,
   * and said to be missing or refused (没发票, 不给开专票) they still count. A problem term after a negation
   * (没有色差) is cleared instead.
   */
  demands: Terms,
});
export type SubTopic = z.infer<typeof SubTopic>;

export const Department = z.object({
  id: Id,
  label: z.string().min(1),
  labelEn: z.string().min(1),
  description: z.string().default(''),
  /** Aspects that point at the department without naming a problem (发货, 快递, 电池, 赠品). */
  terms: Terms,
  subTopics: z.array(SubTopic).default([]),
});
export type Department = z.infer<typeof Department>;

export const Taxonomy = z
  .object({
    version: z.string().min(1),
    departments: z.array(Department).min(1),
    cues: z
      .object({
        /** Words that make a line a complaint rather than a question (太慢, 怎么还没, 差评…). */
        complaint: Terms,
        /** Words that cancel the word after them (不是, 没有…): "没有坏" is not a defect. */
        negation: Terms,
        /** Words that soften a line into satisfaction (还行, 还可以…). */
        hedge: Terms,
        /** A buyer judging the goods or the shop badly in words no department owns (很差, 不值, 烂东西…). */
        evaluation: Terms,
        /**
         * What no department owns (a book's story, the author, a platform account): a line judging only these
         * is not counted (TAXONOMY.md).
         */
        unowned: Terms,
        /**
         * A buyer escalating (投诉, 差评, 找平台, 12315): it says a line is a complaint, not which department owns
         * it, so the department heads read the line without these words (我要投诉你们夸大宣传 is ops, not 客服).
         */
        escalation: Terms,
      })
      .default({ complaint: [], negation: [], hedge: [], evaluation: [], unowned: [], escalation: [] }),
  })
  .superRefine((t, ctx) => {
    const seen = new Set<string>();
    t.departments.forEach((d, i) => {
      if (seen.has(d.id)) ctx.addIssue({ code: 'custom', path: ['departments', i, 'id'], message: `duplicate department id "${d.id}"` });
      seen.add(d.id);
      const subs = new Set<string>();
      d.subTopics.forEach((s, j) => {
        if (subs.has(s.id)) ctx.addIssue({ code: 'custom', path: ['departments', i, 'subTopics', j, 'id'], message: `duplicate sub-topic id "${s.id}"` });
        subs.add(s.id);
      });
    });
  });
export type Taxonomy = z.infer<typeof Taxonomy>;

export const DEFAULT_TAXONOMY_PATH = new URL('./taxonomy/default.json', import.meta.url);

/** Parses and validates a taxonomy document; `source` names it in errors. */
export function parseTaxonomy(json: unknown, source: string): Taxonomy {
  const result = Taxonomy.safeParse(json);
  if (!result.success) throw new Error(`invalid taxonomy in ${source}: ${describeIssues(result.error)}`);
  return result.data;
}

/** The taxonomy in `file` (TAXONOMY_FILE), or the default one shipped in schemas/taxonomy/default.json. */
export function loadTaxonomy(file?: string): Taxonomy {
  const path = file ?? DEFAULT_TAXONOMY_PATH;
  const source = typeof path === 'string' ? path : 'schemas/taxonomy/default.json';
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`cannot read taxonomy file ${source}: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`taxonomy file ${source} is not valid JSON: ${(e as Error).message}`);
  }
  return parseTaxonomy(json, source);
}

export function departmentIds(t: Taxonomy): string[] {
  return t.departments.map((d) => d.id);
}
