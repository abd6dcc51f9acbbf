// Store readiness: Mozilla's linter on the Firefox build, Chrome's own manifest
// checks on the Chrome build, and store packages that are byte-identical run to run.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import puppeteer from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { CHROMIUM, ROOT } from './harness';

const run = promisify(execFile);

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}

describe('web-ext lint dist/firefox', () => {
  it('reports 0 errors and 0 warnings', async () => {
    const bin = join(ROOT, 'node_modules', '.bin', 'web-ext');
    // web-ext exits non-zero on errors; the JSON report is on stdout either way.
    const out = await run(bin, ['lint', '--source-dir', join(ROOT, 'dist', 'firefox'), '--output', 'json', '--no-input'], {
      cwd: ROOT,
      maxBuffer: 16 * 1024 * 1024,
    }).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }));
    const report = JSON.parse(out.stdout) as { count: number; errors: LintMessage[]; warnings: LintMessage[]; notices: LintMessage[] };
    const brief = (ms: LintMessage[]) => ms.map((m) => `${m.code} ${m.file ?? ''}: ${m.message}`);
    expect(brief(report.errors)).toEqual([]);
    expect(brief(report.warnings)).toEqual([]);
  });
});

interface ExtensionInfo {
  name: string;
  location: string;
  installWarnings: string[];
  manifestErrors: { manifestKey: string; message: string }[];
}

describe('Chrome package', () => {
  it('loads in Chromium with no install warnings and no manifest errors', async () => {
    const browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      pipe: true,
      enableExtensions: [join(ROOT, 'dist', 'chrome')],
      args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND', '--disable-background-networking', '--disable-component-update'],
    });
    try {
      const page = await browser.newPage();
      await page.goto('chrome://extensions/');
      // chrome://extensions reads what it shows through developerPrivate; manifest errors are listed only in developer mode.
      const info = (await page.evaluate(async () => {
        const dev = (globalThis as unknown as { chrome: { developerPrivate: Record<string, (...a: unknown[]) => void> } }).chrome.developerPrivate;
        await new Promise((res) => dev.updateProfileConfiguration({ inDeveloperMode: true }, res));
        return new Promise((res) => dev.getExtensionsInfo({ includeDisabled: true, includeTerminated: true }, res));
      })) as ExtensionInfo[];
      const ours = info.find((i) => i.location === 'UNPACKED');
      expect(ours?.name).toBe('Fact Flags');
      expect(ours?.installWarnings).toEqual([]);
      expect(ours?.manifestErrors.map((e) => `${e.manifestKey}: ${e.message}`)).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe('npm run package', () => {
  it('writes byte-identical store zips twice in a row', async () => {
    const zips = () => ['chrome', 'firefox'].map((b) => readFileSync(join(ROOT, 'dist', `fact-flags-${b}.zip`)));
    await run(process.execPath, ['build.mjs', '--package'], { cwd: ROOT });
    const first = zips();
    await run(process.execPath, ['build.mjs', '--package'], { cwd: ROOT });
    const second = zips();
    expect(first[0].length).toBeGreaterThan(10_000);
    expect(second[0].equals(first[0])).toBe(true);
    expect(second[1].equals(first[1])).toBe(true);
  });
});
