/**
 * The explorer's questions to DuckDB (issue 15): what the page shows of the customers (counts,
 * filter values, one page of a view, a profile, averages, an export) answered in SQL over
 * customers_master.parquet. The same code runs in the browser (duckdb-wasm in a worker, the file
 * read with HTTP range requests) and in the tests (duckdb-wasm in Node), through a SqlRunner.
 */
import type { CsvValue } from '@/lib/csv/csv';
import { ident, literal } from '@/lib/duckdb/sql-text';
import { CUSTOMER_COLUMNS, type CustomerColumn } from '@/lib/schema/customers-master';
import { AT_RISK_VALUE_SHARE } from './at-risk';
import { columnsProblem, CustomerFileError, type Customer } from './customers';
import {
  FILTER_KEYS,
  normaliseSearch,
  orderedOptions,
  type FilterKey,
  type FilterOption,
  type Filters,
} from './filter';
import { PROFILE_METRICS, type AverageBook, type Averages } from './profile';
import type { SortSpec } from './sort';
import {
  CATEGORY_COLUMNS,
  CUSTOMERS,
  enumTypeOf,
  exportSql,
  orderSql,
  pageSql,
  POSITION,
  SEARCH_KEY,
  SELECT_COLUMNS,
  slotPageSql,
  viewOrderSql,
  whereSql,
  type EnumColumns,
} from './sql';

type Row = Record<string, unknown>;

/** What the explorer needs of a SQL engine. */
export interface SqlRunner {
  /** Runs statements that return nothing. */
  run(sql: string): Promise<void>;
  /** The rows of a query as records (for small results: a page, counts, averages). */
  rows(sql: string): Promise<Row[]>;
  /** The rows of a query a batch at a time (for exports of any size). */
  batches(sql: string): AsyncIterable<Row[]>;
}

/** The part of a view that picks and orders rows (not the columns shown or the profile open). */
export interface RowQuery {
  filters: Filters;
  search: string;
  sort: SortSpec | null;
}

/** What the explorer works out once, when the file is opened. */
export interface CustomerSummary {
  total: number;
  options: Record<FilterKey, FilterOption[]>;
  personaOfCluster: Map<number, string>;
  /** Customers with a P(alive), and with a predicted CLV. */
  withPAlive: number;
  withPredictedClv: number;
  /** The at-risk filter's spend threshold (null: no predictions) and how many it selects. */
  riskThreshold: number | null;
  atRiskCount: number;
}

/** A record of every column from a row of the columns asked for (numbers, text; null for the rest). */
function toCustomer(row: Row): Customer {
  const c: Record<string, unknown> = {};
  for (const name of CUSTOMER_COLUMNS) c[name] = row[name] ?? null;
  return c as Customer;
}

const int = (v: unknown) => Number(v ?? 0);

/**
 * The most customers copied into the tab's memory. DuckDB in the browser is 32-bit WebAssembly (at
 * most 4 GB; a copy failed near 2.2 GB in bench:explorer before the category columns became ENUMs).
 * The copy takes about 0.33 GB per million customers (1.6 GB at 5M, duckdb-wasm in Node). Above
 * this, every query reads the file again: slower, but the page keeps working.
 */
export const MEMORY_COPY_MAX_CUSTOMERS = 6_000_000;

/** A category column with at most this many values is stored as an ENUM in memory (two bytes a customer at most). */
const ENUM_MAX_VALUES = 4_096;

/** The order of the views the copy in memory runs before anyone asks (see warmUp), and their page size. */
const WARM_UP_SORT: SortSpec = { id: 'total_spend', desc: true };
const WARM_UP_ROWS = 100;

/** A search keeping at most this many customers has their positions put aside (see searchHits). */
export const SEARCH_HITS_MAX = 100_000;
/** The temporary table of a search's hits (one per connection, replaced for each new search view). */
const SEARCH_HITS = 'search_hits';

/** Pages that start this deep into a sorted view are read from its positions put in order once (see page). */
export const DEEP_OFFSET = 2_000;
/** The temporary table of those positions (one per connection, replaced for each new view). */
const VIEW_ORDER = 'view_order';

