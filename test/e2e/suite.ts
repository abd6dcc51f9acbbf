// Shared set-up of the browser test files: one mirror and one browser per
// describe block, closed afterwards, and the browser list (E2E_BROWSERS=chromium
// runs one browser only while iterating).
import { afterAll, beforeAll } from 'vitest';
import { startMirror, type Mirror, type MirrorOptions } from '../../scripts/mirror';
import { extensionDirFor, launch, type BrowserName, type BrowserSession, type LaunchOptions } from './harness';

export const BROWSERS: BrowserName[] = (process.env.E2E_BROWSERS ?? 'chromium,firefox')
  .split(',')
  .map((s) => s.trim())
  .filter((s): s is BrowserName => s === 'chromium' || s === 'firefox');

export interface SuiteContext {
  mirror: Mirror;
  session: BrowserSession;
}

export function browserSuite(name: BrowserName, mirrorOptions: MirrorOptions = {}, launchOptions: Partial<LaunchOptions> = {}): SuiteContext {
  const ctx = {} as SuiteContext;
  beforeAll(async () => {
    ctx.mirror = await startMirror(mirrorOptions);
    ctx.session = await launch(name, { ...launchOptions, extensionDir: extensionDirFor(name), proxy: ctx.mirror.proxy });
  });
  afterAll(async () => {
    await ctx.session?.close();
    await ctx.mirror?.close();
  });
  return ctx;
}

/** Errors collected so far, then forgotten: each test asserts on its own. */
export function takeErrors(session: BrowserSession): string[] {
  return session.errors.splice(0);
}
