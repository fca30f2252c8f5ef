/**
 * Ends the current task so the browser can paint and answer input before more work runs. Long
 * loading steps await it between stages, so no single task blocks a phone for long
 * (Lighthouse's total blocking time counts every task's time past 50 ms).
 */
export function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
