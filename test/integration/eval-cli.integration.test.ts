import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

function evalCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'eval', '--', ...args], { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

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
