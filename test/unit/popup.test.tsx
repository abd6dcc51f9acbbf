// @vitest-environment happy-dom
// The popup rendered from TabState fixtures, against an in-memory `browser`.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Report } from '../../src/core/types';
import type { TabState } from '../../src/shared/messages';
import { fake, pushFromTab, resetFake } from './ui-fake-browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./ui-fake-browser')).fakeBrowser }));

const { Popup } = await import('../../src/popup/Popup');
const { excerpt } = await import('../../src/ui/excerpt');
const { groupByParagraph } = await import('../../src/popup/Flags');
const { viewPhase } = await import('../../src/popup/tab-state');
const { editionRows } = await import('../../src/popup/Editions');

const URL_AZ = 'https://az.eureporter.co/belgium/2024/10/20/kazakhstan-and-belgium/';

const paragraphs = [
  'Qazaxıstan və Belçika siyasi məsləhətləşmələr aparırlar',
  'Nazir müavini oktyabrın 18-də Brüsseldə olub. Ticarət dövriyyəsi 303% artıb. Sonra danışıqlar davam edib.',
  'İxrac 2022 milyon dollar, idxal 1,7 milyon dollar təşkil edib.',
];
/** Offsets of `text` in paragraph `p`, as the engine reports them. */
const at = (p: number, text: string) => {
  const start = paragraphs[p]!.indexOf(text);
  return { paragraph: p, start, end: start + text.length, text };
};

const report: Report = {
  lang: 'az',
  paragraphs,
  references: [
    { url: 'https://sw.eureporter.co/x/', lang: 'sw', status: 'ok', compared: 6, agreed: 2 },
    { url: 'https://fr.eureporter.co/x/', lang: 'fr', status: 'error', reason: 'not reachable' },
  ],
  flags: [
    { kind: 'figure', ...at(2, '2022 milyon dollar'), message: 'm', evidence: [{ lang: 'sw', text: 'dola milioni 220.7' }] },
    { kind: 'figure', ...at(1, '303%'), message: 'm', evidence: [{ lang: 'sw', text: 'asilimia 1.7', start: 9, end: 12 }] },
    { kind: 'missing', ...at(2, ''), start: 61, end: 61, message: 'm', evidence: [{ lang: 'sw', text: 'dola milioni 303' }] },
  ],
};

const done: TabState = {
  phase: 'done',
  url: URL_AZ,
  lang: 'az',
  editions: [
    { lang: 'sw', url: 'https://sw.eureporter.co/x/', state: 'ok', compared: 6, agreed: 2 },
    { lang: 'fr', url: 'https://fr.eureporter.co/x/', state: 'error', reason: 'not reachable' },
  ],
  report,
};

const checking: TabState = {
  phase: 'checking',
  url: URL_AZ,
  lang: 'az',
  editions: [
    { lang: 'en', url: 'https://www.eureporter.co/x/', state: 'ok' },
    { lang: 'fr', url: 'https://fr.eureporter.co/x/', state: 'loading' },
    { lang: 'de', url: 'https://de.eureporter.co/x/', state: 'pending' },
  ],
};

const status = () => screen.getByRole('status');

