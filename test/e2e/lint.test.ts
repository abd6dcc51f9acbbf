// Store readiness for Firefox: Mozilla's linter on the built extension, no errors, no warnings.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from './harness';

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}

describe('web-ext lint dist/firefox', () => {
  it('reports 0 errors and 0 warnings', async () => {
    const bin = join(ROOT, 'node_modules', '.bin', 'web-ext');
    // web-ext exits non-zero on errors; the JSON report is on stdout either way.
    const out = await promisify(execFile)(bin, ['lint', '--source-dir', join(ROOT, 'dist', 'firefox'), '--output', 'json', '--no-input'], {
      cwd: ROOT,
      maxBuffer: 16 * 1024 * 1024,
    }).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }));
    const report = JSON.parse(out.stdout) as { count: number; errors: LintMessage[]; warnings: LintMessage[]; notices: LintMessage[] };
    const brief = (ms: LintMessage[]) => ms.map((m) => `${m.code} ${m.file ?? ''}: ${m.message}`);
    expect(brief(report.errors)).toEqual([]);
    expect(brief(report.warnings)).toEqual([]);
  });
});
