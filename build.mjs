#!/usr/bin/env node
// Builds everything shippable from one manifest and one set of sources:
//   dist/chrome/, dist/firefox/   the unpacked extension for each browser
//   dist/node/                    the Node API and the CLI
//   dist/fact-flags-*.zip         store packages (with --package), byte-identical run to run
// Flags: --watch (rebuild on change), --package (also write the zips), --dev (no minification).
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { zipSync } from 'fflate';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = dirname(fileURLToPath(import.meta.url));
const DIST = join(ROOT, 'dist');
const args = new Set(process.argv.slice(2));
const WATCH = args.has('--watch');
const PACKAGE = args.has('--package');
const MINIFY = !args.has('--dev');

/** Browsers we build for; each gets the same bundles and its own manifest. */
const BROWSERS = ['chrome', 'firefox'];

/** Extension bundles: [output file, candidate sources]. The first source that exists wins; none → skipped with a warning. */
const EXTENSION_ENTRIES = [
  ['background.js', ['src/background/index.ts']],
  ['content.js', ['src/content/index.ts', 'src/content/index.tsx']],
  ['popup.js', ['src/popup/index.tsx', 'src/popup/index.ts']],
  ['options.js', ['src/options/index.tsx', 'src/options/index.ts']],
];

/** Node bundles: [output file, source, banner]. */
const NODE_ENTRIES = [
  ['index.js', 'src/node/index.ts', ''],
  ['cli.js', 'src/node/cli.ts', '#!/usr/bin/env node'],
];

/** Static files copied verbatim into each browser directory: [source dir, destination subdir]. */
const STATIC_DIRS = [
  ['extension', ''],
  ['icons', 'icons'],
];

/** Firefox's minimum: data_collection_permissions needs 140 on desktop and 142 on Android. */
const GECKO = {
  id: 'fact-flags@eureporter-tools',
  strict_min_version: '140.0',
  data_collection_permissions: { required: ['none'] },
};
const GECKO_ANDROID = { strict_min_version: '142.0' };

// Zip entries get this timestamp so that the same inputs give the same bytes.
const ZIP_MTIME = new Date(2024, 0, 1, 0, 0, 0);

const warn = (msg) => console.warn(`build: ${msg}`);

/** The manifest for one browser, derived from the single source manifest.json. */
export function manifestFor(browser, source = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'))) {
  const m = structuredClone(source);
  if (browser === 'firefox') {
    // Firefox runs MV3 backgrounds as event pages (scripts), not service workers.
    m.background = { scripts: [m.background.service_worker] };
    m.browser_specific_settings = { gecko: GECKO, gecko_android: GECKO_ANDROID };
  }
  return m;
}

function firstExisting(candidates) {
  return candidates.find((p) => existsSync(join(ROOT, p)));
}

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

function writeFile(path, contents) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, contents);
}

function copyStatic() {
  for (const browser of BROWSERS) {
    for (const [src, dest] of STATIC_DIRS) {
      const from = join(ROOT, src);
      for (const file of listFiles(from)) writeFile(join(DIST, browser, dest, relative(from, file)), readFileSync(file));
    }
    writeFile(join(DIST, browser, 'manifest.json'), JSON.stringify(manifestFor(browser), null, 2) + '\n');
  }
}

const sizes = new Map();
function recordSize(label, bytes) {
  sizes.set(label, { min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
}
function printSizes() {
  const kb = (n) => (n / 1024).toFixed(1).padStart(7) + ' KB';
  for (const [label, { min, gzip }] of [...sizes].sort()) console.log(`  ${label.padEnd(22)} ${kb(min)} min ${kb(gzip)} gzip`);
}

/** esbuild writes nothing itself; this plugin writes each output into every browser directory. */
function fanOut(outfile) {
  return {
    name: 'fan-out',
    setup(build) {
      build.onEnd((result) => {
        if (result.errors.length) return;
        for (const f of result.outputFiles ?? []) {
          for (const browser of BROWSERS) writeFile(join(DIST, browser, outfile), f.contents);
          recordSize(outfile, f.contents);
        }
        if (WATCH) {
          copyStatic();
          console.log(`build: rebuilt ${outfile}`);
        }
      });
    },
  };
}

/**
 * Preact's only HTML sink is dangerouslySetInnerHTML. The extension never
 * inserts markup (page and reference text go in as text nodes), so the bundles
 * carry no HTML sink at all: the assignment is replaced by a throw. This also
 * keeps `web-ext lint` free of UNSAFE_VAR_ASSIGNMENT warnings.
 */
const PREACT_HTML_SINK = /(\w+)\.innerHTML=(\w+)\.__html/g;
const noHtmlSink = {
  name: 'no-html-sink',
  setup(build) {
    build.onLoad({ filter: /preact[\\/]dist[\\/]preact\.module\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const patched = source.replace(PREACT_HTML_SINK, '(()=>{throw new Error("Fact Flags: dangerouslySetInnerHTML is disabled")})()');
      if (patched === source) warn(`preact's innerHTML sink not found in ${relative(ROOT, args.path)}: check the no-html-sink plugin`);
      return { contents: patched, loader: 'js' };
    });
  },
};

/** Where generated inputs live between builds (dist/ is git-ignored). */
const GENERATED = join(DIST, '.generated');
const SNAPSHOT_ENTRY = 'scripts/gen-cldr-snapshot.ts';

/**
 * The engine's Intl-derived data for every edition language (src/core/cldr-snapshot.ts),
 * derived here by the engine's own code under Node's full ICU, as JSON text for the
 * background bundle: Chromium's trimmed ICU lacks a third of the editions. Deriving
 * takes seconds, so the JSON is kept and reused while the bundled generator (the
 * engine's code, byte for byte) and Node's ICU are the same.
 */
async function cldrSnapshot() {
  const started = performance.now();
  const bundled = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [SNAPSHOT_ENTRY],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'warning',
  });
  const code = bundled.outputFiles[0].contents;
  const { icu, cldr, unicode } = process.versions;
  const key = createHash('sha256').update(code).update(`icu ${icu} cldr ${cldr} unicode ${unicode}`).digest('hex');
  const jsonFile = join(GENERATED, 'cldr-snapshot.json');
  const keyFile = join(GENERATED, 'cldr-snapshot.key');
  if (existsSync(jsonFile) && existsSync(keyFile) && readFileSync(keyFile, 'utf8') === key) return readFileSync(jsonFile, 'utf8');
  const script = join(GENERATED, `gen-cldr-snapshot-${key.slice(0, 16)}.mjs`);
  writeFile(script, code);
  try {
    const { snapshot } = await import(pathToFileURL(script).href);
    const packed = snapshot();
    const json = JSON.stringify(packed);
    writeFile(jsonFile, json);
    writeFile(keyFile, key);
    // What the bundle carries: the per-language JSON texts, unescaped.
    const data = [...Object.values(packed.vocab), ...Object.values(packed.names)].join('\n');
    const kb = (n) => (n / 1024).toFixed(0) + ' KB';
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`build: CLDR snapshot (ICU ${icu}) in ${seconds} s: ${kb(Buffer.byteLength(data))} raw, ${kb(gzipSync(data, { level: 9 }).length)} gzip`);
    return json;
  } finally {
    rmSync(script, { force: true });
  }
}

