// The compact banner above the article: progress while editions load, then
// "3 figures differ from the English, French and German editions" (or that
// none do), and every edition that could not be compared. Dismissible. In an
// open shadow root on #fact-flags-banner, so page CSS cannot touch it and tests
// can read it.
import type { Lang } from '../core/types';
import type { EditionProgress } from '../shared/messages';
import { dirOf, h, style } from './dom';
import { differText, failureText, langList, t, uiLanguage } from './text';

export const BANNER_ID = 'fact-flags-banner';

export interface BannerModel {
  phase: 'checking' | 'done' | 'error';
  editions: EditionProgress[];
  /** Flags by family, once done: figures (figure, order, missing) and names. */
  figures: number;
  names: number;
}

const BANNER_CSS = `
:host { all: initial; display: block; margin: 0 0 1em; }
.banner { display: flex; align-items: flex-start; gap: 10px; box-sizing: border-box; padding: 8px 12px;
  border-radius: 8px; border: 1px solid #d6d3d1; background: #fafaf9; color: #1c1917;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; }
.banner.flagged { border-color: #fdba74; background: #fff7ed; }
.icon { flex: none; width: 18px; height: 18px; margin-top: 1px; border-radius: 50%; background: #1d4ed8; color: #fff;
  font: bold 12px/18px system-ui, sans-serif; text-align: center; }
.icon::before { content: "i"; }
.flagged .icon { background: #c2410c; }
.flagged .icon::before { content: "!"; }
.body { flex: 1; min-width: 0; }
.summary { font-weight: 600; }
.detail { font-size: 12px; color: #57534e; }
.detail span + span::before { content: " · "; }
.dismiss { all: unset; cursor: pointer; width: 24px; height: 24px; text-align: center; line-height: 24px; border-radius: 6px; font-size: 18px; }
.dismiss::before { content: "×"; }
.dismiss:hover, .dismiss:focus-visible { background: rgba(0,0,0,.08); outline: 2px solid #ea580c; }
@media (prefers-color-scheme: dark) {
  .banner { background: #1c1917; color: #f5f5f4; border-color: #44403c; }
  .banner.flagged { background: #431407; border-color: #9a3412; }
  .detail { color: #d6d3d1; } .dismiss:hover, .dismiss:focus-visible { background: rgba(255,255,255,.12); }
}
`;

const failed = (e: EditionProgress) => e.state === 'error' || e.state === 'mismatch';

/** The banner's two lines for a model: the summary and the per-edition details. */
export function bannerText(m: BannerModel): { summary: string; details: string[] } {
  const langs: Lang[] = m.editions.map((e) => e.lang);
  const compared = m.editions.filter((e) => e.state === 'ok').map((e) => e.lang);
  const failures = m.editions.filter(failed).map((e) => failureText(e.lang, e.reason));
  if (m.phase === 'checking') {
    const loaded = m.editions.filter((e) => e.state !== 'pending' && e.state !== 'loading').length;
    return { summary: t('content_banner_checking', langList(langs)), details: [t('content_banner_progress', String(loaded), String(langs.length)), ...failures] };
  }
  if (m.phase === 'error') return { summary: t('content_banner_error'), details: failures };
  if (compared.length === 0) return { summary: t('content_banner_no_refs'), details: failures };
  const summary = m.figures + m.names > 0 ? differText(m.figures, m.names, compared) : t('content_banner_agree', langList(compared));
  return { summary, details: failures };
}

export interface Banner {
  /** Renders the model, (re)inserting the banner before `anchor` unless the reader dismissed it. */
  render(m: BannerModel, anchor: Element | null): void;
  remove(): void;
  readonly host: HTMLElement;
}

export function createBanner(doc: Document): Banner {
  const host = doc.createElement('div');
  host.id = BANNER_ID;
  host.setAttribute('style', 'all: initial; display: block; margin: 0 0 1em;');
  const root = host.attachShadow({ mode: 'open' });
  const ui = uiLanguage();
  // A stable live region whose text changes, so screen readers announce each step.
  const icon = h(doc, 'span', { class: 'icon', 'aria-hidden': 'true' });
  const summaryEl = h(doc, 'div', { class: 'summary' });
  const detailEl = h(doc, 'div', { class: 'detail' });
  // Glyphs come from CSS so the banner's text is only what it says.
  const dismiss = h(doc, 'button', { class: 'dismiss', type: 'button', 'aria-label': t('content_dismiss'), title: t('content_dismiss') });
  const box = h(doc, 'div', { class: 'banner', role: 'status', 'aria-live': 'polite', lang: ui, dir: dirOf(ui) }, icon, h(doc, 'div', { class: 'body' }, summaryEl, detailEl), dismiss);
  root.append(style(doc, BANNER_CSS), box);
  let dismissed = false;
  dismiss.addEventListener('click', () => {
    dismissed = true;
    host.remove();
  });

  function place(anchor: Element | null): void {
    if (anchor?.parentNode) {
      if (host.nextSibling !== anchor) anchor.parentNode.insertBefore(host, anchor);
    } else if (!host.isConnected) {
      const body = doc.body ?? doc.documentElement;
      body.insertBefore(host, body.firstChild);
    }
  }

  return {
    host,
    render(m, anchor) {
      if (dismissed) return;
      const { summary, details } = bannerText(m);
      const flagged = m.phase === 'done' && m.figures + m.names > 0;
      host.dataset.phase = m.phase;
      host.setAttribute('aria-label', [summary, ...details].join('. '));
      box.className = flagged ? 'banner flagged' : 'banner';
      summaryEl.textContent = summary;
      detailEl.replaceChildren(...details.map((d) => h(doc, 'span', {}, d)));
      detailEl.hidden = details.length === 0;
      place(anchor);
    },
    remove() {
      host.remove();
    },
  };
}
