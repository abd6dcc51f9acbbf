// The toolbar popup: where the active tab's check stands, its flags and its references.
import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Report } from '../core/types';
import type { EditionProgress } from '../shared/messages';
import { t, tPlural, formatList, formatNumber, uiLanguage, type MessageKey } from '../ui/i18n';
import { languageName } from '../ui/languages';
import { EditionList, editionRows } from './Editions';
import { FlagList } from './Flags';
import { isEuReporterUrl } from '../site/urls';
import { useTabState, type ViewPhase } from './tab-state';

const PHASE_TEXT: Record<Exclude<ViewPhase, 'done'>, MessageKey> = {
  loading: 'status_loading',
  idle: 'status_idle',
  'not-eureporter': 'status_notEureporter',
  'not-article': 'status_notArticle',
  checking: 'status_checking',
  error: 'status_error',
};

const settled = (e: EditionProgress) => e.state !== 'pending' && e.state !== 'loading';

function doneSummary(report: Report | undefined): string[] {
  if (!report) return [t('status_error')];
  const ui = uiLanguage();
  const compared = report.references.filter((r) => r.status === 'ok').map((r) => languageName(r.lang, ui));
  if (compared.length === 0) return [t('noReferences')];
  const found = report.flags.length === 0 ? t('noFlags') : tPlural('found', report.flags.length);
  return [found, t('comparedWith', formatList(compared))];
}

function statusLines(phase: ViewPhase, editions: EditionProgress[], report?: Report): string[] {
  if (phase === 'done') return doneSummary(report);
  if (phase === 'checking' && editions.length > 0) {
    return [t(PHASE_TEXT.checking), t('progress', formatNumber(editions.filter(settled).length), formatNumber(editions.length))];
  }
  return [t(PHASE_TEXT[phase])];
}

export function Popup() {
  const { tab, state, phase, send } = useTabState();
  const [unreachable, setUnreachable] = useState(false);
  const editions = editionRows(state?.editions ?? [], state?.report);
  const report = phase === 'done' ? state?.report : undefined;
  const pageUrl = state?.url || tab?.url;
  const onEuReporter = !!pageUrl && isEuReporterUrl(pageUrl);
  const canCheckNow = onEuReporter && (phase === 'not-article' || phase === 'idle');
  const canRecheck = phase === 'done' || phase === 'error';

  const command = async (type: 'recheck' | 'check-now') => setUnreachable(!(await send({ type })));
  const reveal = async (index: number) => {
    if (await send({ type: 'reveal-flag', index })) window.close();
    else setUnreachable(true);
  };
  const flagged = (report?.flags.length ?? 0) > 0;

  return (
    <main class={`popup phase-${phase}`}>
      <header class="bar">
        <h1>{t('extName')}</h1>
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
      </header>
      <div class={`status${flagged ? ' status-flagged' : ''}`} role="status" aria-live="polite" aria-busy={phase === 'checking'}>
        {statusLines(phase, editions, report).map((line, i) => (
          <p key={i} class={i === 0 ? 'status-main' : 'status-more'}>
            {line}
          </p>
        ))}
        {phase === 'checking' && <progress max={editions.length || undefined} value={editions.length ? editions.filter(settled).length : undefined} aria-hidden="true" />}
      </div>
      {unreachable && (
        <p class="notice" role="alert">
          {t('tabUnreachable')}
        </p>
      )}
      {(canCheckNow || canRecheck) && (
        <div class="actions">
          {canCheckNow && (
            <button type="button" class="primary" onClick={() => void command('check-now')}>
              {t('checkNow')}
            </button>
          )}
          {canRecheck && (
            <button type="button" onClick={() => void command('recheck')}>
              {t('recheck')}
            </button>
          )}
        </div>
      )}
      {report && <FlagList report={report} onReveal={reveal} />}
      <EditionList editions={editions} />
    </main>
  );
}