export class CustomerEngine {
  /** The view (WHERE … ORDER BY …) whose positions are in VIEW_ORDER, if any. */
  private orderedView: string | null = null;

  /** The copy into memory, once started: until then `customers` is a view over the file. */
  private copied: Promise<boolean> | null = null;

  /** The category columns the copy in memory holds as ENUMs, with their values (none until copied). */
  private enums: EnumColumns = new Map();

  /** The view (WHERE …) whose search hits are in SEARCH_HITS, and how many there are (see searchHits). */
  private searched: { where: string; count: number } | null = null;

  /** The end of the last count or page asked for (see inTurn). */
  private turn: Promise<unknown> = Promise.resolve();

  /** The warm-up, once started (see warmUp). */
  private warming: Promise<void> | null = null;

  /** The count of customers, once asked. */
  private counted: Promise<number> | null = null;

  private constructor(
    private readonly sql: SqlRunner,
    /** The most customers copied into memory (MEMORY_COPY_MAX_CUSTOMERS; tests set it lower). */
    private readonly memoryCopyMax: number,
    /** The most hits a search puts aside (SEARCH_HITS_MAX; tests set it lower). */
    private readonly searchHitsMax: number,
  ) {}

  /**
   * Opens `file` (a name the runner resolves: a registered URL in the browser, a path in Node) as
   * the view `customers`, with each row's position in the file for stable sorting. Throws
   * CustomerFileError when the file's columns are not this version's customers_master.
   */
  static async open(
    sql: SqlRunner,
    file: string,
    memoryCopyMax = MEMORY_COPY_MAX_CUSTOMERS,
    searchHitsMax = SEARCH_HITS_MAX,
  ): Promise<CustomerEngine> {
    await sql.run(
      `CREATE OR REPLACE VIEW ${CUSTOMERS} AS SELECT file_row_number AS ${ident(POSITION)}, * EXCLUDE (file_row_number), upper(customer_id) AS ${ident(SEARCH_KEY)} FROM read_parquet(${literal(file)}, file_row_number = true)`,
    );
    // A file from another version of the pipeline is named as such, not left to fail in a query.
    const columns = (await sql.rows(`DESCRIBE ${CUSTOMERS}`)).map((r) => String(r.column_name));
    const problem = columnsProblem(columns.filter((c) => c !== POSITION && c !== SEARCH_KEY));
    if (problem) throw new CustomerFileError(problem);
    return new CustomerEngine(sql, memoryCopyMax, searchHitsMax);
  }

  /**
   * Copies the file into a table in the engine's memory, so every later sort, filter and search
   * runs there instead of reading the file again; once however often it is asked (React runs
   * effects twice in development), and not for more than `memoryCopyMax` customers. Says whether it did.
   * Category columns with few values are stored as ENUMs: at 5M customers that took the copy from
   * about 2.2 GB (where the tab failed) to 1.6 GB.
   */
  loadIntoMemory(): Promise<boolean> {
    this.copied ??= (async () => {
      if ((await this.total()) > this.memoryCopyMax) return false;
      const categories = await this.categoryValues();
      const createTypes = Array.from(
        categories,
        ([column, values]) =>
          `CREATE TYPE ${enumTypeOf(column)} AS ENUM (${values.map(literal).join(', ')});`,
      );
      const replace = Array.from(categories.keys(), (c) => `${ident(c)}::${enumTypeOf(c)} AS ${ident(c)}`);
      await this.sql.run(`
        ${createTypes.join('\n')}
        CREATE TABLE customers_in_memory AS SELECT *${replace.length ? ` REPLACE (${replace.join(', ')})` : ''} FROM ${CUSTOMERS};
        DROP VIEW ${CUSTOMERS};
        ALTER TABLE customers_in_memory RENAME TO ${CUSTOMERS};
      `);
      this.enums = categories;
      return true;
    })();
    return this.copied;
  }

