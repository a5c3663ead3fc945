import { describe, expect, it } from 'vitest';
import { runNpmScript } from '../helpers/npm-script.ts';

const evalCli = (args: string[]) => runNpmScript('eval', args);

interface PairedCount { onlyA: number; onlyB: number; p: number }

describe('npm run eval -- --against', () => {
  it('compares two models line by line on every set: the shipped model against its own file differs on no line', async () => {
    const r = await evalCli(['--json', '--against', 'analyzer/classify/model.json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { classifier: string; against: string; paired: Record<string, { n: number; complaints: number; decision: PairedCount; primary: PairedCount }> };
    expect(out.against).toContain(out.classifier);
    const sets = Object.keys(out.paired);
    expect(sets).toEqual(expect.arrayContaining(['corpus test', 'probe praise-probe.jsonl', 'probe neutral-chat-probe.jsonl']));
    for (const name of sets) {
      const r = out.paired[name]!;
      expect(r.n, name).toBeGreaterThan(0);
      expect(r.decision, name).toEqual({ onlyA: 0, onlyB: 0, p: 1 });
      expect(r.primary, name).toEqual({ onlyA: 0, onlyB: 0, p: 1 });
    }
    expect(out.paired['corpus test']!.complaints).toBeGreaterThan(1000);
  }, 120_000);

  it('says what is wrong with a path that is neither a model file nor a checkout, and exits 1', async () => {
    const r = await evalCli(['--against', '/nonexistent/model.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--against: nothing at \/nonexistent\/model\.json/);
    expect(r.stdout).toBe('');
  }, 60_000);
});
