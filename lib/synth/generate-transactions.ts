import { binomial, exponential, normal, poisson } from '../random/distributions';
import { createRng, type Sfc32 } from '../random/rng';
import type { StagedSources } from '../sources/stage-sources';
import {
  CHANNEL_INSTORE,
  CHANNEL_ONLINE,
  CONTACT_CHANNELS,
  Growable,
  MARKETING_PERIODS,
  marketingSlot,
  NO_CONTACT,
  weekdayOf,
  type TransactionLog,
} from '../transactions/transaction-log';
import { buildCatalogue, type Catalogue } from './catalogue';
import { drawCustomerTraits, HOSTING, INDULGENCE, type CustomerTraits } from './customer-traits';
import { daysBetween, windowStartOf, type SynthConfig } from './synth-config';

/** Days between touches per contact channel: weekly e-mail, fortnightly SMS, weekly app push, quarterly events. */
const CADENCE_DAYS = [7, 15, 7, 91];
/** Probability an engaged, active customer responds to one touch (click, tap, RSVP). */
const RESPONSE_RATE = [0.035, 0.03, 0.05, 0.12];
/** Probability a response becomes an order within days. */
const CONVERSION_RATE = [0.22, 0.26, 0.28, 0.45];
/** Share of touches that carry a discount offer. */
const OFFER_SHARE = 0.3;
/** Dormant customers still receive touches, but rarely answer them. */
const DORMANT_RESPONSE_FACTOR = 0.06;
const MAX_FAMILIES_PER_ORDER = 24;
/** Occasion orders: larger, pricier, and tilted to gifting and entertaining. */
const OCCASION_BASKET_FACTOR = 1.8;
const OCCASION_PRICE_TIER = 0.9;
const OCCASION_INTENT_TILT: Record<number, number> = { [INDULGENCE]: 4, [HOSTING]: 2.5 };
const customerId = (c: number) => `C${String(c + 1).padStart(7, '0')}`;

interface PlannedOrder {
  day: number;
  hour: number;
  channel: number;
  contact: number;
  forceChannel: number;
  discountRate: number;
}

const plan = (day: number, contact: number, forceChannel: number, discountRate: number): PlannedOrder => ({
  day,
  hour: 0,
  channel: 0,
  contact,
  forceChannel,
  discountRate,
});

/** Columns of the log being built, pre-sized from an estimate of orders and lines per customer. */
class LogBuilder {
  constructor(customers: number) {
    const orders = Math.max(1024, customers * 7);
    const lines = orders * 6;
    this.orderDay = new Growable((n) => new Uint16Array(n), orders);
    this.orderHour = new Growable((n) => new Uint8Array(n), orders);
    this.orderChannel = new Growable((n) => new Uint8Array(n), orders);
    this.orderGross = new Growable((n) => new Float64Array(n), orders);
    this.orderDiscount = new Growable((n) => new Float64Array(n), orders);
    this.orderDwell = new Growable((n) => new Float32Array(n), orders);
    this.orderContact = new Growable((n) => new Uint8Array(n), orders);
    this.orderLineStart = new Growable((n) => new Uint32Array(n), orders);
    this.lineCategory = new Growable((n) => new Uint16Array(n), lines);
    this.lineQuantity = new Growable((n) => new Uint16Array(n), lines);
    this.lineNet = new Growable((n) => new Float32Array(n), lines);
    this.lineImpulse = new Growable((n) => new Uint8Array(n), lines);
  }
  orderDay: Growable<Uint16Array>;
  orderHour: Growable<Uint8Array>;
  orderChannel: Growable<Uint8Array>;
  orderGross: Growable<Float64Array>;
  orderDiscount: Growable<Float64Array>;
  orderDwell: Growable<Float32Array>;
  orderContact: Growable<Uint8Array>;
  orderLineStart: Growable<Uint32Array>;
  lineCategory: Growable<Uint16Array>;
  lineQuantity: Growable<Uint16Array>;
  lineNet: Growable<Float32Array>;
  lineImpulse: Growable<Uint8Array>;
}

