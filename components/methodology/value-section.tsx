import { ChartFrame } from '@/components/charts/chart-frame';
import { MissingData } from '@/components/layout/missing-data';
import { DataTable } from '@/components/ui/data-table';
import { KpiCard } from '@/components/ui/kpi-card';
import type { CdnowBenchmark } from '@/lib/data/load-benchmark';
import { formatCount, formatPct } from '@/lib/format/format';
import type { ValueModel } from '@/lib/schema/value-model';
import {
  backTestKpis,
  benchmarkRows,
  benchmarkTable,
  benchmarkTakeaway,
  CDNOW_REFERENCES,
  cdnowBackTestTable,
  correlationSentence,
  frequencyModel,
  parameterTable,
  trackingModel,
  verdictSentences,
} from '@/lib/view/value-model';
import { ValueFrequencyChart } from './value-frequency-chart';
import { ValueTrackingChart } from './value-tracking-chart';

const card = 'rounded-lg border border-line bg-surface p-4';

/** What the models do, in plain language, with this build's horizon, discount and range settings. */
function Explainer({ vm }: { vm: ValueModel }) {
  const monthly = 100 * vm.monthly_discount;
  const yearly = 100 * (1 - (1 + vm.monthly_discount) ** -12);
  const terms = [
    {
      id: 'bgnbd',
      title: 'BG/NBD: how often, and for how long',
      text: 'Each customer buys at their own steady rate while they are still a customer, and after every purchase there is a chance they quietly stop for good. Rates and dropout chances differ from customer to customer; the model learns how they spread from three facts per customer: repeat purchases, when the last one was, and how long we have known them. Time is in weeks; purchases on the same day count as one.',
    },
    {
      id: 'gamma-gamma',
      title: 'Gamma-Gamma: how much per order',
      text: 'Spend per order varies around each customer’s own average, and those averages vary across customers. A customer with one or two repeat orders is pulled towards the average of everyone; one with many is trusted on their own average. It is fitted on repeat purchases only.',
    },
    {
      id: 'p-alive',
      title: 'P(alive)',
      text: 'The probability that a customer is still buying, given their history. A regular who has gone quiet for far longer than their usual gap scores low; a customer who buys rarely and bought recently scores high.',
    },
    {
      id: 'expected-purchases',
      title: `Expected purchases (${vm.horizon_months} months)`,
      text: `How many purchase days to expect from the customer in the next ${vm.horizon_months} months, already weighted by P(alive).`,
    },
    {
      id: 'predicted-clv',
      title: `Predicted CLV (${vm.horizon_months} months)`,
      text: `Expected purchases month by month × expected spend per order, each month discounted at ${formatPct(monthly, 1)} a month (about ${formatPct(yearly, 1)} over a year), summed over ${vm.horizon_months} months, in ${vm.currency}.`,
    },
    {
      id: 'ranges',
      title: 'Ranges (p10–p90)',
      text: `From a seeded simulation (seed ${vm.range.seed}, ${formatCount(vm.range.draws)} draws per cell, ${formatCount(vm.range.cells)} cells): ${vm.range.method}. A customer’s value lands below p10 one time in ten and above p90 one time in ten.`,
    },
  ];
  return (
    <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3" data-testid="value-explainer">
      {terms.map((t) => (
        <li key={t.id} className={card} data-value-term={t.id}>
          <h4 className="text-base font-semibold">{t.title}</h4>
          <p className="mt-1 text-sm text-ink-muted">{t.text}</p>
        </li>
      ))}
    </ul>
  );
}

function Assumptions({ vm }: { vm: ValueModel }) {
  const corr = correlationSentence(vm.frequency_spend_correlation);
  return (
    <ul className="mt-3 list-disc space-y-1.5 pl-5 text-sm marker:text-accent">
      <li>
        Behaviour is stable: the rates and dropout chances learned from the past hold over the horizon;
        seasons, campaigns and price changes are not modelled.
      </li>
      <li>Customers act independently of one another; dropout happens only right after a purchase.</li>
      <li data-testid="value-correlation" data-strength={corr.strength}>
        Gamma-Gamma assumes spend per order does not depend on how often a customer buys. {corr.text}
      </li>
    </ul>
  );
}