  /**
   * Once the copy is in memory, one view of each kind a person asks for first, unseen: a sort of
   * everyone, a filter on a category column, and a search. A kind's first query on a table this size
   * costs about twice the later ones (bench:explorer at 5M customers: the first sort 371 ms, the
   * next ones about 150; the first filter 307 ms and the first search 436 ms against about 180),
   * and that should not be the person's. Each view is a count and its first page, asked through the
   * same code as the person's, once however often it is asked. The page asks for it once the
   * filters are shown. A view the person asks for meanwhile waits for one of these at most.
   * A failure here is no failure of the explorer's: the same query asked later says so itself.
   */
  warmUp(): Promise<void> {
    this.warming ??= (async () => {
      if (!(await this.copied)) return;
      // Each view is queued once the one before is answered: a view asked meanwhile goes first.
      const warm = (query: RowQuery) =>
        this.firstRows(query, null, WARM_UP_ROWS, CUSTOMER_COLUMNS).catch(() => null);
      const sorted = await warm({ filters: {}, search: '', sort: WARM_UP_SORT });
      const filterKey = FILTER_KEYS.find((k) => this.enums.get(k)?.length);
      if (filterKey)
        await warm({
          filters: { [filterKey]: [this.enums.get(filterKey)![0]] },
          search: '',
          sort: WARM_UP_SORT,
        });
      // The search is for the biggest spender's id, so it keeps someone, as a person's search does.
      const id = sorted?.rows[0]?.customer_id;
      if (id) await warm({ filters: {}, search: id, sort: WARM_UP_SORT });
    })();
    return this.warming;
  }

  /**
   * The values of each category column with at most ENUM_MAX_VALUES of them in the file, in
   * code-point order: its ENUM lists them so, and an ENUM sorts in the order of its list, so a sort
   * by the column is the same as on its text (comparisons with text, a filter's values, work as on text).
   */
  private async categoryValues(): Promise<Map<CustomerColumn, string[]>> {
    // One scan of those columns: each list stops one past the limit, so a column with more values
    // than an ENUM should hold is seen as such without carrying every value back.
    const [lists] = await this.sql.rows(
      `SELECT ${CATEGORY_COLUMNS.map((c) => `(list(DISTINCT ${ident(c)} ORDER BY ${ident(c)}) FILTER (WHERE ${ident(c)} IS NOT NULL))[1:${ENUM_MAX_VALUES + 1}] AS ${ident(c)}`).join(', ')} FROM ${CUSTOMERS}`,
    );
    const categories = new Map<CustomerColumn, string[]>();
    for (const column of CATEGORY_COLUMNS) {
      const values = Array.from((lists![column] ?? []) as Iterable<unknown>, String);
      if (values.length > 0 && values.length <= ENUM_MAX_VALUES) categories.set(column, values);
    }
    return categories;
  }

  /** How many customers the file holds (read from the Parquet footer, once). */
  total(): Promise<number> {
    this.counted ??= this.sql
      .rows(`SELECT count(*)::INTEGER AS n FROM ${CUSTOMERS}`)
      .then(([row]) => int(row!.n));
    return this.counted;
  }

  /** The filters' values and counts, the at-risk threshold and the predictions' coverage: one scan each. */
  async summary(): Promise<CustomerSummary> {
    const [head] = await this.sql.rows(
      `SELECT count(*)::INTEGER AS total, count(p_alive)::INTEGER AS with_p_alive, count(predicted_clv)::INTEGER AS with_clv FROM ${CUSTOMERS}`,
    );
    const total = int(head!.total);
    const counts = await this.sql.rows(
      FILTER_KEYS.map(
        (k) =>
          `SELECT ${literal(k)} AS key, ${ident(k)} AS value, count(*)::INTEGER AS n, min(cluster_id)::INTEGER AS cluster FROM ${CUSTOMERS} GROUP BY ${ident(k)}`,
      ).join(' UNION ALL '),
    );
    const byKey = Object.fromEntries(FILTER_KEYS.map((k) => [k, new Map<string, number>()])) as Record<
      FilterKey,
      Map<string, number>
    >;
    const personaOfCluster = new Map<number, string>();
    const clusterOfPersona = new Map<string, number>();
    for (const r of counts) {
      byKey[r.key as FilterKey].set(String(r.value), int(r.n));
      if (r.key === 'persona') {
        clusterOfPersona.set(String(r.value), int(r.cluster));
        personaOfCluster.set(int(r.cluster), String(r.value));
      }
    }
    const withPAlive = int(head!.with_p_alive);
    const riskThreshold = withPAlive > 0 ? await this.spendThreshold(total) : null;
    const atRiskCount =
      riskThreshold === null
        ? 0
        : await this.count({ filters: { atRisk: true }, search: '', sort: null }, riskThreshold);
    return {
      total,
      options: orderedOptions(byKey, clusterOfPersona),
      personaOfCluster,
      withPAlive,
      withPredictedClv: int(head!.with_clv),
      riskThreshold,
      atRiskCount,
    };
  }