/**
 * Orders and lines are written to these fixed-type scratch columns, then appended to the log in
 * large blocks (flushScratch): per-element writes stay monomorphic and block copies stay rare.
 */
const SCRATCH_ORDERS = 1 << 15;
const SCRATCH_LINES = 1 << 18;
const scratch = {
  orders: 0,
  lines: 0,
  orderDay: new Uint16Array(SCRATCH_ORDERS),
  orderHour: new Uint8Array(SCRATCH_ORDERS),
  orderChannel: new Uint8Array(SCRATCH_ORDERS),
  orderGross: new Float64Array(SCRATCH_ORDERS),
  orderDiscount: new Float64Array(SCRATCH_ORDERS),
  orderDwell: new Float32Array(SCRATCH_ORDERS),
  orderContact: new Uint8Array(SCRATCH_ORDERS),
  orderLineStart: new Uint32Array(SCRATCH_ORDERS),
  lineCategory: new Uint16Array(SCRATCH_LINES),
  lineQuantity: new Uint16Array(SCRATCH_LINES),
  lineNet: new Float32Array(SCRATCH_LINES),
  lineImpulse: new Uint8Array(SCRATCH_LINES),
};

function flushScratch(b: LogBuilder): void {
  const o = scratch.orders;
  const l = scratch.lines;
  b.orderDay.append(scratch.orderDay, o);
  b.orderHour.append(scratch.orderHour, o);
  b.orderChannel.append(scratch.orderChannel, o);
  b.orderGross.append(scratch.orderGross, o);
  b.orderDiscount.append(scratch.orderDiscount, o);
  b.orderDwell.append(scratch.orderDwell, o);
  b.orderContact.append(scratch.orderContact, o);
  b.orderLineStart.append(scratch.orderLineStart, o);
  b.lineCategory.append(scratch.lineCategory, l);
  b.lineQuantity.append(scratch.lineQuantity, l);
  b.lineNet.append(scratch.lineNet, l);
  b.lineImpulse.append(scratch.lineImpulse, l);
  scratch.orders = 0;
  scratch.lines = 0;
}

/** Make room for one customer's orders: flush when full, grow when one customer alone needs more. */
function ensureScratch(b: LogBuilder, orders: number, lines: number): void {
  if (
    scratch.orders + orders <= scratch.orderDay.length &&
    scratch.lines + lines <= scratch.lineCategory.length
  )
    return;
  flushScratch(b);
  if (orders > scratch.orderDay.length) {
    const n = Math.max(orders, scratch.orderDay.length * 2);
    scratch.orderDay = new Uint16Array(n);
    scratch.orderHour = new Uint8Array(n);
    scratch.orderChannel = new Uint8Array(n);
    scratch.orderGross = new Float64Array(n);
    scratch.orderDiscount = new Float64Array(n);
    scratch.orderDwell = new Float32Array(n);
    scratch.orderContact = new Uint8Array(n);
    scratch.orderLineStart = new Uint32Array(n);
  }
  if (lines > scratch.lineCategory.length) {
    const n = Math.max(lines, scratch.lineCategory.length * 2);
    scratch.lineCategory = new Uint16Array(n);
    scratch.lineQuantity = new Uint16Array(n);
    scratch.lineNet = new Float32Array(n);
    scratch.lineImpulse = new Uint8Array(n);
  }
}

/** Scratch buffers reused across orders so the hot loop does not allocate. */
const basketFamily = new Int32Array(MAX_FAMILIES_PER_ORDER + 8);
const basketQty = new Int32Array(MAX_FAMILIES_PER_ORDER + 8);
const basketPrice = new Float64Array(MAX_FAMILIES_PER_ORDER + 8);
const basketImpulse = new Uint8Array(MAX_FAMILIES_PER_ORDER + 8);

function pickIntent(rng: Sfc32, cumulative: Float64Array): number {
  const u = rng.next() * cumulative[cumulative.length - 1]!;
  let i = 0;
  while (i < cumulative.length - 1 && cumulative[i]! <= u) i++;
  return i;
}

