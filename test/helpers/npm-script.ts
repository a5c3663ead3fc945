import { spawn } from 'node:child_process';

const root = new URL('../../', import.meta.url).pathname;

export interface ScriptResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `npm run --silent <script> -- <args>` from the project root, as a user runs it: `input` on stdin (closed at
 * once when absent), stdout and stderr collected whole.
 */
export function runNpmScript(script: string, args: readonly string[] = [], input = ''): Promise<ScriptResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', script, ...(args.length > 0 ? ['--', ...args] : [])], { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}
