/**
 * Calendar months as the tables key them ("2025-02"). Plain functions without zod, so that the
 * period bar's client code can use them without bringing the schemas into the browser (bench:pages).
 */

/** Days the calendar gives a month ("2025-02" → 28): a month's `days` below this is a part month. */
export function calendarDays(month: string): number {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y!, m!, 0)).getUTCDate();
}
