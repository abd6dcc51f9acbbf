#!/usr/bin/env node
// First step of `npm start` and `npm test` on any machine: make sure the npm
// dependencies and the two browsers are there. Node built-ins only, because it
// runs before node_modules exists.
//   - node_modules missing → `npm ci`
//   - Chromium or Firefox ESR missing → as root: apt-get install them;
//     otherwise print the one command that does, and exit non-zero.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Each browser: where the tests look for it (overridable) and the Debian package that provides it. */
const BROWSERS = [
  { name: 'Chromium', path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', pkg: 'chromium' },
  { name: 'Firefox ESR', path: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', pkg: 'firefox-esr' },
];

function run(cmd, args) {
  console.log(`setup: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`setup: \`${cmd} ${args.join(' ')}\` failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
}

function ensureNodeModules() {
  // A marker from each kind of dependency: if any is absent the install is incomplete.
  const markers = ['puppeteer-core', 'esbuild', 'vitest', 'selfsigned'].map((p) => join(ROOT, 'node_modules', p, 'package.json'));
  if (markers.every(existsSync)) return;
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

function ensureBrowsers() {
  const missing = BROWSERS.filter((b) => !existsSync(b.path));
  if (missing.length === 0) return;
  const pkgs = missing.map((b) => b.pkg);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    run('apt-get', ['update']);
    run('apt-get', ['install', '-y', ...pkgs]);
    return;
  }
  console.error(`setup: ${missing.map((b) => `${b.name} (${b.path})`).join(' and ')} not found. Install with:\n\n  sudo apt-get update && sudo apt-get install -y ${pkgs.join(' ')}\n`);
  console.error('setup: or point CHROMIUM_PATH / FIREFOX_PATH at existing binaries.');
  process.exit(1);
}

ensureNodeModules();
ensureBrowsers();
console.log('setup: dependencies and browsers are in place');