  /**
   * The total spend a customer needs to be in the top AT_RISK_VALUE_SHARE: that of the
   * ⌈n × share⌉-th biggest spender, so ties at the boundary are all in.
   */
  private async spendThreshold(total: number): Promise<number | null> {
    if (total === 0) return null;
    const k = Math.max(1, Math.ceil(total * AT_RISK_VALUE_SHARE));
    const [row] = await this.sql.rows(
      `SELECT total_spend FROM ${CUSTOMERS} ORDER BY total_spend DESC LIMIT 1 OFFSET ${k - 1}`,
    );
    return row ? Number(row.total_spend) : null;
  }

  /** How many customers a view keeps. */
  count(query: RowQuery, riskThreshold: number | null): Promise<number> {
    return this.inTurn(() => this.countNow(query, riskThreshold));
  }

  /**
   * A view's count and its first `limit` rows in one turn, so that no other question (a warm-up's)
   * comes between them; `known` is the count when it is already known. No rows when nobody is kept.
   */
  firstRows(
    query: RowQuery,
    riskThreshold: number | null,
    limit: number,
    columns: readonly CustomerColumn[],
    known?: number,
  ): Promise<{ count: number; rows: Customer[] }> {
    return this.inTurn(async () => {
      const count = known ?? (await this.countNow(query, riskThreshold));
      const rows = count ? await this.pageNow(query, riskThreshold, 0, limit, columns) : [];
      return { count, rows };
    });
  }

  private async countNow(query: RowQuery, riskThreshold: number | null): Promise<number> {
    const where = whereSql(query.filters, query.search, riskThreshold, this.enums);
    const hits = await this.searchHits(where, query.search);
    if (hits) return hits.count;
    const [row] = await this.sql.rows(`SELECT count(*)::INTEGER AS n FROM ${CUSTOMERS} WHERE ${where}`);
    return int(row!.n);
  }

  /**
   * Rows offset … offset + limit of a view, in its order, with `columns` filled in (the others
   * null: the table asks only for those it shows).
   */
  page(
    query: RowQuery,
    riskThreshold: number | null,
    offset: number,
    limit: number,
    columns: readonly CustomerColumn[] = CUSTOMER_COLUMNS,
  ): Promise<Customer[]> {
    return this.inTurn(() => this.pageNow(query, riskThreshold, offset, limit, columns));
  }

  private async pageNow(
    query: RowQuery,
    riskThreshold: number | null,
    offset: number,
    limit: number,
    columns: readonly CustomerColumn[],
  ): Promise<Customer[]> {
    const where = whereSql(query.filters, query.search, riskThreshold, this.enums);
    const kept = (await this.searchHits(where, query.search))?.where ?? where;
    const order = orderSql(query.sort);
    if (!order || offset < DEEP_OFFSET)
      return (await this.sql.rows(pageSql(kept, order, query.sort?.id ?? null, offset, limit, columns))).map(
        toCustomer,
      );
    // Deep in a sorted view, LIMIT … OFFSET would keep every row before the page in its sort: the
    // view's positions are put in order once, and each page looks up only its own rows.
    const key = `${where} ORDER BY ${order}`;
    if (this.orderedView !== key) {
      await this.sql.run(viewOrderSql(VIEW_ORDER, kept, order));
      this.orderedView = key;
    }
    return (await this.sql.rows(slotPageSql(VIEW_ORDER, offset, limit, columns))).map(toCustomer);
  }

