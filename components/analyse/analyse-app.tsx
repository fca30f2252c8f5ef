'use client';

import { useHydrated } from '@/lib/browser/use-hydrated';
import { formatBytes, formatCount } from '@/lib/format/format';
import { ORDER_FIELDS, type OrderField } from '@/lib/orders/column-matching';
import { missingOrderFields } from '@/lib/orders/order-columns';
import type { DateOrder } from '@/lib/orders/parse-values';
import { newSecret, secretFromHex, secretToHex } from '@/lib/orders/pseudonym-secret';
import { missingMessage } from '@/lib/own-data/messages';
import type { HeaderInspection } from '@/lib/own-data/stream-orders';
import type { ArrivalCell } from '@/lib/sources/arrivals';
import dynamic from 'next/dynamic';
import { useId, useMemo, useState, type DragEvent } from 'react';
import { useAnalyseWorker } from './use-analyse-worker';

/**
 * The results draw with the dashboard's own charts (about 150 KB of JavaScript): loaded when the
 * first result is on its way, not with the page, which stays within its first-load budget.
 */
const AnalyseResults = dynamic(() => import('./analyse-results').then((m) => m.AnalyseResults), {
  ssr: false,
  loading: () => (
    <p className="text-sm text-ink-muted" role="status">
      Drawing the results…
    </p>
  ),
});

const K_OPTIONS = [2, 3, 4, 5, 6, 7, 8, 9, 10];
const CURRENCIES = ['INR', 'USD', 'EUR', 'GBP', 'AED', 'SGD', 'AUD'];
type DateChoice = 'auto' | DateOrder;

const button =
  'rounded-md border border-line-strong bg-surface px-3 py-1.5 text-sm text-ink hover:bg-sunken disabled:cursor-not-allowed disabled:opacity-50';
const primary =
  'rounded-md bg-ink px-4 py-2 text-sm font-medium text-paper hover:bg-ink/85 disabled:cursor-not-allowed disabled:opacity-50';
const select = 'rounded-md border border-line-strong bg-surface px-2 py-1.5 text-sm text-ink';

/** The required fields are asked for first; the optional ones sit behind "More columns". */
const REQUIRED = ORDER_FIELDS.filter((f) => f.required);
const OPTIONAL = ORDER_FIELDS.filter((f) => !f.required);

/** The channel select's choices for a file without a channel column (not column names). */
const EVERY_ORDER = { online: '\u0000online', 'in-store': '\u0000in-store' } as const;
const fixedChannelOf = (value: string | undefined): 'online' | 'in-store' | null =>
  value === EVERY_ORDER.online ? 'online' : value === EVERY_ORDER['in-store'] ? 'in-store' : null;

