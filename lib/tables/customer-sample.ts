import type { CustomerSample } from '../schema/customer-sample';
import { CUSTOMER_COLUMNS, type CustomersMaster } from '../schema/customers-master';

/** How many customers the value–risk chart draws behind the persona bubbles. */
export const CUSTOMER_SAMPLE_SIZE = 600;

/**
 * Every n-th customer with spend above zero, up to `max`: systematic, so the same data always gives
 * the same dots, and spread over the whole table rather than its first rows.
 */
export function buildCustomerSample(master: CustomersMaster, max = CUSTOMER_SAMPLE_SIZE): CustomerSample {
  const spend = CUSTOMER_COLUMNS.indexOf('total_spend');
  const churn = CUSTOMER_COLUMNS.indexOf('churn_risk');
  const cluster = CUSTOMER_COLUMNS.indexOf('cluster_id');
  const rows = master.rows;
  const every = Math.max(1, Math.ceil(rows.length / Math.max(1, max)));
  const out: CustomerSample['rows'] = [];
  for (let i = 0; i < rows.length && out.length < max; i += every) {
    const row = rows[i]!;
    const x = row[spend] as number;
    if (!(x > 0)) continue;
    out.push([Math.round(x), row[churn] as number, row[cluster] as number]);
  }
  return { table: 'customer_sample', customers: rows.length, every, rows: out };
}
