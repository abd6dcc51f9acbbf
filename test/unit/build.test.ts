// build.mjs: one manifest in, a Chrome and a Firefox manifest out, and store
// zips that are byte-identical for identical inputs.
import { mkdtempSync, writeFileSync, mkdirSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error build.mjs is plain JavaScript without declarations
import { manifestFor, zipDirectory } from '../../build.mjs';

describe('manifests', () => {
  it('Chrome keeps the source manifest: a service worker, storage and the EU Reporter hosts only', () => {
    const m = manifestFor('chrome');
    expect(m.manifest_version).toBe(3);
    expect(m.background).toEqual({ service_worker: 'background.js' });
    expect(m.permissions).toEqual(['storage']);
    expect(m.host_permissions).toEqual(['*://*.eureporter.co/*']);
    expect(m.content_security_policy.extension_pages).toBe("script-src 'self'; object-src 'none'");
    expect(m.browser_specific_settings).toBeUndefined();
  });

  it('Firefox gets background scripts, a gecko id and "no data collected"', () => {
    const m = manifestFor('firefox');
    expect(m.background).toEqual({ scripts: ['background.js'] });
    expect(m.browser_specific_settings.gecko).toMatchObject({ id: expect.stringMatching(/@/), strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } });
  });
});

describe('zips', () => {
  it('are byte-identical for the same files whatever their timestamps and creation order', () => {
    const make = (order: string[], mtime: number) => {
      const dir = mkdtempSync(join(tmpdir(), 'ff-zip-'));
      mkdirSync(join(dir, 'icons'));
      for (const name of order) {
        writeFileSync(join(dir, name), `contents of ${name}`);
        utimesSync(join(dir, name), mtime, mtime);
      }
      return zipDirectory(dir);
    };
    const a = make(['manifest.json', 'icons/a.png', 'content.js'], 1_000_000);
    const b = make(['content.js', 'icons/a.png', 'manifest.json'], 2_000_000);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(make(['manifest.json'], 1)).equals(Buffer.from(a))).toBe(false);
  });
});
