// How a reader opens a flag's card: hover, keyboard focus, or a tap/click
// (which pins it open). Enter or Space on a mark moves focus into the card,
// Escape closes it and returns focus to the mark. One set of delegated
// listeners on the document serves every mark, present and future.
import { MARK_TAG } from './marks';
import { CARD_HOST_ID, type CardModel, type CardView } from './card';

/** Grace period for moving the pointer from a mark into its card. */
const HOVER_CLOSE_MS = 300;

export interface Interactions {
  /** Opens flag `index`'s card, scrolled into view, with focus in the mark (the popup's "reveal"). */
  reveal(index: number): boolean;
  close(returnFocus: boolean): void;
  destroy(): void;
}

const markOf = (target: EventTarget | null): HTMLElement | null =>
  target instanceof Element ? (target.closest(MARK_TAG) as HTMLElement | null) : null;

export function createInteractions(doc: Document, view: CardView, modelFor: (index: number) => CardModel | undefined): Interactions {
  let openIndex: number | undefined;
  let pinned = false;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;

  const controlOf = (index: number) => doc.querySelector(`${MARK_TAG}[data-flag-index="${index}"][role="button"]`) as HTMLElement | null;
  const indexOf = (mark: HTMLElement) => Number(mark.dataset.flagIndex);
  const cancelClose = () => clearTimeout(closeTimer);

  function setExpanded(index: number | undefined, expanded: boolean): void {
    const control = index === undefined ? null : controlOf(index);
    if (!control) return;
    control.setAttribute('aria-expanded', String(expanded));
    if (expanded) control.setAttribute('aria-describedby', CARD_HOST_ID);
    else control.removeAttribute('aria-describedby');
  }

  function open(mark: HTMLElement, pin: boolean): boolean {
    const index = indexOf(mark);
    const model = modelFor(index);
    const control = controlOf(index) ?? mark;
    if (!model) return false;
    cancelClose();
    if (openIndex !== index) {
      setExpanded(openIndex, false);
      view.show(control, model);
      openIndex = index;
      setExpanded(index, true);
    }
    pinned ||= pin;
    return true;
  }

  function close(returnFocus: boolean): void {
    cancelClose();
    if (openIndex === undefined) return;
    const control = controlOf(openIndex);
    setExpanded(openIndex, false);
    view.hide();
    openIndex = undefined;
    pinned = false;
    if (returnFocus) control?.focus();
  }

  const scheduleClose = () => {
    if (pinned) return;
    cancelClose();
    closeTimer = setTimeout(() => close(false), HOVER_CLOSE_MS);
  };

  const inside = (n: EventTarget | null) => !!markOf(n) || view.contains(n as Node | null);

  const handlers: Array<[keyof DocumentEventMap, (e: Event) => void]> = [
    ['mouseover', (e) => {
      const mark = markOf(e.target);
      if (mark && !pinned) open(mark, false);
      else if (view.contains(e.target as Node)) cancelClose();
    }],
    ['mouseout', (e) => {
      if (inside(e.target) && !inside((e as MouseEvent).relatedTarget)) scheduleClose();
    }],
    ['focusin', (e) => {
      const mark = markOf(e.target);
      if (mark) open(mark, false);
      else if (view.contains(e.target as Node)) cancelClose();
    }],
    ['focusout', (e) => {
      if (!inside((e as FocusEvent).relatedTarget)) {
        pinned = false;
        scheduleClose();
      }
    }],
    ['click', (e) => {
      const mark = markOf(e.target);
      if (mark) {
        // A tap both hovers and clicks: the first click pins the card the hover opened; a second closes it.
        if (pinned && openIndex === indexOf(mark)) close(false);
        else open(mark, true);
      } else if (!view.contains(e.target as Node)) close(false);
    }],
    ['keydown', (e) => {
      const k = e as KeyboardEvent;
      if (k.key === 'Escape' && openIndex !== undefined) {
        close(true);
        return;
      }
      const mark = markOf(k.target);
      if (mark && (k.key === 'Enter' || k.key === ' ')) {
        k.preventDefault();
        if (open(mark, true)) view.focus();
      }
    }],
  ];
  for (const [type, fn] of handlers) doc.addEventListener(type, fn, true);

  // The close button sits in the card's shadow root; its click reaches the host.
  const onCardClick = (e: Event) => {
    if (e.composedPath().some((n) => n instanceof Element && n.classList.contains('close'))) close(true);
  };
  view.host.addEventListener('click', onCardClick);

  return {
    reveal(index) {
      const control = controlOf(index);
      if (!control) return false;
      control.scrollIntoView({ block: 'center', behavior: 'smooth' });
      control.focus({ preventScroll: true });
      return open(control, true);
    },
    close,
    destroy() {
      close(false);
      for (const [type, fn] of handlers) doc.removeEventListener(type, fn, true);
      view.host.removeEventListener('click', onCardClick);
      view.host.remove();
    },
  };
}