beforeEach(() => {
  vi.stubGlobal('close', vi.fn());
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('popup states', () => {
  it('shows progress per edition while checking, then follows a pushed update', async () => {
    resetFake({ tabState: checking });
    render(<Popup />);
    await waitFor(() => expect(status().textContent).toContain('Comparing with the other language editions'));
    expect(status().textContent).toContain('1 of 3 editions loaded');
    expect(status().getAttribute('aria-busy')).toBe('true');
    const rows = within(screen.getByRole('region', { name: 'Reference editions' })).getAllByRole('listitem');
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringMatching(/^English.*Compared/),
      expect.stringMatching(/^French.*Loading…/),
      expect.stringMatching(/^German.*Waiting/),
    ]);
    expect(fake.runtimeSent).toContainEqual({ type: 'get-tab-state', tabId: 7 });

    // Preact runs effects after paint: wait for the listener before pushing.
    await waitFor(() => expect(fake.messageListeners.size).toBe(1));
    pushFromTab(7, { type: 'tab-state', state: done });
    await waitFor(() => expect(status().textContent).toContain('3 places disagree with the other editions'));
  });

  it('ignores state pushed by another tab', async () => {
    resetFake({ tabState: checking });
    render(<Popup />);
    await waitFor(() => expect(fake.messageListeners.size).toBe(1));
    pushFromTab(99, { type: 'tab-state', state: done });
    await new Promise((r) => setTimeout(r, 20));
    expect(status().textContent).toContain('1 of 3');
  });

  it('polls the background while a check runs', async () => {
    resetFake({ tabState: checking });
    render(<Popup />);
    await waitFor(() => expect(status().textContent).toContain('1 of 3'));
    fake.tabState = done;
    await waitFor(() => expect(status().textContent).toContain('3 places disagree'), { timeout: 3000 });
    expect(fake.runtimeSent.filter((m) => (m as { type: string }).type === 'get-tab-state').length).toBeGreaterThan(1);
  });

  it('groups flags by paragraph in reading order and highlights each figure in its sentence', async () => {
    resetFake({ tabState: done });
    render(<Popup />);
    const flags = await screen.findByRole('region', { name: 'Disagreements' });
    const headings = within(flags).getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(['Paragraph 1', 'Paragraph 2']);

    const first = within(flags).getByRole('region', { name: 'Paragraph 1' });
    const sentence = first.querySelector('.flag-sentence')!;
    expect(sentence.textContent).toBe('Ticarət dövriyyəsi 303% artıb.');
    expect(sentence.querySelector('mark')!.textContent).toBe('303%');
    expect(first.querySelector('dt')!.textContent).toBe('Swahili');
    expect(first.querySelector('dd')!.textContent).toBe('asilimia 1.7');
    // What the reference says at that place is marked; a quote without a located figure is plain text.
    expect(first.querySelector('dd mark.evidence-figure')!.textContent).toBe('1.7');
    expect(within(flags).getByRole('region', { name: 'Paragraph 2' }).querySelector('dd mark')).toBeNull();

    const second = within(flags).getByRole('region', { name: 'Paragraph 2' });
    const kinds = [...second.querySelectorAll('.flag-kind')].map((k) => k.textContent);
    expect(kinds).toEqual(['Figure differs', 'Figure left out']);
    expect(second.querySelector('.flag-missing mark .sr-only')!.textContent).toBe('A figure belongs here');
    expect(within(first).getByRole('group', { name: 'What the other editions say' })).toBeTruthy();
  });

  it('summarises the references with their language names and agreed counts', async () => {
    resetFake({ tabState: done });
    render(<Popup />);
    await waitFor(() => expect(status().textContent).toContain('Compared with: Swahili.'));
    const editions = screen.getByRole('region', { name: 'Reference editions' });
    expect(editions.textContent).toContain('Figures agreeing: 2 of 6');
    expect(editions.textContent).toContain('Not available · not reachable');
    expect(editions.textContent).not.toContain('Compared');
  });

  it('reveals a flag in the tab by its index in the report, then closes', async () => {
    resetFake({ tabState: done });
    render(<Popup />);
    const button = (await screen.findByText('303%')).closest('button')!;
    fireEvent.click(button);
    await waitFor(() => expect(fake.tabSent).toEqual([{ tabId: 7, message: { type: 'reveal-flag', index: 1 } }]));
    await waitFor(() => expect(window.close).toHaveBeenCalled());
  });

  it('offers "Check this page" on an EU Reporter page that detection skipped', async () => {
    resetFake({ tabState: { phase: 'not-article', url: URL_AZ, editions: [] } });
    render(<Popup />);
    await waitFor(() => expect(status().textContent).toContain('doesn’t look like an article'));
    fireEvent.click(screen.getByRole('button', { name: 'Check this page' }));
    await waitFor(() => expect(fake.tabSent).toEqual([{ tabId: 7, message: { type: 'check-now' } }]));
    await waitFor(() => expect(status().textContent).toContain('Comparing with the other language editions'));
    expect(screen.queryByRole('button', { name: 'Check this page' })).toBeNull();
  });

  it('offers "Check this page" on an EU Reporter tab whose content script has not reported', async () => {
    resetFake({ tabState: null });
    render(<Popup />);
    await waitFor(() => expect(status().textContent).toContain('has not been checked yet'));
    expect(screen.getByRole('button', { name: 'Check this page' })).toBeTruthy();
  });

  it('says so off EU Reporter and offers no check', async () => {
    resetFake({ tab: { id: 3, url: 'https://example.com/news' }, tabState: null });
    render(<Popup />);
    await waitFor(() => expect(status().textContent).toContain('This page is not one of them'));
    expect(screen.queryByRole('button', { name: 'Check this page' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Check again' })).toBeNull();
  });

  it('reports an error and re-checks on request', async () => {
    resetFake({ tabState: { phase: 'error', url: URL_AZ, editions: [] } });
    render(<Popup />);
    await waitFor(() => expect(status().textContent).toBe('The check could not be completed.'));
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(fake.tabSent).toEqual([{ tabId: 7, message: { type: 'recheck' } }]));
  });

  it('summarises the tab named by ?tab= when opened as a page of its own', async () => {
    resetFake({ tab: { id: 42, url: URL_AZ }, activeTab: { id: 5, url: 'chrome-extension://x/popup.html?tab=42' }, tabState: done });
    history.replaceState(null, '', '?tab=42');
    try {
      render(<Popup />);
      await waitFor(() => expect(status().textContent).toContain('3 places disagree'));
      expect(fake.runtimeSent).toContainEqual({ type: 'get-tab-state', tabId: 42 });
    } finally {
      history.replaceState(null, '', location.pathname);
    }
  });

  it('tells the reader when the tab does not answer', async () => {
    resetFake({ tabState: { phase: 'error', url: URL_AZ, editions: [] }, tabReachable: false });
    render(<Popup />);
    fireEvent.click(await screen.findByRole('button', { name: 'Check again' }));
    expect((await screen.findByRole('alert')).textContent).toContain('did not answer');
  });

  it('opens the options page', async () => {
    resetFake({ tabState: done });
    render(<Popup />);
    fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
    expect(fake.optionsOpened).toBe(1);
  });

  it('speaks the UI language: French text, names and numbers', async () => {
    resetFake({ uiLanguage: 'fr', tabState: { ...done, report: { ...report, references: [{ ...report.references[0]!, compared: 1200, agreed: 1100 }] }, editions: [] } });
    render(<Popup />);
    await waitFor(() => expect(status().textContent).toContain('3 passages diffèrent des autres éditions'));
    expect(status().textContent).toContain('Comparé avec : Swahili.');
    expect(screen.getByRole('region', { name: 'Éditions de référence' }).textContent).toMatch(/Chiffres concordants : 1\s100 sur 1\s200/);
  });

  it('picks the singular form by the UI language’s plural rules', async () => {
    resetFake({ uiLanguage: 'de', tabState: { ...done, report: { ...report, flags: report.flags.slice(0, 1) } } });
    render(<Popup />);
    await waitFor(() => expect(status().textContent).toContain('1 Stelle weicht von den anderen Ausgaben ab'));
  });
});

describe('excerpt', () => {
  it('cuts the sentence around the figure', () => {
    const { start, end } = at(1, '303%');
    expect(excerpt(paragraphs[1]!, start, end, 'az')).toEqual({ before: 'Ticarət dövriyyəsi ', figure: '303%', after: ' artıb.' });
  });

  it('clips a long sentence at word boundaries with an ellipsis', () => {
    const words = Array.from({ length: 80 }, (_, i) => `w${i}`).join(' ');
    const p = `${words} 42 ${words}.`;
    const at = words.length + 1;
    const cut = excerpt(p, at, at + 2, 'en');
    expect(cut.figure).toBe('42');
    expect(cut.before.startsWith('…w')).toBe(true);
    expect(cut.after.endsWith('…')).toBe(true);
    expect(cut.before.length).toBeLessThanOrEqual(112);
    // Whole words only: the cut falls on a space, so no word is split before the ellipsis.
    expect(cut.after).toMatch(/ w\d+…$/);
    expect(words.split(' ')).toContain(cut.after.split(' ').at(-1)!.replace('…', ''));
  });

  it('clamps offsets that lie outside the paragraph', () => {
    expect(excerpt('Short.', 3, 99, 'en')).toEqual({ before: 'Sho', figure: 'rt.', after: '' });
    expect(excerpt('Short.', -5, -1, 'en')).toEqual({ before: '', figure: '', after: 'Short.' });
  });
});

describe('helpers', () => {
  it('editionRows completes live progress with the report’s agreement counts', () => {
    const rows = editionRows([{ lang: 'sw', url: 'u', state: 'ok' }], report);
    expect(rows).toEqual([{ lang: 'sw', url: 'u', state: 'ok', compared: 6, agreed: 2 }]);
    expect(editionRows([], report).map((r) => [r.lang, r.state, r.reason])).toEqual([
      ['sw', 'ok', undefined],
      ['fr', 'error', 'not reachable'],
    ]);
  });

  it('groupByParagraph keeps report indices and sorts by paragraph then position', () => {
    const groups = groupByParagraph(report.flags);
    expect(groups.map((g) => [g.paragraph, g.flags.map((f) => f.index)])).toEqual([
      [1, [1]],
      [2, [0, 2]],
    ]);
  });

  it('viewPhase derives a phase when the background knows nothing of the tab', () => {
    expect(viewPhase(null, null, false)).toBe('loading');
    expect(viewPhase({ id: 1, url: URL_AZ }, null, true)).toBe('idle');
    expect(viewPhase({ id: 1, url: 'https://example.org/' }, null, true)).toBe('not-eureporter');
    expect(viewPhase({ id: 1, url: URL_AZ }, done, true)).toBe('done');
  });
});