/** `arrivals`: the public arrival curves of the dashboard's data, kept beside the brand's orders. */
export function AnalyseApp({ arrivals }: { arrivals: ArrivalCell[] }) {
  const worker = useAnalyseWorker(arrivals);
  const { state, chooseFile, chooseCustomers, chooseIntents, chooseProducts, run, recompute, cancel } =
    worker;
  const { file, customersFile, intentsFile, productsFile, inspection, busy, output, error, notice } = state;
  // The mapping belongs to one header: a new file starts again from what was matched automatically.
  const [edited, setEdited] = useState<{
    of: HeaderInspection | null;
    mapping: Partial<Record<OrderField, string>>;
  }>({ of: null, mapping: {} });
  const mapping =
    edited.of === inspection
      ? edited.mapping
      : {
          ...inspection?.columns,
          ...(inspection?.fixedChannel && !inspection.columns.channel
            ? { channel: EVERY_ORDER[inspection.fixedChannel] }
            : {}),
        };
  const setField = (key: OrderField, column: string) =>
    setEdited({ of: inspection, mapping: { ...mapping, [key]: column } });
  const [dateOrder, setDateOrder] = useState<DateChoice>('auto');
  const [currency, setCurrency] = useState('INR');
  const [k, setK] = useState(5);
  // Customer keys are pseudonymised with a secret made for this visit, unless the analyst gives the
  // one of their command-line builds (OMNI_ID_SECRET) to get the same ids.
  const sessionSecret = useMemo(() => secretToHex(newSecret()), []);
  const [ownSecret, setOwnSecret] = useState('');
  const secretProblem = ownSecret.trim() !== '' && !secretFromHex(ownSecret);
  const [dragging, setDragging] = useState(false);
  const ready = useHydrated();
  const inputId = useId();
  const customersId = useId();
  const intentsId = useId();
  const productsId = useId();
  const secretId = useId();

  const channel = fixedChannelOf(mapping.channel);
  const columnsMapping = { ...mapping };
  if (channel) delete columnsMapping.channel;
  const missingKeys = missingOrderFields(
    inspection?.headers ?? [],
    columnsMapping,
    { channel: null, categoryFallback: inspection?.categoryFallback ?? null },
    { channel, products: productsFile ?? undefined },
  );
  const missing = ORDER_FIELDS.filter((f) => missingKeys.includes(f.key));
  // What stands in for a required field without a column of its own.
  const standIn: Partial<Record<OrderField, string>> = {
    amount: mapping.unit_price ? `unit price × quantity (${mapping.unit_price})` : '',
    category: productsFile
      ? `from ${productsFile.name}${inspection?.categoryFallback ? `, else ${inspection.categoryFallback}` : ''}`
      : inspection?.categoryFallback
        ? `the ${inspection.categoryFallback} column (add the products file for product types)`
        : '',
  };
  const mappingProps = inspection && {
    inspection,
    mapping,
    missing: missingKeys,
    standIn,
    idPrefix: inputId,
    onChange: setField,
  };
  const options = {
    mapping: columnsMapping,
    dateOrder: dateOrder === 'auto' ? null : dateOrder,
    channel,
    currency,
    secretHex: ownSecret.trim() && !secretProblem ? ownSecret.trim() : sessionSecret,
  };
  const analyseNow = () => run({ ...options, k });

  // A chosen file will soon have results: fetch their code while the header is inspected.
  const pick = (chosen: File) => {
    void import('./analyse-results');
    chooseFile(chosen);
  };

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) pick(dropped);
  };

  return (
    <div className="space-y-8" data-testid="analyse-app" data-ready={ready || undefined}>
      <section aria-labelledby="file-title" className="rounded-lg border border-line bg-surface p-4 sm:p-6">
        <h2 id="file-title" className="text-2xl">
          1. Your orders file
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-ink-muted">
          One row per order line: order id, customer id, order date-time, channel (online or in store),
          product category, quantity and amount net of discount; discount and dwell minutes are optional.
          Comma, semicolon or tab separated, UTF-8.
        </p>
        <div
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          className="mt-4"
          data-testid="drop-zone"
        >
          <label
            htmlFor={inputId}
            className={`flex cursor-pointer flex-col items-center justify-center gap-1 rounded-lg border-2 border-dashed px-4 py-8 text-center focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-accent ${
              dragging ? 'border-accent bg-sunken' : 'border-line-strong bg-paper hover:bg-sunken/60'
            }`}
          >
            <span className="text-base font-medium">Drop the orders CSV here, or choose a file</span>
            <span className="text-xs text-ink-muted">
              {file ? `Chosen: ${file.name} (${formatBytes(file.size)})` : 'Nothing chosen yet'}
            </span>
            <input
              id={inputId}
              type="file"
              accept=".csv,.tsv,.txt,text/csv,text/plain"
              className="sr-only"
              data-testid="orders-input"
              onChange={(e) => {
                const chosen = e.target.files?.[0];
                if (chosen) pick(chosen);
                e.target.value = '';
              }}
            />
          </label>
        </div>
        <p className="mt-3 flex items-start gap-2 text-sm" data-testid="privacy-note">
          <span aria-hidden="true" className="mt-1 size-2 shrink-0 rounded-full bg-ink" />
          <span>
            <strong className="font-medium">Your file never leaves this browser.</strong> It is read and
            analysed on this device, in a background worker; nothing is uploaded or stored, and closing the
            tab discards it.
          </span>
        </p>
      </section>

      <div aria-live="polite" className="space-y-3">
        {error ? (
          <div
            role="alert"
            className="rounded-lg border border-accent bg-surface p-4"
            data-testid="analyse-error"
          >
            <p className="font-medium">The file could not be used</p>
            <p className="mt-1 text-sm whitespace-pre-line">
              {/* The first bad rows are listed below: the message's own listing (for the command line) is left out. */}
              {error.problems?.length ? error.message.split('\n')[0] : error.message}
            </p>
            {error.problems && error.problems.length > 0 ? <ProblemList problems={error.problems} /> : null}
            <p className="mt-2 text-xs text-ink-muted">
              Fix the file or the mapping and try again, or choose another file.
            </p>
          </div>
        ) : null}
        {notice ? (
          <p className="rounded-lg border border-line bg-surface p-3 text-sm" data-testid="analyse-notice">
            {notice}
          </p>
        ) : null}
      </div>

      {inspection && file ? (
        <section aria-labelledby="map-title" className="rounded-lg border border-line bg-surface p-4 sm:p-6">
          <h2 id="map-title" className="text-2xl">
            2. Columns
          </h2>
          <p className="mt-1 text-sm text-ink-muted">
            {formatCount(inspection.headers.length)} columns, separated by{' '}
            {inspection.delimiter === '\t' ? 'tabs' : inspection.delimiter === ';' ? 'semicolons' : 'commas'}.
            Check which column holds each field and change any that is wrong.
          </p>
          {inspection.platform !== 'generic' ? (
            <div className="mt-3 rounded-md bg-sunken p-3 text-sm" data-testid="platform-note">
              <p className="font-medium">Read as {inspection.platformLabel}.</p>
              <ul className="mt-1 list-disc space-y-0.5 pl-5 text-ink-muted">
                {inspection.platformNotes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {missing.length > 0 ? (
            <p className="mt-3 rounded-md bg-sunken p-3 text-sm" data-testid="mapping-missing" role="status">
              {missingMessage(missing)} Choose the column below.
            </p>
          ) : null}
          <div className="mt-4 overflow-x-auto">
            <MappingTable
              fields={REQUIRED}
              caption="Column mapping: field, column of the file, how it was found"
              testId="mapping-table"
              {...mappingProps!}
            />
          </div>
          <details className="mt-3 rounded-md border border-line bg-paper p-3" data-testid="optional-columns">
            <summary className="cursor-pointer text-sm font-medium">
              More columns: discounts, refunds, status, SKU and others (
              {formatCount(OPTIONAL.filter((f) => mapping[f.key]).length)} of {formatCount(OPTIONAL.length)}{' '}
              found)
            </summary>
            <div className="mt-2 overflow-x-auto">
              <MappingTable
                fields={OPTIONAL}
                caption="Optional columns: field, column of the file, how it was found"
                testId="optional-mapping-table"
                {...mappingProps!}
              />
            </div>
          </details>
          <div className="mt-4 grid gap-3 md:grid-cols-2 xl:grid-cols-3">
            <SideFile
              id={productsId}
              label="Products file (optional)"
              hint={`Your products export (Shopify: Products → Export), for each order line's category by SKU or product title${inspection.categoryFallback ? `; without it, categories are the ${inspection.categoryFallback} column` : ''}.`}
              file={productsFile}
              testId="products-input"
              onChoose={chooseProducts}
            />
            <SideFile
              id={customersId}
              label="Customers file (optional)"
              hint="A CSV with a customer id and any of age or age band, gender and city or region type; it adds demographics to the personas."
              file={customersFile}
              testId="customers-input"
              onChoose={chooseCustomers}
            />
            <SideFile
              id={intentsId}
              label="Category → intent file (optional)"
              hint="A CSV with a category and an intent column, grouping categories into lifestyle intents (e.g. Bedding → Home comfort). Without one, each category is its own intent."
              file={intentsFile}
              testId="intents-input"
              onChoose={chooseIntents}
            />
          </div>
          <div className="mt-4 flex flex-wrap items-end gap-4">
            <label className="flex flex-col gap-1 text-xs text-ink-muted">
              Date order (for dates like 03/04/2025)
              <select
                className={select}
                value={dateOrder}
                onChange={(e) => setDateOrder(e.target.value as DateChoice)}
              >
                <option value="auto">Detect from the data</option>
                <option value="dmy">Day first (03/04 = 3 April)</option>
                <option value="mdy">Month first (03/04 = 4 March)</option>
              </select>
            </label>
            <label className="flex flex-col gap-1 text-xs text-ink-muted">
              Currency of the amounts
              <select className={select} value={currency} onChange={(e) => setCurrency(e.target.value)}>
                {CURRENCIES.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            </label>
            <label className="flex flex-col gap-1 text-xs text-ink-muted">
              Personas (k)
              <select className={select} value={k} onChange={(e) => setK(Number(e.target.value))}>
                {K_OPTIONS.map((v) => (
                  <option key={v} value={v}>
                    {v}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              className={primary}
              disabled={missing.length > 0 || busy !== null || secretProblem}
              onClick={analyseNow}
              data-testid="analyse-button"
            >
              Analyse in this browser
            </button>
          </div>
          <details className="mt-4 text-sm" data-testid="pseudonyms">
            <summary className="cursor-pointer font-medium">Customer keys and privacy</summary>
            <p className="mt-2 max-w-3xl text-ink-muted">
              E-mail addresses, phone numbers and customer ids never reach the results or the downloaded
              tables: they carry pseudonymous ids (c_…) made with a keyed hash. The key map that turns them
              back, for your CRM, can be downloaded after the analysis; it stays on this device. A new secret
              is made for each visit; give the one of your command-line builds (OMNI_ID_SECRET) to get the
              same ids.
            </p>
            <label htmlFor={secretId} className="mt-2 block text-xs text-ink-muted">
              Pseudonym secret (optional, hex)
            </label>
            <input
              id={secretId}
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={ownSecret}
              onChange={(e) => setOwnSecret(e.target.value)}
              className={`${select} mt-1 w-full max-w-md font-mono`}
              aria-invalid={secretProblem || undefined}
              aria-describedby={secretProblem ? `${secretId}-problem` : undefined}
            />
            {secretProblem ? (
              <p id={`${secretId}-problem`} className="mt-1 text-xs font-medium text-[#B34A00]">
                A secret is written in hex (0–9, a–f), at least 32 characters.
              </p>
            ) : null}
          </details>
        </section>
      ) : null}

      {busy ? <Progress busy={busy} onCancel={cancel} /> : null}

      {output ? (
        <AnalyseResults
          output={output}
          busy={busy !== null}
          downloading={worker.downloading}
          onDownload={worker.download}
          onDownloadKeys={worker.downloadKeys}
          k={k}
          onK={(next) => {
            setK(next);
            recompute(next, options);
          }}
        />
      ) : null}
    </div>
  );
}

/** An optional side file, read in this browser with the orders (choosing one needs Analyse again). */
function SideFile({
  id,
  label,
  hint,
  file,
  testId,
  onChoose,
}: {
  id: string;
  label: string;
  hint: string;
  file: File | null;
  testId: string;
  onChoose: (file: File | null) => void;
}) {
  return (
    <div className="rounded-md border border-line bg-paper p-3">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <p className="text-xs text-ink-muted">{hint} Read in this browser too.</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <input
          id={id}
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/plain"
          className="max-w-full text-sm file:mr-3 file:rounded-md file:border file:border-line-strong file:bg-surface file:px-3 file:py-1.5 file:text-sm file:text-ink"
          data-testid={testId}
          onChange={(e) => onChoose(e.target.files?.[0] ?? null)}
        />
        {file ? (
          <span className="text-xs text-ink-muted">
            {file.name} ({formatBytes(file.size)})
          </span>
        ) : null}
      </div>
    </div>
  );
}

function ProblemList({ problems }: { problems: Array<{ line: number; reason: string }> }) {
  return (
    <ul className="mt-2 space-y-0.5 text-xs" data-testid="problem-list">
      {problems.map((p) => (
        <li key={p.line}>
          <span className="font-medium tabular-nums">line {p.line}:</span> {p.reason}
        </li>
      ))}
    </ul>
  );
}

export { ProblemList };

function Progress({
  busy,
  onCancel,
}: {
  busy: NonNullable<ReturnType<typeof useAnalyseWorker>['state']['busy']>;
  onCancel: () => void;
}) {
  const fraction =
    busy.kind === 'reading' && busy.totalBytes > 0 ? Math.min(1, busy.bytes / busy.totalBytes) : null;
  const text =
    busy.kind === 'inspecting'
      ? 'Reading the header…'
      : busy.kind === 'reading'
        ? `Reading: ${formatCount(busy.rows)} rows, ${formatBytes(busy.bytes)} of ${formatBytes(busy.totalBytes)}`
        : `Finding ${busy.k} personas…`;
  return (
    <section
      aria-label="Progress"
      className="rounded-lg border border-line bg-surface p-4"
      data-testid="analyse-progress"
      data-kind={busy.kind}
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm" role="status">
          {text}
        </p>
        <button type="button" className={button} onClick={onCancel} data-testid="cancel-button">
          Cancel
        </button>
      </div>
      <progress
        className="mt-3 h-2 w-full accent-ink"
        aria-label={busy.kind === 'reading' ? 'Share of the file read' : 'Working'}
        {...(fraction !== null ? { value: fraction, max: 1 } : {})}
      />
    </section>
  );
}

/** Rows of the column mapping: a field, the column chosen for it (or none), and how it was found. */
function MappingTable({
  fields,
  caption,
  testId,
  inspection,
  mapping,
  missing,
  standIn,
  idPrefix,
  onChange,
}: {
  fields: readonly (typeof ORDER_FIELDS)[number][];
  caption: string;
  testId: string;
  inspection: HeaderInspection;
  mapping: Partial<Record<OrderField, string>>;
  /** Required fields with nothing to stand in for them. */
  missing: readonly OrderField[];
  standIn: Partial<Record<OrderField, string>>;
  idPrefix: string;
  onChange: (key: OrderField, column: string) => void;
}) {
  return (
    <table className="w-full border-collapse text-sm" data-testid={testId}>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-line text-left text-xs tracking-label text-ink-muted uppercase">
          <th scope="col" className="py-2 pr-3 font-medium">
            Field
          </th>
          <th scope="col" className="py-2 pr-3 font-medium">
            Column in the file
          </th>
          <th scope="col" className="hidden py-2 font-medium sm:table-cell">
            How
          </th>
        </tr>
      </thead>
      <tbody>
        {fields.map((f) => {
          const value = mapping[f.key] ?? '';
          const auto = inspection.columns[f.key];
          const fixed = f.key === 'channel' ? fixedChannelOf(value) : null;
          const lacking = missing.includes(f.key);
          const how = !value
            ? lacking
              ? 'missing: choose a column'
              : f.required
                ? standIn[f.key] || 'not needed'
                : 'not used (optional)'
            : fixed
              ? `every order ${fixed === 'online' ? 'online' : 'in store'}${inspection.fixedChannel === fixed ? ` (${inspection.platformLabel.replace(/^an? /, '')})` : ''}`
              : value === auto
                ? (inspection.how[f.key] ?? 'matched')
                : 'set by you';
          const selectId = `${idPrefix}-${f.key}`;
          const flag = lacking ? 'font-medium text-[#B34A00]' : 'text-ink-muted';
          return (
            <tr key={f.key} className="border-b border-line/70 last:border-0" data-field={f.key}>
              <th scope="row" className="py-2 pr-3 text-left font-medium">
                <label htmlFor={selectId}>
                  {f.label}
                  {f.required ? '' : ' (optional)'}
                </label>
              </th>
              <td className="py-2 pr-3">
                <select
                  id={selectId}
                  className={`${select} w-full max-w-56`}
                  value={value}
                  onChange={(e) => onChange(f.key, e.target.value)}
                >
                  <option value="">— none —</option>
                  {f.key === 'channel' ? (
                    <>
                      <option value={EVERY_ORDER.online}>Every order is online</option>
                      <option value={EVERY_ORDER['in-store']}>Every order is in store</option>
                    </>
                  ) : null}
                  {inspection.headers.map((h, i) => (
                    <option key={`${h}-${i}`} value={h}>
                      {h}
                    </option>
                  ))}
                </select>
                <span className={`mt-0.5 block text-xs sm:hidden ${flag}`}>{how}</span>
              </td>
              <td className={`hidden py-2 text-xs sm:table-cell ${flag}`} data-testid={`how-${f.key}`}>
                {how}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
