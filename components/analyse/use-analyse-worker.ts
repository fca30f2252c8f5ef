'use client';

import { saveFile } from '@/lib/browser/save-file';
import type { OrderField } from '@/lib/orders/column-matching';
import type { RowProblem } from '@/lib/orders/orders-input-error';
import type { DateOrder } from '@/lib/orders/parse-values';
import type { DownloadFormat, OwnTablesResult } from '@/lib/own-data/own-tables';
import type { FromWorker, ReadSummary, ToWorker } from '@/lib/own-data/protocol';
import type { HeaderInspection } from '@/lib/own-data/stream-orders';
import type { TableName } from '@/lib/schema';
import type { ArrivalCell } from '@/lib/sources/arrivals';
import { useCallback, useEffect, useRef, useState } from 'react';

/** What the analyst chose on the page, for a run. */
export interface RunOptions {
  mapping: Partial<Record<OrderField, string>>;
  dateOrder: DateOrder | null;
  channel: 'online' | 'in-store' | null;
  currency: string;
  secretHex: string;
}

export type Busy =
  | { kind: 'inspecting' }
  | { kind: 'reading'; rows: number; bytes: number; totalBytes: number }
  | { kind: 'analysing'; k: number };

export interface Output {
  read: ReadSummary;
  result: OwnTablesResult;
  analyseMs: number;
}

export interface AnalyseState {
  file: File | null;
  customersFile: File | null;
  intentsFile: File | null;
  productsFile: File | null;
  inspection: HeaderInspection | null;
  busy: Busy | null;
  output: Output | null;
  error: { message: string; problems?: RowProblem[] } | null;
  notice: string | null;
}

const INITIAL: AnalyseState = {
  file: null,
  customersFile: null,
  intentsFile: null,
  productsFile: null,
  inspection: null,
  busy: null,
  output: null,
  error: null,
  notice: null,
};

/** Downloads have their own ids, above any analysis request's, so they never cancel one. */
const DOWNLOAD_IDS = 1_000_000_000;

/**
 * The page's side of the worker: one worker at a time, created when first needed; Cancel
 * terminates it (it really stops), and the next request starts a fresh one.
 */
