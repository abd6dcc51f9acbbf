// The engine's public API: what the content script, the Node API and the CLI
// import. Everything here is pure (no DOM, no extension API) and runs unchanged
// in the browser and in Node.
export type * from './types';
export { parseHtml } from './html';
export type { HtmlElement, HtmlNode, HtmlText } from './html';
export { extractArticle, pageLang, canonicalUrl } from './extract';
export type { Extraction, ParagraphSource, SourceSegment } from './extract';
export { extractFigures } from './figures';
export { extractNames, findName } from './names';
export { alignParagraphs } from './align';
export type { Bead, ParagraphShape } from './align';
export { checkArticles } from './check';
export { describeFigure } from './wording';