function inBasket(family: number, size: number): boolean {
  for (let j = 0; j < size; j++) if (basketFamily[j] === family) return true;
  return false;
}

function drawUnitPriceUsd(rng: Sfc32, cat: Catalogue, family: number, tier: number): number {
  const sigma = cat.priceSigma[family]!;
  if (sigma === 0) return Math.exp(cat.priceMu[family]!);
  const p = Math.exp(cat.priceMu[family]! + sigma * (normal(rng) + tier));
  return Math.min(cat.priceMax[family]!, Math.max(cat.priceMin[family]!, p));
}

/** Organic purchase days: a purchase process with heterogeneous rates, fading interest and dropout. */
function drawOrganicDays(
  rng: Sfc32,
  t: CustomerTraits,
  windowDays: number,
): { days: number[]; inactiveFrom: number } {
  const days = [t.acquisitionDay];
  let day = t.acquisitionDay;
  for (;;) {
    if (rng.next() < t.dropout) return { days, inactiveFrom: day + 1 };
    const years = (day - t.acquisitionDay) / 365;
    const ratePerDay = (t.weeklyRate / 7) * Math.exp(-t.fadePerYear * years);
    day += Math.max(1, exponential(rng, Math.max(ratePerDay, 1e-6)));
    if (day >= windowDays) return { days, inactiveFrom: windowDays };
    days.push(Math.floor(day));
  }
}