  /**
   * A view with a search: the positions of the customers it keeps, found once, by one scan of the
   * ids, into a temporary table that the count and every page then read instead of searching
   * every id again. A page picked from them costs a few milliseconds, against a third of a second
   * for a search through 5M ids carrying the page's columns (duckdb-wasm in Node). A search that
   * keeps more than SEARCH_HITS_MAX customers (one letter, say) is left as a plain condition: the
   * table stops filling there, and its cost is a fraction of one scan. Null without a search.
   */
  private async searchHits(where: string, search: string): Promise<{ where: string; count: number } | null> {
    if (!normaliseSearch(search)) return null;
    if (this.searched?.where !== where) {
      // Forgotten first: should the count below fail, the table holds hits of no search we know.
      this.searched = null;
      await this.sql.run(
        `CREATE OR REPLACE TEMP TABLE ${SEARCH_HITS} AS SELECT ${ident(POSITION)} FROM ${CUSTOMERS} WHERE ${where} LIMIT ${this.searchHitsMax + 1}`,
      );
      const [row] = await this.sql.rows(`SELECT count(*)::INTEGER AS n FROM ${SEARCH_HITS}`);
      this.searched = { where, count: int(row!.n) };
    }
    if (this.searched.count > this.searchHitsMax) return null;
    return {
      where: `${ident(POSITION)} IN (SELECT ${ident(POSITION)} FROM ${SEARCH_HITS})`,
      count: this.searched.count,
    };
  }

  /**
   * Runs `work` once the engine's earlier counts and pages are done: they share temporary tables
   * (a search's hits, a deep view's order), which a question for another view asked meanwhile
   * would replace under them.
   */
  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.turn.then(work);
    this.turn = turn.catch(() => undefined);
    return turn;
  }

  /** One customer by id, or null when no customer has it. */
  async customer(id: string): Promise<Customer | null> {
    const [row] = await this.sql.rows(
      `SELECT ${SELECT_COLUMNS} FROM ${CUSTOMERS} WHERE customer_id = ${literal(id)} LIMIT 1`,
    );
    return row ? toCustomer(row) : null;
  }

  /**
   * Means of each profile metric over everyone and per cluster; missing values are left out of a
   * mean, and a mean over no values is null (SQL's avg does both).
   */
  async averages(): Promise<AverageBook> {
    const means = PROFILE_METRICS.map((m) => `avg(${ident(m)}) AS ${ident(m)}`).join(', ');
    const rows = await this.sql.rows(
      `SELECT cluster_id::INTEGER AS cluster_id, ${means} FROM ${CUSTOMERS} GROUP BY GROUPING SETS ((cluster_id), ()) ORDER BY cluster_id NULLS FIRST`,
    );
    const toAverages = (r: Row) =>
      Object.fromEntries(PROFILE_METRICS.map((m) => [m, r[m] === null ? null : Number(r[m])])) as Averages;
    const everyone = rows.find((r) => r.cluster_id === null)!;
    const byCluster = new Map<number, Averages>();
    for (const r of rows) if (r.cluster_id !== null) byCluster.set(int(r.cluster_id), toAverages(r));
    return { everyone: toAverages(everyone), byCluster };
  }

  /** A view's rows with the given columns, in its order, a batch at a time. */
  async *exportRows(
    query: RowQuery,
    riskThreshold: number | null,
    columns: readonly CustomerColumn[],
  ): AsyncGenerator<CsvValue[][]> {
    const sql = exportSql(
      whereSql(query.filters, query.search, riskThreshold, this.enums),
      orderSql(query.sort),
      columns,
    );
    for await (const batch of this.sql.batches(sql))
      yield batch.map((r) => columns.map((c) => (r[c] ?? null) as CsvValue));
  }
}
