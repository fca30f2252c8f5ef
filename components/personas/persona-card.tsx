import { AppLink } from '@/components/ui/app-link';
import { formatCount, formatPct, formatRatio } from '@/lib/format/format';
import type { PersonaCardData } from '@/lib/view/personas';
import { moneyWithRange, type PersonaPrediction } from '@/lib/view/predicted-value';
import {
  ChannelMix,
  CrmPlays,
  FamilyList,
  IntentChips,
  PartHeading,
  Swatch,
  TraitList,
} from './persona-parts';

const BAND_WORD = { low: 'low', medium: 'medium', high: 'high' } as const;

/**
 * One persona at a glance. The whole card opens the persona page (the heading link stretches over
 * the card), so there is still exactly one link, named after the persona, per card.
 */
export function PersonaCard({
  card,
  position,
  total,
  href = `/personas/${card.clusterId}`,
  currency = 'INR',
}: {
  card: PersonaCardData;
  /** Of the predicted revenue. */
  currency?: string;
  position: number;
  total: number;
  /** null: a card without a link (the personas of your own file have no persona page). */
  href?: string | null;
}) {
  const headingId = `persona-${card.clusterId}-name`;
  return (
    <article
      aria-labelledby={headingId}
      data-testid="persona-card"
      data-cluster-id={card.clusterId}
      className="group relative flex h-full flex-col overflow-hidden rounded-lg border border-line bg-surface transition-shadow hover:border-line-strong hover:shadow-md has-[a:focus-visible]:outline-2 has-[a:focus-visible]:outline-offset-2 has-[a:focus-visible]:outline-accent"
    >
      <div aria-hidden="true" className="h-1.5 shrink-0" style={{ background: card.color }} />
      <div className="flex flex-1 flex-col gap-5 p-5 sm:p-6">
        <header>
          <p className="flex items-center gap-2 text-xs tracking-label text-ink-muted uppercase">
            <Swatch color={card.color} />
            Persona {position} of {total}
          </p>
          <h2 id={headingId} className="mt-1.5 text-2xl leading-tight">
            {href === null ? (
              card.name
            ) : (
              <AppLink
                href={href}
                className="no-underline decoration-line-strong underline-offset-4 group-hover:underline after:absolute after:inset-0 focus-visible:outline-none"
                data-testid="persona-card-link"
              >
                {card.name}
              </AppLink>
            )}
          </h2>
        </header>

        <dl className="grid grid-cols-2 gap-x-4 gap-y-3 border-y border-line py-4 sm:grid-cols-4">
          <Stat
            label="Customers"
            value={formatCount(card.customers)}
            hint={`${formatPct(card.customerSharePct, 1)} of all`}
            testId="card-customers"
          />
          <Stat
            label="Revenue share"
            value={formatPct(card.revenueSharePct, 1)}
            hint={
              card.revenueIndex !== null
                ? `${formatRatio(card.revenueIndex, 2)} its customer share`
                : undefined
            }
            testId="card-revenue-share"
          />
          <Stat
            label="Avg CLV proxy"
            value={formatCount(card.avgClvProxy, 1)}
            hint={
              card.overallClvProxy !== null ? `vs ${formatCount(card.overallClvProxy, 1)} overall` : undefined
            }
            testId="card-clv"
          />
          <Stat
            label="Churn risk"
            value={formatCount(card.avgChurnRisk, 0)}
            hint={
              card.churnBand
                ? `${BAND_WORD[card.churnBand]} · vs ${formatCount(card.overallChurnRisk, 0)} overall`
                : undefined
            }
            testId="card-churn"
          />
        </dl>

        {card.prediction ? <PredictionLine prediction={card.prediction} currency={currency} /> : null}

        <p className="text-sm leading-relaxed text-ink-muted" data-testid="card-description">
          {card.description}
        </p>

        <div className="grid gap-5 sm:grid-cols-2">
          <div className="space-y-2">
            <PartHeading>What sets them apart</PartHeading>
            <TraitList traits={card.traits} />
          </div>
          <div className="space-y-5">
            <div className="space-y-2">
              <PartHeading>Channel mix (orders)</PartHeading>
              <ChannelMix onlinePct={card.onlineOrderSharePct} color={card.color} />
            </div>
            <div className="space-y-2">
              <PartHeading>Leans towards</PartHeading>
              <IntentChips intents={card.topIntents} />
            </div>
          </div>
        </div>

        <div className="space-y-2">
          <PartHeading>Families they over-index on</PartHeading>
          <FamilyList families={card.topFamilies} />
        </div>

        <div className="mt-auto space-y-2 rounded-md bg-sunken/60 p-4">
          <PartHeading>CRM plays</PartHeading>
          <CrmPlays plays={card.crmPlays} color={card.color} />
        </div>

        {href === null ? null : (
          <p aria-hidden="true" className="text-sm font-medium text-accent">
            Open persona →
          </p>
        )}
      </div>
    </article>
  );
}

/** Expected active customers and predicted revenue over the horizon, with its 80 % interval. */
function PredictionLine({ prediction: p, currency }: { prediction: PersonaPrediction; currency: string }) {
  return (
    <p className="-mt-1 text-sm" data-testid="card-prediction">
      <span className="text-ink-muted">Next {p.horizonMonths} months: </span>
      <span className="font-medium tabular-nums" data-testid="card-active">
        {formatCount(p.activeCustomers)} still active
      </span>
      <span className="text-ink-muted"> ({formatPct(p.activeSharePct, 0)} of them)</span>
      {p.predictedRevenue !== null ? (
        <>
          <span className="text-ink-muted"> · predicted revenue </span>
          <span className="font-medium tabular-nums" data-testid="card-predicted-revenue">
            {moneyWithRange(p.predictedRevenue, p.predictedRevenueP10, p.predictedRevenueP90, currency)}
          </span>
        </>
      ) : null}
    </p>
  );
}

function Stat({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: string;
  hint?: string;
  testId?: string;
}) {
  return (
    <div data-testid={testId}>
      <dt className="text-[0.7rem] tracking-label text-ink-muted uppercase">{label}</dt>
      <dd
        className="mt-0.5 font-display text-xl tabular-nums"
        data-testid={testId ? `${testId}-value` : undefined}
      >
        {value}
      </dd>
      {hint ? <dd className="text-xs text-ink-muted">{hint}</dd> : null}
    </div>
  );
}
