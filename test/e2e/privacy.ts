// Which requests seen by the mirror's proxy the extension could have made.
// The browsers themselves call home (update checks, clock, settings sync) even
// with background networking off; those hosts are listed exactly, by name, so
// that anything the extension sent elsewhere — an analytics host, a beacon from
// a reference page — still fails the test.
import type { RecordedRequest } from '../../scripts/mirror';

/** Hosts Chromium 156 and Firefox ESR 153 contact on their own, observed with no extension installed. */
export const BROWSER_OWN_HOSTS: ReadonlySet<string> = new Set([
  'accounts.google.com',
  'clients2.google.com',
  'update.googleapis.com',
  'optimizationguide-pa.googleapis.com',
  'content-autofill.googleapis.com',
  'firefox.settings.services.mozilla.com',
  'content-signature-2.cdn.mozilla.net',
  'push.services.mozilla.com',
  'location.services.mozilla.com',
  'detectportal.firefox.com',
  'incoming.telemetry.mozilla.org',
  'safebrowsing.googleapis.com',
]);

export const isSiteHost = (host: string) => host === 'eureporter.co' || host.endsWith('.eureporter.co');

/** Requests to neither EU Reporter nor the browser's own services. */
export const offsiteRequests = (requests: readonly RecordedRequest[]) =>
  requests.filter((r) => !isSiteHost(r.host) && !BROWSER_OWN_HOSTS.has(r.host));

/** Page furniture the browser loads for the page itself (images, icons), as opposed to edition fetches. */
export const isSubresource = (r: RecordedRequest) => r.path.startsWith('/wp-content/') || r.path === '/favicon.ico';

/** EU Reporter requests that were not for one of `allowedPaths` nor page furniture. */
export const unexpectedSiteRequests = (requests: readonly RecordedRequest[], allowedPaths: ReadonlySet<string>) =>
  requests.filter((r) => isSiteHost(r.host) && !isSubresource(r) && !allowedPaths.has(r.path));
