import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRealTraining, realSplit, tunePart, type Example } from './examples.ts';

describe('loadRealTraining (what npm run train learns from the real dev set)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fankui-shared-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says the real data is absent instead of failing, and gives no lines', () => {
    const r = loadRealTraining(join(dir, 'missing'));
    expect(r.available).toBe(false);
    expect(r.examples).toEqual([]);
    expect(r.skipped.join()).toMatch(/not found/);
  });

  it('never learns a line whose text is not the one labeled (the label keeps a hash of the text)', () => {
    writeFileSync(join(dir, 'zhijiang2019_makeup_negative.train.jsonl'), `${JSON.stringify({ id: 1, review: '不是被标注的那句话' })}\n`);
    const r = loadRealTraining(dir);
    expect(r.examples).toEqual([]);
    expect(r.skipped.some((s) => /zhijiang .*(text changed|not found)/.test(s))).toBe(true);
  });

  it('keeps the blind part out: what is trained on is the tune part, about 70 % of the lines, split by a hash of source and text', () => {
    const lines: Example[] = Array.from({ length: 2000 }, (_, i) => ({ text: `第${i}句`, role: 'customer', complaint: false, departments: [], subTopic: null, script: 'simplified', source: 'jddc' }));
    const trained = tunePart({ examples: lines, skipped: [], available: true }).examples;
    expect(trained.every((e) => realSplit(e) === 'tune')).toBe(true);
    expect(trained.length).toBe(lines.filter((e) => realSplit(e) === 'tune').length);
    expect(trained.length / lines.length).toBeGreaterThan(0.65);
    expect(trained.length / lines.length).toBeLessThan(0.75);
  });
});
