'use client';

import { CHANNEL_COLORS, personaColor } from '@/lib/charts/theme';
import type { Customer } from '@/lib/explorer/customers';
import { optionLabel } from '@/lib/explorer/filter';
import { channelOrders, channelSplit, type AverageBook, type ProfileMetric } from '@/lib/explorer/profile';
import type { PredictionAvailability } from '@/lib/explorer/value';
import { formatCount, formatPct } from '@/lib/format/format';
import { useEffect, useRef } from 'react';
import { formatClvRange, formatValue, type CellFormat, type PredictionNeed } from './columns';

interface ProfileDialogProps {
  customerId: string;
  customer: Customer | undefined;
  book: AverageBook;
  currency: string;
  /** Which predictions this data has (rows of a model not fitted are left out). */
  available: PredictionAvailability;
  horizonMonths: number;
  atRisk: boolean;
  onClose: () => void;
}

const COMPARED: ReadonlyArray<{
  key: ProfileMetric;
  label: string;
  format: CellFormat;
  /** How the customer's own value is shown, when it differs from the averages (whole counts). */
  own?: CellFormat;
  score?: boolean;
  needs?: PredictionNeed;
}> = [
  { key: 'engagement_index', label: 'Engagement index', format: 'score', score: true },
  { key: 'loyalty_score', label: 'Loyalty score', format: 'score', score: true },
  { key: 'churn_risk', label: 'Churn risk', format: 'score', score: true },
  { key: 'clv_proxy', label: 'CLV proxy', format: 'score', score: true },
  { key: 'order_count', label: 'Orders', format: 'decimal1', own: 'count' },
  { key: 'orders_per_month', label: 'Orders / month', format: 'decimal2' },
  { key: 'total_spend', label: 'Total spend', format: 'money' },
  { key: 'avg_order_value', label: 'Average order value', format: 'money' },
  { key: 'basket_size', label: 'Basket (units / order)', format: 'decimal1' },
  { key: 'recency_days', label: 'Days since last order', format: 'decimal1', own: 'count' },
  { key: 'online_ratio', label: 'Online share of orders', format: 'share' },
  { key: 'category_diversity', label: 'Product families bought', format: 'decimal1', own: 'count' },
  { key: 'discount_share', label: 'Discount share', format: 'share' },
  { key: 'active_month_share', label: 'Active months', format: 'share' },
  { key: 'response_rate', label: 'Marketing response rate', format: 'share' },
  { key: 'dwell_minutes', label: 'Dwell per store visit (min)', format: 'decimal1' },
  { key: 'p_alive', label: 'P(alive)', format: 'percent', needs: 'frequency' },
  { key: 'expected_purchases', label: 'Expected purchases', format: 'decimal2', needs: 'frequency' },
  { key: 'predicted_clv', label: 'Predicted CLV', format: 'money', needs: 'monetary' },
];

/**
 * A customer's profile in a modal dialog (native <dialog>: focus moves in, Esc closes, the page
 * behind is inert). The explorer returns focus to the row that opened it.
 */
