// The flags, grouped by paragraph, each showing the flagged text in its
// sentence and what every reference says there. Activating one reveals it on the page.
import type { Flag, Report } from '../core/types';
import { t, formatNumber, uiLanguage, type MessageKey } from '../ui/i18n';
import { intlTag } from '../site/editions';
import { languageName } from '../ui/languages';
import { excerpt } from '../ui/excerpt';

const KIND_LABEL: Record<Flag['kind'], MessageKey> = {
  figure: 'kind_figure',
  order: 'kind_order',
  missing: 'kind_missing',
  name: 'kind_name',
};

interface Group {
  paragraph: number;
  /** Flags with their index in report.flags, which is what reveal-flag addresses. */
  flags: { flag: Flag; index: number }[];
}

/** Groups in reading order; flags inside a group by position. */
export function groupByParagraph(flags: readonly Flag[]): Group[] {
  const groups = new Map<number, Group>();
  flags.forEach((flag, index) => {
    const group = groups.get(flag.paragraph) ?? { paragraph: flag.paragraph, flags: [] };
    group.flags.push({ flag, index });
    groups.set(flag.paragraph, group);
  });
  const sorted = [...groups.values()].sort((a, b) => a.paragraph - b.paragraph);
  for (const g of sorted) g.flags.sort((a, b) => a.flag.start - b.flag.start || a.index - b.index);
  return sorted;
}

const paragraphTitle = (p: number) => (p === 0 ? t('paragraphHeadline') : t('paragraphN', formatNumber(p)));

/** A reference's words, with what it says at the flagged place marked when the engine located it. */
function Quote({ text, start, end }: { text: string; start?: number; end?: number }) {
  if (start === undefined || end === undefined || start < 0 || end <= start || end > text.length) return <>{text}</>;
  return (
    <>
      {text.slice(0, start)}
      <mark class="evidence-figure">{text.slice(start, end)}</mark>
      {text.slice(end)}
    </>
  );
}

function FlagItem({ flag, paragraph, lang, onReveal }: { flag: Flag; paragraph: string; lang: string; onReveal: () => void }) {
  const cut = excerpt(paragraph, flag.start, flag.end, lang);
  const ui = uiLanguage();
  return (
    <li class={`flag flag-${flag.kind}`}>
      <button type="button" class="flag-reveal" onClick={onReveal} title={t('revealFlag')}>
        <span class="flag-kind">{t(KIND_LABEL[flag.kind])}</span>
        <span class="flag-sentence" lang={intlTag(lang)} dir="auto">
          {cut.before}
          {cut.figure ? (
            <mark>{cut.figure}</mark>
          ) : (
            <mark class="flag-gap">
              <span aria-hidden="true">⁁</span>
              <span class="sr-only">{t('missingHere')}</span>
            </mark>
          )}
          {cut.after}
        </span>
      </button>
      {flag.evidence.length > 0 && (
        <div role="group" aria-label={t('evidenceLabel')}>
          <dl class="evidence">
            {flag.evidence.map((e) => (
              <div class="evidence-row" key={e.lang}>
                <dt>{languageName(e.lang, ui)}</dt>
                <dd lang={intlTag(e.lang)} dir="auto">
                  <Quote text={e.text} start={e.start} end={e.end} />
                </dd>
              </div>
            ))}
          </dl>
        </div>
      )}
    </li>
  );
}

export function FlagList({ report, onReveal }: { report: Report; onReveal: (index: number) => void }) {
  if (report.flags.length === 0) return null;
  return (
    <section class="flags" aria-labelledby="flags-heading">
      <h2 id="flags-heading">{t('flagsHeading')}</h2>
      {groupByParagraph(report.flags).map((g) => (
        <section class="flag-group" key={g.paragraph} aria-labelledby={`para-${g.paragraph}`}>
          <h3 id={`para-${g.paragraph}`}>{paragraphTitle(g.paragraph)}</h3>
          <ul>
            {g.flags.map(({ flag, index }) => (
              <FlagItem
                key={index}
                flag={flag}
                paragraph={report.paragraphs[flag.paragraph] ?? flag.text}
                lang={report.lang}
                onReveal={() => onReveal(index)}
              />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
