// One line per reference edition: its language, how far its fetch got and how
// many of its figures agreed with this edition.
import type { Report } from '../core/types';
import type { EditionProgress, EditionState } from '../shared/messages';
import { reasonText } from '../content/text';
import { t, formatNumber, uiLanguage, type MessageKey } from '../ui/i18n';
import { languageName } from '../ui/languages';

const STATE_LABEL: Record<EditionState, MessageKey> = {
  pending: 'edition_pending',
  loading: 'edition_loading',
  ok: 'edition_ok',
  error: 'edition_error',
  mismatch: 'edition_mismatch',
};

/**
 * The tab's live progress when it has any, completed with the finished
 * report's agreement counts; without progress, what the report says about its references.
 */
export function editionRows(editions: readonly EditionProgress[], report?: Report): EditionProgress[] {
  const refs = new Map((report?.references ?? []).map((r) => [r.lang, r]));
  if (editions.length === 0) {
    return [...refs.values()].map((r) => ({ lang: r.lang, url: r.url, state: r.status, reason: r.reason, compared: r.compared, agreed: r.agreed }));
  }
  return editions.map((e) => {
    const r = refs.get(e.lang);
    return r && e.compared === undefined ? { ...e, compared: r.compared, agreed: r.agreed, reason: e.reason ?? r.reason } : { ...e };
  });
}

/** What to say after the language: the agreement once compared, else the state and any reason. */
function stateText(e: EditionProgress): string {
  if (e.state === 'ok' && e.compared !== undefined) return t('agreedCount', formatNumber(e.agreed ?? 0), formatNumber(e.compared));
  const label = t(STATE_LABEL[e.state]);
  return e.reason ? `${label} · ${reasonText(e.reason)}` : label;
}

export function EditionList({ editions }: { editions: EditionProgress[] }) {
  if (editions.length === 0) return null;
  const ui = uiLanguage();
  return (
    <section class="editions" aria-labelledby="editions-heading">
      <h2 id="editions-heading">{t('editionsHeading')}</h2>
      <ul>
        {editions.map((e) => (
          <li key={e.lang} class={`edition edition-${e.state}`}>
            <span class="edition-name">{languageName(e.lang, ui)}</span>
            <span class="edition-state">
              <span class="dot" aria-hidden="true" />
              {stateText(e)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