export function ProfileDialog({
  customerId,
  customer,
  book,
  currency,
  available,
  horizonMonths,
  atRisk,
  onClose,
}: ProfileDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const persona = customer ? book.byCluster.get(customer.cluster_id) : undefined;
  const fmt = (v: number | string | null, f: CellFormat) => formatValue(v, f, currency);
  const compared = COMPARED.filter((m) => !m.needs || available[m.needs]);
  const range = customer ? formatClvRange(customer, currency) : null;

  return (
    <dialog
      ref={ref}
      aria-labelledby="profile-title"
      onClose={onClose}
      onClick={(e) => {
        // A click on the backdrop (the dialog element itself, outside its content) closes it.
        if (e.target === e.currentTarget) e.currentTarget.close();
      }}
      className="m-0 ml-auto h-dvh max-h-dvh w-full max-w-2xl overflow-y-auto bg-surface p-0 text-ink shadow-2xl backdrop:bg-ink/35 sm:border-l sm:border-line"
      data-testid="customer-profile"
    >
      <div className="px-5 py-5 sm:px-7">
        <div className="flex items-start justify-between gap-4">
          <div className="min-w-0">
            <p className="text-xs font-medium tracking-label text-accent uppercase">Customer profile</p>
            <h2 id="profile-title" className="mt-1 font-mono text-2xl">
              {customerId}
            </h2>
          </div>
          <button
            type="button"
            onClick={() => ref.current?.close()}
            className="rounded-md border border-line px-3 py-1.5 text-sm text-ink hover:border-line-strong"
          >
            Close<span className="sr-only"> profile</span>
          </button>
        </div>

        {!customer ? (
          <p className="mt-4 text-ink-muted" role="status">
            No customer with the id <code>{customerId}</code> is in this data. The link may come from another
            build of the dashboard.
          </p>
        ) : (
          <>
            <p
              className="mt-2 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm"
              data-testid="profile-summary"
            >
              <span className="inline-flex items-center gap-1.5 font-medium">
                <span
                  aria-hidden="true"
                  className="inline-block size-2.5 rounded-full"
                  style={{ background: personaColor(customer.cluster_id) }}
                />
                {customer.persona}
              </span>
              <span className="text-ink-muted">
                ·{' '}
                {customer.age === null
                  ? 'age unknown'
                  : `${formatCount(customer.age)} years (${customer.age_band})`}{' '}
                · {customer.gender} · {customer.locale} ·{' '}
                {optionLabel('preferred_channel', customer.preferred_channel).toLowerCase()}
              </span>
            </p>

            <h3 className="mt-6 text-lg">Orders</h3>
            <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-3 sm:grid-cols-3" data-testid="profile-orders">
              <Fact label="Orders" value={fmt(customer.order_count, 'count')} />
              <Fact label="First order" value={customer.first_order_date} />
              <Fact
                label="Last order"
                value={customer.last_order_date}
                hint={`${formatCount(customer.recency_days)} days before the end of the log`}
              />
              <Fact label="Total spend" value={fmt(customer.total_spend, 'money')} hint="net of discounts" />
              <Fact label="Average order value" value={fmt(customer.avg_order_value, 'money')} />
              <Fact label="Orders / month" value={fmt(customer.orders_per_month, 'decimal2')} />
              <Fact label="Top intent" value={customer.top_intent} />
              <Fact
                label="CLV band"
                value={customer.clv_band}
                hint={`value ${fmt(customer.clv_proxy_value, 'money')}`}
              />
              <Fact label="Churn risk band" value={customer.churn_risk_band} />
            </dl>
            <ChannelSplit customer={customer} />

            <h3 className="mt-6 text-lg">Next {horizonMonths} months</h3>
            {available.frequency ? (
              <dl
                className="mt-2 grid grid-cols-2 gap-x-4 gap-y-3 sm:grid-cols-3"
                data-testid="profile-value"
              >
                <Fact
                  label="P(alive)"
                  value={fmt(customer.p_alive, 'percent')}
                  hint={
                    atRisk ? 'At risk: high past value, low P(alive)' : 'chance the customer is still buying'
                  }
                />
                <Fact label="Expected purchases" value={fmt(customer.expected_purchases, 'decimal2')} />
                {available.monetary ? (
                  <Fact
                    label="Predicted CLV"
                    value={fmt(customer.predicted_clv, 'money')}
                    hint={range ? `${range} (10th–90th percentile), discounted` : 'discounted'}
                  />
                ) : null}
              </dl>
            ) : null}
            {available.note ? (
              <p className="mt-2 text-sm text-ink-muted" data-testid="profile-value-note">
                {available.note}
              </p>
            ) : null}

            <h3 className="mt-7 text-lg">Against the persona and everyone</h3>
            <p className="mt-1 text-xs text-ink-muted">
              Means over the {customer.persona} persona and over all customers in this data. Scores are 0–100,
              relative to this customer base. On the bars, the solid tick is the persona&apos;s average and
              the dashed tick everyone&apos;s.
            </p>
            <div className="mt-3 grid gap-3 sm:grid-cols-2" aria-hidden="true">
              {COMPARED.filter((m) => m.score).map((m) => (
                <ScoreBar
                  key={m.key}
                  label={m.label}
                  value={customer[m.key] as number}
                  persona={persona?.[m.key] ?? null}
                  everyone={book.everyone[m.key]}
                  color={personaColor(customer.cluster_id)}
                />
              ))}
            </div>
            <div
              className="mt-4 overflow-x-auto rounded-md border border-line"
              role="region"
              aria-label="Comparison"
              tabIndex={0}
            >
              <table className="w-full border-collapse text-sm" data-testid="profile-compare">
                <caption className="sr-only">
                  {customerId} against the {customer.persona} average and everyone&apos;s average
                </caption>
                <thead>
                  <tr className="border-b border-line bg-sunken/60 text-xs text-ink-muted">
                    <th scope="col" className="px-3 py-2 text-left font-medium">
                      Measure
                    </th>
                    <th scope="col" className="px-3 py-2 text-right font-medium">
                      This customer
                    </th>
                    <th scope="col" className="px-3 py-2 text-right font-medium">
                      Persona average
                    </th>
                    <th scope="col" className="px-3 py-2 text-right font-medium">
                      Everyone
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {compared.map((m) => (
                    <tr key={m.key} className="border-b border-line/70 last:border-0" data-metric={m.key}>
                      <th scope="row" className="px-3 py-1.5 text-left font-normal">
                        {m.label}
                      </th>
                      <td className="px-3 py-1.5 text-right font-medium tabular-nums">
                        {fmt(customer[m.key], m.own ?? m.format)}
                      </td>
                      <td className="px-3 py-1.5 text-right tabular-nums">
                        {fmt(persona?.[m.key] ?? null, m.format)}
                      </td>
                      <td className="px-3 py-1.5 text-right tabular-nums">
                        {fmt(book.everyone[m.key], m.format)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </div>
    </dialog>
  );
}

function Fact({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-ink-muted">{label}</dt>
      <dd className="mt-0.5 font-medium tabular-nums">{value}</dd>
      {hint ? <dd className="text-xs text-ink-muted">{hint}</dd> : null}
    </div>
  );
}

function ChannelSplit({ customer }: { customer: Customer }) {
  const split = channelSplit(customer);
  const orders = channelOrders(customer);
  return (
    <div className="mt-4" data-testid="profile-channels">
      <p className="text-xs text-ink-muted">Channel split of orders</p>
      <div className="mt-1 flex h-3 overflow-hidden rounded-sm border border-line" aria-hidden="true">
        <div style={{ width: `${split.inStore}%`, background: CHANNEL_COLORS.instore }} />
        <div style={{ width: `${split.online}%`, background: CHANNEL_COLORS.online }} />
      </div>
      <p className="mt-1 flex flex-wrap justify-between gap-2 text-sm">
        <span>
          <span
            aria-hidden="true"
            className="mr-1 inline-block size-2 rounded-full"
            style={{ background: CHANNEL_COLORS.instore }}
          />
          In store {formatPct(split.inStore)} ({formatCount(orders.inStore)} orders)
        </span>
        <span>
          <span
            aria-hidden="true"
            className="mr-1 inline-block size-2 rounded-full"
            style={{ background: CHANNEL_COLORS.online }}
          />
          Online {formatPct(split.online)} ({formatCount(orders.online)} orders)
        </span>
      </p>
    </div>
  );
}

/** A 0–100 score as a bar, with ticks at the persona's and everyone's averages (the table has the numbers). */
function ScoreBar({
  label,
  value,
  persona,
  everyone,
  color,
}: {
  label: string;
  value: number;
  persona: number | null;
  everyone: number | null;
  color: string;
}) {
  return (
    <div>
      <div className="flex justify-between text-xs">
        <span className="text-ink-muted">{label}</span>
        <span className="font-medium tabular-nums">{formatCount(value, 1)}</span>
      </div>
      <div className="relative mt-1 h-2.5 rounded-sm bg-sunken">
        <div className="h-full rounded-sm" style={{ width: `${value}%`, background: color }} />
        {persona !== null ? (
          <span
            className="absolute -top-1 h-4.5 w-0.5 bg-ink"
            style={{ left: `${persona}%` }}
            title="persona average"
          />
        ) : null}
        {everyone !== null ? (
          <span
            className="absolute -top-1 h-4.5 w-0.5 border-l border-dashed border-ink-muted"
            style={{ left: `${everyone}%` }}
            title="everyone's average"
          />
        ) : null}
      </div>
    </div>
  );
}