export function generateTransactions(sources: StagedSources, config: SynthConfig): TransactionLog {
  const cat = buildCatalogue(sources);
  const windowStart = windowStartOf(config);
  const windowDays = daysBetween(windowStart, config.windowEnd) + 1;
  const recentFromDay = daysBetween(
    windowStart,
    windowStartOf({ months: config.recentMonths, windowEnd: config.windowEnd }),
  );
  const startWeekday = weekdayOf(windowStart, 0);
  const n = config.customers;
  const b = new LogBuilder(n);
  scratch.orders = 0;
  scratch.lines = 0;
  const customerOrderStart = new Uint32Array(n + 1);
  const age = new Uint8Array(n);
  const gender = new Uint8Array(n);
  const locale = new Uint8Array(n);
  const slots = n * CONTACT_CHANNELS.length * MARKETING_PERIODS.length;
  const marketing = {
    touches: new Uint16Array(slots),
    responses: new Uint16Array(slots),
    conversions: new Uint16Array(slots),
    redemptions: new Uint16Array(slots),
  };
  // Cumulative intent weights per [occasion][channel].
  const intentCum = [0, 1].map(() => [
    new Float64Array(cat.intentCount),
    new Float64Array(cat.intentCount),
  ]) as [[Float64Array, Float64Array], [Float64Array, Float64Array]];
  const planned: PlannedOrder[] = [];

  for (let c = 0; c < n; c++) {
    const rng = createRng(config.seed, c);
    const t = drawCustomerTraits(rng, cat.intentCount, windowDays);
    age[c] = t.age;
    gender[c] = t.gender;
    locale[c] = t.locale;
    for (const occasion of [0, 1]) {
      for (const ch of [CHANNEL_INSTORE, CHANNEL_ONLINE]) {
        let acc = 0;
        for (let i = 0; i < cat.intentCount; i++) {
          const tilt = occasion ? (OCCASION_INTENT_TILT[i] ?? 1) : 1;
          acc += t.intentPreference[i]! * tilt * cat.intentMass[ch as 0 | 1][i]!;
          intentCum[occasion]![ch as 0 | 1][i] = acc;
        }
      }
    }

    planned.length = 0;
    const { days, inactiveFrom } = drawOrganicDays(rng, t, windowDays);
    for (const day of days) {
      const promo = rng.next() < 0.5 * t.promoSensitivity * t.promoSensitivity;
      planned.push(plan(day, NO_CONTACT, -1, promo ? 0.1 + 0.2 * rng.next() : 0));
    }

    // Marketing: touches over the customer's life in the window, split active/dormant × earlier/recent.
    const start = t.acquisitionDay + 1;
    const bounds = [start, Math.max(start, Math.min(inactiveFrom, windowDays)), windowDays];
    for (let ch = 0; ch < CONTACT_CHANNELS.length; ch++) {
      if (!t.reachable[ch]) continue;
      for (let phase = 0; phase < 2; phase++) {
        const active = phase === 0;
        for (let period = 0; period < 2; period++) {
          const lo = Math.max(bounds[phase]!, period === 0 ? 0 : recentFromDay);
          const hi = Math.min(bounds[phase + 1]!, period === 0 ? recentFromDay : windowDays);
          if (hi <= lo) continue;
          const touches = Math.floor((hi - lo) / CADENCE_DAYS[ch]! + rng.next());
          if (touches === 0) continue;
          const midYears = ((lo + hi) / 2 - t.acquisitionDay) / 365;
          const fade = Math.exp(-t.fadePerYear * midYears);
          const pRespond = Math.min(
            0.6,
            RESPONSE_RATE[ch]! *
              Math.exp(0.55 * t.engagement) *
              fade *
              (active ? 1 : DORMANT_RESPONSE_FACTOR),
          );
          const responses = binomial(rng, touches, pRespond);
          let conversions = 0;
          let redemptions = 0;
          if (active && responses > 0) {
            const offers = binomial(rng, responses, OFFER_SHARE);
            const plain = binomial(rng, responses - offers, CONVERSION_RATE[ch]!);
            const viaOffer = binomial(
              rng,
              offers,
              Math.min(0.95, CONVERSION_RATE[ch]! * (1 + 1.8 * t.promoSensitivity)),
            );
            redemptions = binomial(rng, viaOffer, 0.5 + 0.45 * t.promoSensitivity);
            conversions = plain + viaOffer;
            for (let k = 0; k < conversions; k++) {
              planned.push(
                plan(
                  Math.floor(lo + rng.next() * (hi - lo)),
                  ch,
                  CONTACT_CHANNELS[ch] === 'event' ? CHANNEL_INSTORE : -1,
                  k < redemptions ? 0.1 + 0.15 * rng.next() : 0,
                ),
              );
            }
          }
          const slot = marketingSlot(c, ch, period);
          marketing.touches[slot] = Math.min(65535, marketing.touches[slot]! + touches);
          marketing.responses[slot] = Math.min(65535, marketing.responses[slot]! + responses);
          marketing.conversions[slot] = Math.min(65535, marketing.conversions[slot]! + conversions);
          marketing.redemptions[slot] = Math.min(65535, marketing.redemptions[slot]! + redemptions);
        }
      }
    }

    // Each order: channel, then weekday × hour from that channel's arrival curve (same week).
    for (const order of planned) {
      const channel =
        order.forceChannel >= 0
          ? order.forceChannel
          : rng.next() < t.onlineShare
            ? CHANNEL_ONLINE
            : CHANNEL_INSTORE;
      const cell = cat.arrivalCells[channel as 0 | 1].sample(rng);
      const weekday = (startWeekday + order.day) % 7;
      let day = order.day - weekday + cat.cellDay[cell]!;
      if (day < t.acquisitionDay) day += 7;
      if (day >= windowDays) day -= 7;
      order.day = Math.max(0, day);
      order.channel = channel;
      order.hour = cat.cellHour[cell]!;
    }
    planned.sort((a, x) => a.day - x.day || a.hour - x.hour);

    ensureScratch(b, planned.length, planned.length * (MAX_FAMILIES_PER_ORDER + 3));
    customerOrderStart[c] = b.orderDay.length + scratch.orders;
    const lineBase = b.lineCategory.length;
    for (const order of planned) {
      const ch = order.channel as 0 | 1;
      const online = ch === CHANNEL_ONLINE;
      const occasion = rng.next() < t.occasionShare ? 1 : 0;
      const basketMean = t.basketMean * (online ? 1.35 : 1) * (occasion ? OCCASION_BASKET_FACTOR : 1);
      const target = Math.min(MAX_FAMILIES_PER_ORDER, 1 + poisson(rng, basketMean));
      const tier = t.priceTier + (occasion ? OCCASION_PRICE_TIER : 0);
      let size = 0;
      for (let tries = 0; size < target && tries < target * 4; tries++) {
        const intent = pickIntent(rng, intentCum[occasion]![ch]);
        const members = cat.intentFamilies[intent]!;
        const family = members[cat.familyWithinIntent[ch][intent]!.sample(rng)]!;
        if (inBasket(family, size)) continue;
        basketFamily[size] = family;
        basketImpulse[size] = 0;
        size++;
      }
      if (!online) {
        // Families passed in the aisles; each joins the basket at its impulse rate.
        for (let k = 0; k < 3 && size < MAX_FAMILIES_PER_ORDER + 3; k++) {
          const family = cat.instoreFamilies.sample(rng);
          if (!inBasket(family, size) && rng.next() < cat.impulseRate[family]! * t.impulseFactor) {
            basketFamily[size] = family;
            basketImpulse[size] = 1;
            size++;
          }
        }
      }
      let gross = 0;
      let dwellSeconds = 0;
      for (let j = 0; j < size; j++) {
        const family = basketFamily[j]!;
        const qty = 1 + poisson(rng, 0.3);
        const unit = Math.round(drawUnitPriceUsd(rng, cat, family, tier) * config.usdToCurrency * 100) / 100;
        basketQty[j] = qty;
        basketPrice[j] = unit * qty;
        gross += unit * qty;
        dwellSeconds += cat.dwellSeconds[family]! * (1 + 0.25 * (qty - 1));
      }
      gross = Math.round(gross * 100) / 100;
      const discount = Math.round(gross * order.discountRate * 100) / 100;
      const keep = gross > 0 ? 1 - discount / gross : 1;
      const o = scratch.orders++;
      scratch.orderDay[o] = order.day;
      scratch.orderHour[o] = order.hour;
      scratch.orderChannel[o] = ch;
      scratch.orderGross[o] = gross;
      scratch.orderDiscount[o] = discount;
      scratch.orderDwell[o] = online
        ? 0
        : Math.round((4 * Math.exp(normal(rng, 0, 0.25)) + dwellSeconds / 60) * t.dwellFactor * 10) / 10;
      scratch.orderContact[o] = order.contact;
      scratch.orderLineStart[o] = lineBase + scratch.lines;
      for (let j = 0; j < size; j++) {
        const l = scratch.lines++;
        scratch.lineCategory[l] = basketFamily[j]!;
        scratch.lineQuantity[l] = basketQty[j]!;
        scratch.lineNet[l] = basketPrice[j]! * keep;
        scratch.lineImpulse[l] = basketImpulse[j]!;
      }
    }
  }
  flushScratch(b);
  customerOrderStart[n] = b.orderDay.length;
  b.orderLineStart.append(Uint32Array.of(b.lineCategory.length), 1);

  return {
    windowStart,
    windowDays,
    recentFromDay,
    categories: sources.families.map((f) => ({
      category_id: f.family_id,
      name: f.family_name,
      intent: f.intent,
    })),
    customerCount: n,
    customerIds: Array.from({ length: n }, (_, c) => customerId(c)),
    attributes: { age, gender, locale },
    customerOrderStart,
    orderCount: b.orderDay.length,
    orderDay: b.orderDay.toArray(),
    orderHour: b.orderHour.toArray(),
    orderChannel: b.orderChannel.toArray(),
    orderGross: b.orderGross.toArray(),
    orderDiscount: b.orderDiscount.toArray(),
    orderDwellMinutes: b.orderDwell.toArray(),
    orderContact: b.orderContact.toArray(),
    orderLineStart: b.orderLineStart.toArray(),
    lineCount: b.lineCategory.length,
    lineCategory: b.lineCategory.toArray(),
    lineQuantity: b.lineQuantity.toArray(),
    lineNet: b.lineNet.toArray(),
    lineImpulse: b.lineImpulse.toArray(),
    marketing,
  };
}
