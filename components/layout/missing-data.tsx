/** Shown instead of a page when public/data has not been built (or, with `reason`, cannot hold what the page needs). */
export function MissingData({ what = 'the data', reason }: { what?: string; reason?: string }) {
  if (reason) {
    return (
      <div className="rounded-lg border border-line bg-surface p-6" role="status" data-testid="not-in-data">
        <h1 className="text-2xl">Not in your data</h1>
        <p className="mt-2 text-ink-muted">{reason}</p>
      </div>
    );
  }
  return (
    <div className="rounded-lg border border-line bg-surface p-6" role="status">
      <h1 className="text-2xl">No data yet</h1>
      <p className="mt-2 text-ink-muted">
        This page needs {what} in <code>public/data</code>. Build it with <code>npm run data:build</code> (or
        start the dashboard with <code>npm start</code>, which builds it when missing), then reload.
      </p>
    </div>
  );
}