export function useAnalyseWorker(arrivals: ArrivalCell[]) {
  const [state, setState] = useState<AnalyseState>(INITIAL);
  const workerRef = useRef<Worker | null>(null);
  const requestRef = useRef(0);
  /** Whether the worker still holds the parsed log of the current file (a new k needs no re-read). */
  const logHeld = useRef(false);

  const downloadRef = useRef(DOWNLOAD_IDS);
  const [downloading, setDownloading] = useState<string | null>(null);

  const onMessage = useCallback((event: MessageEvent<FromWorker>) => {
    const m = event.data;
    if (m.id >= DOWNLOAD_IDS) {
      if (m.id !== downloadRef.current) return;
      setDownloading(null);
      if (m.type === 'file') saveFile(m.name, m.blob);
      else if (m.type === 'error') setState((s) => ({ ...s, error: { message: m.message } }));
      return;
    }
    if (m.id !== requestRef.current) return;
    setState((s) => {
      switch (m.type) {
        case 'inspected': {
          const { type: _type, id: _id, ...inspection } = m;
          return { ...s, busy: null, inspection, error: null };
        }
        case 'progress':
          return { ...s, busy: { kind: 'reading', rows: m.rows, bytes: m.bytes, totalBytes: m.totalBytes } };
        case 'analysing':
          logHeld.current = true;
          return { ...s, busy: { kind: 'analysing', k: m.k } };
        case 'done':
          logHeld.current = true;
          return {
            ...s,
            busy: null,
            error: null,
            notice: null,
            output: { read: m.read, result: m.result, analyseMs: m.analyseMs },
          };
        case 'error':
          return { ...s, busy: null, error: { message: m.message, problems: m.problems } };
        case 'file':
          return s;
      }
    });
  }, []);

  const worker = useCallback(() => {
    if (!workerRef.current) {
      const w = new Worker(new URL('./analyse.worker.ts', import.meta.url), { type: 'module' });
      w.onmessage = onMessage;
      w.onerror = (event) => {
        event.preventDefault();
        setState((s) => ({
          ...s,
          busy: null,
          error: {
            // The browser's own message (an out-of-memory, a script error) means nothing to an analyst.
            message:
              'The analysis stopped unexpectedly: the browser may have run out of memory, or something went wrong on our side. Reload the page and try again; with a very large file, use the command line (npm run data:build -- --orders).',
          },
        }));
      };
      workerRef.current = w;
    }
    return workerRef.current;
  }, [onMessage]);

  useEffect(() => () => workerRef.current?.terminate(), []);

  const send = useCallback(
    (message: ToWorker) => {
      worker().postMessage(message);
    },
    [worker],
  );

  const chooseFile = useCallback(
    (file: File) => {
      // A new file gets a fresh worker: whatever the last one was still doing stops with it.
      workerRef.current?.terminate();
      workerRef.current = null;
      const id = ++requestRef.current;
      logHeld.current = false;
      setState((s) => ({
        ...INITIAL,
        customersFile: s.customersFile,
        intentsFile: s.intentsFile,
        productsFile: s.productsFile,
        file,
        busy: { kind: 'inspecting' },
      }));
      send({ type: 'inspect', id, file });
    },
    [send],
  );

  const run = useCallback(
    (options: RunOptions & { k: number }) => {
      const file = state.file;
      if (!file) return;
      const id = ++requestRef.current;
      logHeld.current = false;
      setState((s) => ({
        ...s,
        error: null,
        notice: null,
        busy: { kind: 'reading', rows: 0, bytes: 0, totalBytes: file.size },
      }));
      send({
        type: 'read',
        id,
        file,
        customersFile: state.customersFile,
        intentsFile: state.intentsFile,
        productsFile: state.productsFile,
        arrivals,
        ...options,
      });
    },
    [send, state.file, state.customersFile, state.intentsFile, state.productsFile, arrivals],
  );

  /** The optional products file; like the other side files, it is read with the orders. */
  const chooseProducts = useCallback((productsFile: File | null) => {
    logHeld.current = false;
    setState((s) => ({ ...s, productsFile }));
  }, []);

  /** The private key map, made in the worker from what it holds. */
  const downloadKeys = useCallback(() => {
    if (!workerRef.current) return;
    const id = ++downloadRef.current;
    setDownloading('customer-keys.csv');
    workerRef.current.postMessage({ type: 'download-keys', id } satisfies ToWorker);
  }, []);

  /** The optional intents file; like the customers file, it is read with the orders. */
  const chooseIntents = useCallback((intentsFile: File | null) => {
    logHeld.current = false;
    setState((s) => ({ ...s, intentsFile }));
  }, []);

  /** One computed table as a file, made in the worker from the full tables. */
  const download = useCallback((table: TableName, format: DownloadFormat) => {
    if (!workerRef.current) return;
    const id = ++downloadRef.current;
    setDownloading(`${table}.${format}`);
    workerRef.current.postMessage({ type: 'download', id, table, format } satisfies ToWorker);
  }, []);

  /** The optional customers file; it is read with the orders, so a new one needs Analyse again. */
  const chooseCustomers = useCallback((customersFile: File | null) => {
    logHeld.current = false;
    setState((s) => ({ ...s, customersFile }));
  }, []);

  /** A new number of personas: recomputed from the log held in the worker, or re-read if it was stopped. */
  const recompute = useCallback(
    (k: number, fallback: RunOptions) => {
      if (!logHeld.current) return run({ ...fallback, k });
      const id = ++requestRef.current;
      setState((s) => ({ ...s, error: null, notice: null, busy: { kind: 'analysing', k } }));
      send({ type: 'recompute', id, k });
    },
    [run, send],
  );

  const cancel = useCallback(() => {
    workerRef.current?.terminate();
    workerRef.current = null;
    logHeld.current = false;
    requestRef.current++;
    setState((s) => ({
      ...s,
      busy: null,
      notice: 'Cancelled: the worker was stopped and what it had read was discarded.',
    }));
  }, []);

  return {
    state,
    downloading,
    chooseFile,
    chooseCustomers,
    chooseIntents,
    chooseProducts,
    run,
    recompute,
    cancel,
    download,
    downloadKeys,
  };
}
