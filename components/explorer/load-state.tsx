/** Shown while the explorer's database engine starts and reads the first rows of the customer table. */
export function LoadingCustomers({ url }: { url: string }) {
  return (
    <div
      className="rounded-lg border border-line bg-surface p-6"
      role="status"
      aria-live="polite"
      data-testid="customers-loading"
    >
      <p className="flex items-center gap-3 text-sm text-ink">
        <span
          aria-hidden="true"
          className="inline-block size-4 animate-spin rounded-full border-2 border-line-strong border-t-accent motion-reduce:animate-none"
        />
        <span>
          Loading customers…{' '}
          <span className="break-all text-ink-muted">
            (starting the explorer’s database and reading {url})
          </span>
        </span>
      </p>
      <div aria-hidden="true" className="mt-5 space-y-2">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="h-7 animate-pulse rounded bg-sunken motion-reduce:animate-none" />
        ))}
      </div>
    </div>
  );
}

/** Shown when the customer table is missing or malformed: what is wrong, and what to do. */
export function LoadError({ message, hint }: { message: string; hint: string }) {
  return (
    <div
      className="rounded-lg border border-accent/50 bg-accent-soft/40 p-6"
      role="alert"
      data-testid="customers-error"
    >
      <h2 className="text-xl">The customers could not be loaded</h2>
      <p className="mt-2 text-sm break-words text-ink">{message}</p>
      <p className="mt-1 text-sm text-ink-muted">{hint}</p>
    </div>
  );
}