function extensionOptions(outfile, entry, define) {
  return {
    define,
    absWorkingDir: ROOT,
    entryPoints: [entry],
    outfile: join(DIST, 'chrome', outfile),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome111', 'firefox140'],
    minify: MINIFY,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'warning',
    plugins: [noHtmlSink, fanOut(outfile)],
  };
}

function nodeOptions(outfile, entry, banner) {
  return {
    absWorkingDir: ROOT,
    entryPoints: [entry],
    outfile: join(DIST, 'node', outfile),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Runtime dependencies are declared in package.json; the package resolves them itself.
    packages: 'external',
    minify: MINIFY,
    legalComments: 'none',
    charset: 'utf8',
    banner: banner ? { js: banner } : undefined,
    logLevel: 'warning',
    metafile: true,
  };
}

function buildJobs(snapshot) {
  const jobs = [];
  for (const [outfile, candidates] of EXTENSION_ENTRIES) {
    const entry = firstExisting(candidates);
    // Only the background runs the engine's checks; src/background/cldr.ts reads the snapshot.
    // The snapshot is a JSON object whose values are JSON texts: the bundle holds it as an object literal of strings.
    const define = outfile === 'background.js' ? { CLDR_SNAPSHOT: snapshot } : undefined;
    if (entry) jobs.push({ label: outfile, options: extensionOptions(outfile, entry, define) });
    else warn(`skipping ${outfile}: none of ${candidates.join(', ')} exists yet`);
  }
  for (const [outfile, entry, banner] of NODE_ENTRIES) {
    if (existsSync(join(ROOT, entry))) jobs.push({ label: `node/${outfile}`, options: nodeOptions(outfile, entry, banner) });
    else warn(`skipping node/${outfile}: ${entry} does not exist yet`);
  }
  return jobs;
}

async function buildOnce(jobs) {
  const results = await Promise.allSettled(jobs.map((j) => esbuild.build(j.options)));
  let failed = 0;
  results.forEach((r, i) => {
    if (r.status === 'rejected') {
      failed++;
      console.error(`build: ${jobs[i].label} failed`);
      return;
    }
    if (jobs[i].label.startsWith('node/')) {
      for (const out of Object.keys(r.value.metafile.outputs)) recordSize(jobs[i].label, readFileSync(join(ROOT, out)));
    }
  });
  return failed;
}

/** Deterministic zip of one directory: sorted entries, fixed timestamps, fixed compression level. */
export function zipDirectory(dir) {
  const files = listFiles(dir)
    .map((f) => relative(dir, f).split(sep).join('/'))
    .sort();
  const entries = {};
  for (const name of files) entries[name] = [new Uint8Array(readFileSync(join(dir, name))), { mtime: ZIP_MTIME, level: 9 }];
  return zipSync(entries);
}

function packageZips() {
  for (const browser of BROWSERS) {
    const out = join(DIST, `fact-flags-${browser}.zip`);
    writeFileSync(out, zipDirectory(join(DIST, browser)));
    console.log(`  ${relative(ROOT, out)} ${(statSync(out).size / 1024).toFixed(1)} KB`);
  }
}

async function main() {
  for (const browser of BROWSERS) rmSync(join(DIST, browser), { recursive: true, force: true });
  copyStatic();
  // In --watch mode the snapshot is taken once, at start: restart after changing the vocabulary code.
  const jobs = buildJobs(await cldrSnapshot());
  if (WATCH) {
    const contexts = await Promise.all(jobs.map((j) => esbuild.context(j.options)));
    await Promise.all(contexts.map((c) => c.watch()));
    console.log('build: watching for changes (Ctrl-C to stop)');
    return;
  }
  const failed = await buildOnce(jobs);
  console.log(`build: ${MINIFY ? 'minified' : 'development'} bundles`);
  printSizes();
  if (PACKAGE && !failed) packageZips();
  if (failed) process.exitCode = 1;
}

// Run only when invoked as a script, so tests can import manifestFor and zipDirectory.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
