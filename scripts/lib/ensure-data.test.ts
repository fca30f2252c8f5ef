import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../lib/schema/manifest';
import { brandBuildOf, staleReason } from '../ensure-data';
import { parseBuildConfig } from './build-config';

const config = parseBuildConfig([], {}).config;
const synthetic = {
  schema_version: SCHEMA_VERSION,
  config: {
    seed: config.seed,
    customers: config.customers,
    months: config.months,
    window_end: config.windowEnd,
    recent_months: config.recentMonths,
    k: config.k,
    currency: config.currency,
    usd_to_currency: config.usdToCurrency,
  },
  provenance: { kind: 'synthetic' },
};

describe('staleReason', () => {
  it('keeps a synthetic build of the configuration and rebuilds another one', () => {
    expect(staleReason(JSON.stringify(synthetic), config)).toBeNull();
    const other = { ...synthetic, config: { ...synthetic.config, customers: 3000 } };
    expect(staleReason(JSON.stringify(other), config)).toBe(
      `customers is 3000, configured ${config.customers}`,
    );
  });

  it("keeps a build from a brand's own orders, whatever its customer count", () => {
    const own = {
      ...synthetic,
      config: { ...synthetic.config, customers: 3000 },
      provenance: { kind: 'orders' },
    };
    expect(staleReason(JSON.stringify(own), config)).toBeNull();
  });

  it('rebuilds on another schema version, own data included', () => {
    const old = { ...synthetic, schema_version: SCHEMA_VERSION - 1, provenance: { kind: 'orders' } };
    expect(staleReason(JSON.stringify(old), config)).toBe(
      `schema version ${SCHEMA_VERSION - 1} ≠ ${SCHEMA_VERSION}`,
    );
  });
});

describe('brandBuildOf', () => {
  it('names the orders file of a brand build, of any schema version, and nothing else', () => {
    const brand = { schema_version: 1, provenance: { kind: 'orders', files: { orders: 'bills.csv' } } };
    expect(brandBuildOf(JSON.stringify(brand))).toBe('bills.csv');
    expect(brandBuildOf(JSON.stringify(synthetic))).toBeNull();
    expect(brandBuildOf('not json')).toBeNull();
    expect(brandBuildOf(null)).toBeNull();
  });
});
