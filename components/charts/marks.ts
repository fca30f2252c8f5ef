/**
 * What a mark needs to take focus and show its tooltip in a <ChartTips> island. The text is its
 * accessible name and its tooltip (lines joined with "; " in the name), carried once: a chart can
 * have hundreds of marks, and every byte of each is in the page twice (HTML and hydration payload).
 * The focus style is app/globals.css's `[data-mark]`. (Plain module, so server components can call it.)
 */
export function markProps(text: string) {
  return {
    tabIndex: 0,
    role: 'img',
    'aria-label': text.replace(/\n/g, MARK_LINE_BREAK),
    'data-mark': '',
  } as const;
}

const MARK_LINE_BREAK = '; ';

/** The tooltip text of a mark: its accessible name, back on separate lines. */
export function markTip(mark: Element): string {
  return (mark.getAttribute('aria-label') ?? '').split(MARK_LINE_BREAK).join('\n');
}
