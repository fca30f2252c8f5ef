import { vendorDuckdbWasm } from './scripts/lib/vendor-duckdb-wasm.mjs';

// The explorer's DuckDB engine is served from public/duckdb/ (see the helper for why).
vendorDuckdbWasm();

/**
 * Every page is prerendered from public/data at build time, so the same build serves under
 * `next start` and, with OMNI_STATIC_EXPORT=1 (`npm run export`), as static files in out/ that any
 * static server can host. OMNI_EXPORT_DIR puts the export elsewhere (the brand-build check uses it).
 *
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  reactStrictMode: true,
  typedRoutes: false,
  poweredByHeader: false,
  // Tests reach the dev server as 127.0.0.1; without this its hot-reload socket is refused (a console error).
  allowedDevOrigins: ['127.0.0.1'],
  // With output: 'export', distDir is where the static site goes: out/, never the .next that `next start` serves.
  ...(process.env.OMNI_STATIC_EXPORT === '1'
    ? { output: 'export', trailingSlash: true, distDir: process.env.OMNI_EXPORT_DIR ?? 'out' }
    : {}),
};

export default nextConfig;
