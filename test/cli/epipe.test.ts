import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// These run the built binary (dist/cli/bin.js, from `npm run build`), as a shell pipeline would.
const bin = new URL('../../dist/cli/bin.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'mca-cli-epipe-'));
// About a megabyte of JSON report: far more than a pipe holds, so the writer is still writing when the reader goes.
const many = join(dir, 'many.json');
writeFileSync(many, JSON.stringify({ version: '7.2', screens: Array.from({ length: 1500 }, () => ({})) }));

function exitOf(child: ReturnType<typeof spawn>): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = '';
  child.stderr!.on('data', (c) => (stderr += c));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
}

describe('a reader that closes stdout early', () => {
  it('--help into a stdout closed before the first write: exit 0, nothing on stderr', async () => {
    const child = spawn(process.execPath, [bin, '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.destroy();
    expect(await exitOf(child)).toEqual({ code: 0, signal: null, stderr: '' });
  });

  it('validate with a megabyte of output, the reader gone after the first chunk: the command\'s exit code (1), no stack', async () => {
    const child = spawn(process.execPath, [bin, 'validate', '--json', many], { stdio: ['ignore', 'pipe', 'pipe'] });
    let chunks = 0;
    child.stdout!.on('data', () => {
      chunks++;
      child.stdout!.destroy();
    });
    const result = await exitOf(child);
    expect(chunks).toBe(1);
    expect(result).toEqual({ code: 1, signal: null, stderr: '' });
  });

  it('meta-cloud-api --help | head -1 exits 0 (pipefail) with no stack', async () => {
    const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) =>
      execFile('bash', ['-c', `set -o pipefail; "${process.execPath}" "${bin}" --help | head -1 && "${process.execPath}" "${bin}" validate --json "${many}" | head -c 10; echo " rc=$?"`], (error, stdout, stderr) =>
        error ? reject(error) : resolve({ stdout, stderr }),
      ),
    );
    expect(stdout).toMatch(/^meta-cloud-api \d+\.\d+\.\d+: WhatsApp Flows from the command line\n\{\n {2}"valid rc=1\n$/);
    expect(stderr).toBe('');
  });
});
