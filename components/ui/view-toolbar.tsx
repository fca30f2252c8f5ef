import type { ReactNode } from 'react';

/**
 * The view switches of one chart, in a bar above its frame: full width on a phone (the frame's
 * title is never squeezed beside them), and still there when the frame shows its table.
 */
export function ViewToolbar({ children, label }: { children: ReactNode; label: string }) {
  return (
    <div
      role="group"
      aria-label={label}
      className="mb-3 flex flex-wrap items-center gap-x-6 gap-y-2 rounded-lg border border-line bg-sunken/60 px-3 py-2 sm:px-4"
    >
      {children}
    </div>
  );
}
