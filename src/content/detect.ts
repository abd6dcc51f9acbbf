// Is this page an EU Reporter article, and which editions does it announce?
// URL rules and extraction live in src/site and src/core; this only applies
// them to a Document.
import { extractArticle, type Extraction } from '../core/extract';
import type { Lang } from '../core/types';
import { discoverSiblings } from '../site/siblings';
import { isArticlePath, isEuReporterUrl } from '../site/urls';
import { domToTree } from './dom-tree';

export type Detection =
  | { kind: 'not-eureporter' }
  | { kind: 'not-article' }
  | { kind: 'article'; extraction: Extraction; siblings: ReadonlySet<Lang> };

/**
 * Detects in steps, ending the task between them (`pause`), so a long page
 * never holds the main thread for the whole walk at once. The tree keeps live
 * Text nodes; marks later check that they are unchanged.
 */
export async function detectArticle(doc: Document, url: string, pause: () => Promise<void>): Promise<Detection> {
  if (!isEuReporterUrl(url)) return { kind: 'not-eureporter' };
  if (!isArticlePath(url) || !doc.documentElement) return { kind: 'not-article' };
  const tree = domToTree(doc.documentElement);
  await pause();
  const extraction = extractArticle(tree, url);
  if (!extraction) return { kind: 'not-article' };
  await pause();
  return { kind: 'article', extraction, siblings: new Set(discoverSiblings(tree, url).keys()) };
}