function Verdict({ vm }: { vm: ValueModel }) {
  const v = verdictSentences(vm);
  return (
    <div className={card} data-testid="value-verdict" data-verdict={v.level}>
      <h3 className="text-lg">What this build supports</h3>
      {v.sentences.map((s) => (
        <p key={s} className="mt-1 text-sm">
          {s}
        </p>
      ))}
      {v.reasons.length > 0 ? (
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-ink-muted marker:text-accent">
          {v.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function BackTest({ vm }: { vm: ValueModel }) {
  const bt = vm.back_test;
  if (!bt) {
    return (
      <p className="text-sm" data-testid="value-back-test-missing">
        No back-test in this build: {vm.back_test_reason ?? 'the history is too short to hold part of it out'}
        .
      </p>
    );
  }
  const tracking = trackingModel(bt);
  const freq = frequencyModel(bt);
  return (
    <>
      <p className="max-w-3xl text-sm text-ink-muted">
        BG/NBD refitted on {bt.calibration_start} … {bt.calibration_end} only, then asked to forecast the next{' '}
        {bt.holdout_months} months ({bt.holdout_start} … {bt.holdout_end}, {formatCount(bt.holdout_weeks, 1)}{' '}
        weeks) for the {formatCount(bt.customers)} customers seen in calibration, and compared with what they
        did.
      </p>
      <dl className="mt-4 grid grid-cols-2 gap-3 lg:grid-cols-4">
        {backTestKpis(bt).map((k) => (
          <KpiCard key={k.id} label={k.label} value={k.value} hint={k.hint} testId={k.id} />
        ))}
      </dl>
      <div className="mt-5 grid gap-5">
        <ChartFrame
          id="value-tracking-chart"
          title="Cumulative repeat purchases: actual vs predicted"
          takeaway={tracking.takeaway}
          subtitle="Repeat purchase days of the calibration customers, cumulative by week from the start of the data. Dashed vertical line: end of calibration; shaded: the holdout."
          table={tracking.table}
          currency={vm.currency}
          downloadName="value-back-test-tracking"
        >
          <ValueTrackingChart model={tracking} />
        </ChartFrame>
        <ChartFrame
          id="value-frequency-chart"
          title="Holdout purchases by calibration frequency"
          takeaway={freq.takeaway}
          subtitle="Mean repeat purchases in the holdout per customer, grouped by repeat purchases in calibration (0 … 7 or more)."
          table={freq.table}
          currency={vm.currency}
          downloadName="value-back-test-by-frequency"
        >
          <ValueFrequencyChart model={freq} />
        </ChartFrame>
      </div>
    </>
  );
}

function Benchmark({ cdnow, currency }: { cdnow: CdnowBenchmark | null; currency: string }) {
  if (!cdnow) {
    return (
      <p className="text-sm" data-testid="cdnow-missing">
        The benchmark file benchmarks/cdnow.json is missing from this build; run{' '}
        <code>npm run value:cdnow</code> to make it.
      </p>
    );
  }
  const rows = benchmarkRows(cdnow);
  const bt = cdnowBackTestTable(cdnow);
  return (
    <>
      <p className="max-w-3xl text-sm text-ink-muted">
        The same code fitted on CDNOW, the standard public test set for these models: every purchase of 2,357
        customers of an online music retailer who first bought in early 1997, calibrated on the first 39 weeks
        and held out for the next 39. {benchmarkTakeaway(rows)}
      </p>
      <div className="mt-4 grid gap-5 lg:grid-cols-[3fr_2fr]">
        <DataTable
          table={benchmarkTable(rows)}
          caption="CDNOW: our estimates against the published ones"
          currency={currency}
        />
        {bt ? (
          <DataTable table={bt} caption="CDNOW holdout back-test (ours; not published)" currency={currency} />
        ) : null}
      </div>
      <h4 className="mt-5 text-sm font-semibold">References</h4>
      <ol className="mt-1 list-decimal space-y-1 pl-5 text-sm text-ink-muted" data-testid="value-references">
        {CDNOW_REFERENCES.map((r) => (
          <li key={r.id}>
            {r.text} <span className="italic">({r.for})</span>
          </li>
        ))}
      </ol>
    </>
  );
}

/** Methodology section for the predicted customer value: explanation, fits, back-test and CDNOW benchmark. */
export function ValueModelSection({ vm, cdnow }: { vm: ValueModel | null; cdnow: CdnowBenchmark | null }) {
  if (!vm) return <MissingData what="the value model table (value_model.json)" />;
  const params = parameterTable(vm);
  return (
    <div className="space-y-10">
      <div>
        <h3 className="mb-3 text-lg">What the models do</h3>
        <Explainer vm={vm} />
        <h3 className="mt-6 text-lg">Assumptions</h3>
        <Assumptions vm={vm} />
      </div>
      <Verdict vm={vm} />
      <div>
        <h3 className="text-lg">Fitted parameters of this build</h3>
        {params.rows.length > 0 ? (
          <DataTable
            className="mt-3"
            table={params}
            caption="BG/NBD and Gamma-Gamma parameters (value_model.json)"
            currency={vm.currency}
          />
        ) : (
          <p className="mt-2 text-sm text-ink-muted">No model was fitted in this build (see above).</p>
        )}
      </div>
      <div id="value-back-test">
        <h3 className="mb-3 text-lg">Back-test on a held-out period</h3>
        <BackTest vm={vm} />
      </div>
      <div id="value-cdnow">
        <h3 className="mb-3 text-lg">Benchmark: CDNOW against the published estimates</h3>
        <Benchmark cdnow={cdnow} currency={vm.currency} />
      </div>
    </div>
  );
}
