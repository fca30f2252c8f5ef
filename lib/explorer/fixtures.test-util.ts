import type { Customer } from './customers';

/** A valid customer with every column set; override what a test is about. */
export function customer(overrides: Partial<Customer> & { customer_id: string }): Customer {
  return {
    cluster_id: 0,
    persona: 'Engaged Regulars',
    age: 40,
    age_band: '35–44',
    gender: 'female',
    locale: 'urban',
    first_order_date: '2025-01-10',
    last_order_date: '2026-09-01',
    tenure_days: 600,
    order_count: 10,
    orders_per_month: 0.5,
    recency_days: 29,
    total_spend: 10000,
    avg_order_value: 1000,
    basket_size: 4,
    dwell_minutes: 12.5,
    online_ratio: 0.4,
    preferred_channel: 'both',
    category_diversity: 20,
    top_intent: 'Wellness',
    discount_share: 0.05,
    active_month_share: 0.5,
    response_rate: 0.1,
    engagement_index: 50,
    loyalty_score: 50,
    churn_risk: 30,
    churn_risk_band: 'low',
    clv_proxy: 20,
    clv_proxy_value: 50000,
    clv_band: 'middle 40%',
    ...overrides,
  };
}
