/**
 * What a mark needs to take focus and show its tooltip in a <ChartTips> island: the text is also its
 * accessible name. (Plain module, so server components can call it.)
 */
export function markProps(text: string) {
  return {
    tabIndex: 0,
    role: 'img',
    'aria-label': text.replace(/\n/g, '; '),
    'data-tip': text,
    className: 'outline-none focus-visible:stroke-ink focus-visible:stroke-[3px]',
  } as const;
}
