/** Shown instead of a page when public/data has not been built. */
export function MissingData({ what = 'the data' }: { what?: string }) {
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
