/**
 * The explorer's SQL on the engine the browser runs (duckdb-wasm, here in Node), over a Parquet file
 * written by the build's writer. Expectations are worked out by hand from the fixtures, or by a
 * plain comparator sort written here; none comes from the engine's own code.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeTableParquet } from '@/lib/duckdb/table-parquet';
import { CUSTOMER_COLUMNS, CUSTOMERS_MASTER_COLUMNS } from '@/lib/schema/customers-master';
import { describe, expect, it } from 'vitest';
import type { Customer } from './customers';
import { customersParquet, engineOver, nodeRunner } from './duckdb-node.test-util';
import { CustomerEngine, DEEP_OFFSET, type RowQuery, type SqlRunner } from './engine';
import { customer } from './fixtures.test-util';

const ids = (list: { customer_id: string }[]) => list.map((c) => c.customer_id);
const query = (q: Partial<RowQuery>): RowQuery => ({ filters: {}, search: '', sort: null, ...q });
/** Every row of a view, in its order. */
const all = (engine: CustomerEngine, q: Partial<RowQuery>, threshold: number | null = null) =>
  engine.page(query(q), threshold, 0, 1_000_000);

describe('opening a file', () => {
  it('given a Parquet file that is not this version’s customers_master, then it says which column differs', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'explorer-'));
    const file = path.join(dir, 'old.parquet');
    const old = CUSTOMERS_MASTER_COLUMNS.filter((c) => c.name !== 'persona');
    await writeTableParquet(file, old, [old.map((c) => customer({ customer_id: 'C1' })[c.name])]);
    await expect(CustomerEngine.open(await nodeRunner(), file)).rejects.toThrow(
      'its columns differ from this version of the dashboard at position 3: found "age", expected "persona"',
    );
  });
});

describe('a search whose hits could not be counted', () => {
  it('given the count of a new search’s hits fails once, then asked again it searches again, never answering with another search’s hits', async () => {
    const file = await customersParquet(
      ['C10', 'C11', 'C20', 'C21', 'C22'].map((id) => customer({ customer_id: id })),
    );
    const runner = await nodeRunner();
    let failNext = false;
    const flaky: SqlRunner = {
      ...runner,
      async rows(sql) {
        if (failNext && sql.includes('FROM search_hits')) {
          failNext = false;
          throw new Error('the engine failed');
        }
        return runner.rows(sql);
      },
    };
    const engine = await CustomerEngine.open(flaky, file);
    const q = (search: string) => query({ search, sort: { id: 'customer_id', desc: false } });
    expect(await engine.count(q('C1'), null)).toBe(2);
    failNext = true;
    await expect(engine.count(q('C2'), null)).rejects.toThrow();
    // The table now holds C2's hits; C1 must not be answered from it.
    expect(await engine.count(q('C1'), null)).toBe(2);
    expect(ids(await engine.page(q('C1'), null, 0, 10))).toEqual(['C10', 'C11']);
    expect(ids(await engine.page(q('C2'), null, 0, 10))).toEqual(['C20', 'C21', 'C22']);
  });
});

describe('copying the file into memory', () => {
  it('given two calls at once (React runs effects twice in development), then it is copied once and still answers', async () => {
    const engine = await engineOver([customer({ customer_id: 'C1' }), customer({ customer_id: 'C2' })]);
    await Promise.all([engine.loadIntoMemory(), engine.loadIntoMemory()]);
    expect(await engine.loadIntoMemory()).toBe(true);
    expect(await engine.total()).toBe(2);
  });

  it('given more customers than may be copied, then it is not copied and every question still reads the file', async () => {
    const people = [
      customer({ customer_id: 'C2', total_spend: 5 }),
      customer({ customer_id: 'C1', total_spend: 9 }),
    ];
    const engine = await engineOver(people, false, 1);
    expect(await engine.loadIntoMemory()).toBe(false);
    const page = await engine.page(
      { filters: {}, search: '', sort: { id: 'total_spend', desc: true } },
      null,
      0,
      10,
    );
    expect(ids(page)).toEqual(['C1', 'C2']);
    expect((await engine.summary()).total).toBe(2);
  });
});

/**
 * An engine over `customers` (copied into memory when `inMemory`), with every statement it sends
 * from now on in `sent`; while `gate.held` is set, the next statement waits until it is released.
 */
async function recordedEngine(customers: readonly Customer[], inMemory = true) {
  const runner = await nodeRunner();
  const sent: string[] = [];
  const gate = { held: false, release: () => {} };
  const pass = async () => {
    if (!gate.held) return;
    gate.held = false;
    await new Promise<void>((resolve) => (gate.release = resolve));
  };
  const recorder: SqlRunner = {
    run: async (sql) => (sent.push(sql), await pass(), runner.run(sql)),
    rows: async (sql) => (sent.push(sql), await pass(), runner.rows(sql)),
    batches: (sql) => (sent.push(sql), runner.batches(sql)),
  };
  const engine = await CustomerEngine.open(recorder, await customersParquet(customers));
  if (inMemory) await engine.loadIntoMemory();
  sent.length = 0;
  return { engine, sent, gate };
}

describe('warming up after the copy', () => {
  // Five customers; the biggest spender is C0000120, and the first persona in code-point order is
  // "Engaged Regulars" (C0000001, C0000012).
  const people = [
    customer({ customer_id: 'C0000001', persona: 'Engaged Regulars', total_spend: 10 }),
    customer({ customer_id: 'C0000002', persona: 'Premium but At-Risk', total_spend: 40 }),
    customer({ customer_id: 'C0000012', persona: 'Engaged Regulars', total_spend: 30 }),
    customer({ customer_id: 'C0000120', persona: 'Premium but At-Risk', total_spend: 90 }),
    customer({ customer_id: 'C0001200', persona: 'Transitional Shoppers', total_spend: 20 }),
  ];
  it('given nobody asks anything, then it sorts everyone, filters on a persona and searches the biggest spender’s id, and later answers are unchanged', async () => {
    const { engine, sent } = await recordedEngine(people);
    // Asked twice (React runs effects twice in development), it warms up once.
    await Promise.all([engine.warmUp(), engine.warmUp()]);
    const text = sent.join('\n');
    expect(text).toContain('ORDER BY customers."total_spend" DESC');
    // The filter's view once: its count and its page.
    expect(sent.filter((sql) => sql.includes("'Engaged Regulars'"))).toHaveLength(2);
    expect(
      sent
        .filter((sql) => sql.includes('search_hits AS'))
        .map((sql) => /strpos\("search_key", '([^']*)'\)/.exec(sql)?.[1]),
    ).toEqual(['C0000120']);
    const sort = { id: 'total_spend', desc: false } as const;
    // The same search as the warm-up's is answered from the hits it put aside: no new scan.
    expect(ids(await engine.page(query({ search: 'c0000120', sort }), null, 0, 10))).toEqual(['C0000120']);
    expect(sent.filter((sql) => sql.includes('search_hits AS'))).toHaveLength(1);
    expect(await engine.count(query({ search: '12' }), null)).toBe(3);
    expect(ids(await engine.page(query({ search: '12', sort }), null, 0, 10))).toEqual([
      'C0001200',
      'C0000012',
      'C0000120',
    ]);
    expect(
      ids(await engine.page(query({ filters: { persona: ['Engaged Regulars'] }, sort }), null, 0, 10)),
    ).toEqual(['C0000001', 'C0000012']);
  });

  it('given the person opens a view while a warm-up view runs, then its count and rows come next, before the warm-up’s next view', async () => {
    const { engine, sent, gate } = await recordedEngine(people);
    // The warm-up's first statement (the sort's count) waits while the person asks.
    gate.held = true;
    const warming = engine.warmUp();
    while (sent.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    const sort = { id: 'customer_id', desc: true } as const;
    const opened = engine.firstRows(query({ search: 'c000', sort }), null, 2, CUSTOMER_COLUMNS);
    gate.release();
    await warming;
    const { count, rows } = await opened;
    expect(count).toBe(5);
    expect(ids(rows)).toEqual(['C0001200', 'C0000120']);
    const at = (fragment: string) => sent.findIndex((sql) => sql.includes(fragment));
    const sortWarmUp = at('ORDER BY customers."total_spend" DESC');
    const personCount = at("'C000'");
    const personPage = at('ORDER BY customers."customer_id" DESC');
    const filterWarmUp = at("'Engaged Regulars'");
    expect([sortWarmUp, personCount, personPage, filterWarmUp].every((i) => i >= 0)).toBe(true);
    expect(sortWarmUp).toBeLessThan(personCount);
    expect(personCount).toBeLessThan(personPage);
    expect(personPage).toBeLessThan(filterWarmUp);
  });

  it('given the file was not copied into memory, then it asks nothing', async () => {
    const { engine, sent } = await recordedEngine(people, false);
    await engine.warmUp();
    expect(sent).toEqual([]);
  });
});

describe('a view’s count and first rows', () => {
  const people = [
    customer({ customer_id: 'C1', churn_risk_band: 'high', total_spend: 5 }),
    customer({ customer_id: 'C2', churn_risk_band: 'low', total_spend: 9 }),
    customer({ customer_id: 'C3', churn_risk_band: 'high', total_spend: 7 }),
  ];
  const highBySpend = query({
    filters: { churn_risk_band: ['high'] },
    sort: { id: 'total_spend', desc: true },
  });

  it('given a view, then it counts its customers and gives its first rows in order', async () => {
    const engine = await engineOver(people, true);
    const { count, rows } = await engine.firstRows(highBySpend, null, 1, CUSTOMER_COLUMNS);
    expect(count).toBe(2);
    expect(ids(rows)).toEqual(['C3']);
  });

  it('given the count is known, then it is not asked again; given nobody is kept, then no rows are asked', async () => {
    const { engine, sent } = await recordedEngine(people, false);
    expect(ids((await engine.firstRows(highBySpend, null, 10, CUSTOMER_COLUMNS, 2)).rows)).toEqual([
      'C3',
      'C1',
    ]);
    expect(sent.some((sql) => sql.includes('count(*)'))).toBe(false);
    sent.length = 0;
    const none = await engine.firstRows(query({ search: 'nobody' }), null, 10, CUSTOMER_COLUMNS);
    expect(none).toEqual({ count: 0, rows: [] });
    expect(sent.some((sql) => sql.includes('OFFSET'))).toBe(false);
  });
});

describe.each([false, true])('the explorer engine (copied into memory: %s)', (inMemory) => {
  describe('sorting', () => {
    const people = [
      customer({
        customer_id: 'C3',
        total_spend: 500,
        age: null,
        churn_risk_band: 'high',
        clv_band: 'top 10%',
        last_order_date: '2026-01-02',
      }),
      customer({
        customer_id: 'C1',
        total_spend: 1500,
        age: 30,
        churn_risk_band: 'low',
        clv_band: 'bottom 30%',
        last_order_date: '2025-12-31',
      }),
      customer({
        customer_id: 'C2',
        total_spend: 500,
        age: 61,
        churn_risk_band: 'medium',
        clv_band: 'next 20%',
        last_order_date: '2026-03-01',
      }),
      customer({
        customer_id: 'C4',
        total_spend: 90,
        age: 25,
        churn_risk_band: 'low',
        clv_band: 'middle 40%',
        last_order_date: '2026-01-02',
      }),
    ];
    const sorted = async (id: keyof Customer, desc: boolean) =>
      ids(await all(await engineOver(people, inMemory), { sort: { id, desc } }));

    it('given a numeric column, either way, then ties keep file order', async () => {
      expect(await sorted('total_spend', false)).toEqual(['C4', 'C3', 'C2', 'C1']);
      expect(await sorted('total_spend', true)).toEqual(['C1', 'C3', 'C2', 'C4']);
    });

    it('given every value tied, then any page of a sort is the same slice of file order', async () => {
      const tied = Array.from({ length: 5000 }, (_, i) =>
        customer({ customer_id: `T${String(i).padStart(5, '0')}`, total_spend: 1, churn_risk_band: 'high' }),
      );
      const engine = await engineOver(tied, inMemory);
      for (const sort of [
        { id: 'total_spend', desc: true },
        { id: 'churn_risk_band', desc: false },
      ] as const)
        for (const offset of [0, 37, 1234, DEEP_OFFSET + 11])
          expect(ids(await engine.page(query({ sort }), null, offset, 10))).toEqual(
            ids(tied.slice(offset, offset + 10)),
          );
    });

    it('given missing values, either way, then they come last', async () => {
      expect(await sorted('age', false)).toEqual(['C4', 'C1', 'C2', 'C3']);
      expect(await sorted('age', true)).toEqual(['C2', 'C1', 'C4', 'C3']);
    });

    it('given band columns, then bands go by meaning, not alphabet', async () => {
      expect(await sorted('churn_risk_band', false)).toEqual(['C1', 'C4', 'C2', 'C3']);
      expect(await sorted('clv_band', true)).toEqual(['C3', 'C2', 'C4', 'C1']);
    });

    it('given text and dates, then they go in code-point order, and dates come back as ISO text', async () => {
      expect(await sorted('customer_id', false)).toEqual(['C1', 'C2', 'C3', 'C4']);
      expect(await sorted('last_order_date', true)).toEqual(['C2', 'C3', 'C4', 'C1']);
      const [first] = await all(await engineOver(people, inMemory), {});
      expect(first!.last_order_date).toBe('2026-01-02');
    });

    it('given category text in mixed case and accents, then it sorts by code point, either way', async () => {
      // Code points: '' < 'Zeta' (Z, 90) < 'alpha' (a, 97) < 'b' (98) < 'Éclair' (É, 201).
      const mixed = ['b', 'Éclair', '', 'alpha', 'Zeta'].map((gender, i) =>
        customer({ customer_id: `C${i}`, gender, top_intent: gender }),
      );
      const engine = await engineOver(mixed, inMemory);
      const genders = async (desc: boolean) =>
        (await all(engine, { sort: { id: 'gender', desc } })).map((c) => c.gender);
      expect(await genders(false)).toEqual(['', 'Zeta', 'alpha', 'b', 'Éclair']);
      expect(await genders(true)).toEqual(['Éclair', 'b', 'alpha', 'Zeta', '']);
      expect(ids(await all(engine, { filters: { gender: ['Éclair', ''] } }))).toEqual(['C1', 'C2']);
    });

    it('given a text column with thousands of values, then it filters and sorts as text', async () => {
      // More distinct values than the copy in memory turns into a list of categories.
      const many = Array.from({ length: 5_000 }, (_, i) =>
        customer({ customer_id: `C${i}`, top_intent: `intent ${String(4_999 - i).padStart(4, '0')}` }),
      );
      const engine = await engineOver(many, inMemory);
      const [first] = await engine.page(query({ sort: { id: 'top_intent', desc: false } }), null, 0, 1);
      expect(first!.top_intent).toBe('intent 0000');
      expect(first!.customer_id).toBe('C4999');
      expect(await engine.count(query({ search: 'C12' }), null)).toBe(111); // C12, C120–C129, C1200–C1299
    });

    it('given the columns to show, then a page fills those and leaves the others empty', async () => {
      const engine = await engineOver(people, inMemory);
      const page = await engine.page(query({ sort: { id: 'total_spend', desc: true } }), null, 0, 2, [
        'customer_id',
        'churn_risk_band',
        'last_order_date',
      ]);
      expect(page.map((c) => [c.customer_id, c.churn_risk_band, c.last_order_date, c.total_spend])).toEqual([
        ['C1', 'low', '2025-12-31', null],
        ['C3', 'high', '2026-01-02', null],
      ]);
    });

    it('given no sort, then rows come in file order with every value as written', async () => {
      const rows = await all(await engineOver(people, inMemory), {});
      expect(rows).toEqual(people);
    });

    it('given many values with gaps, either way, then the order equals a plain comparator sort', async () => {
      let seed = 11;
      const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
      const many = Array.from({ length: 3000 }, (_, i) =>
        customer({
          customer_id: `C${String(i).padStart(5, '0')}`,
          dwell_minutes: rand() < 0.2 ? null : Math.round(rand() * 300) / 10,
        }),
      );
      const engine = await engineOver(many, inMemory);
      for (const desc of [false, true]) {
        const expected = many
          .map((c, i) => ({ c, i }))
          .sort((a, b) => {
            const x = a.c.dwell_minutes;
            const y = b.c.dwell_minutes;
            if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0) || a.i - b.i;
            return (desc ? y - x : x - y) || a.i - b.i;
          })
          .map((x) => x.c.customer_id);
        expect(ids(await all(engine, { sort: { id: 'dwell_minutes', desc } }))).toEqual(expected);
        // Pages deep in the view (read from the view put in order once) are slices of the same order.
        const deep = await engine.page(
          query({ sort: { id: 'dwell_minutes', desc } }),
          null,
          DEEP_OFFSET + 7,
          50,
        );
        expect(ids(deep)).toEqual(expected.slice(DEEP_OFFSET + 7, DEEP_OFFSET + 57));
        const shallow = await engine.page(query({ sort: { id: 'dwell_minutes', desc } }), null, 100, 5);
        expect(ids(shallow)).toEqual(expected.slice(100, 105));
      }
    });
  });

  describe('filters and search', () => {
    const people = [
      customer({
        customer_id: 'C0000001',
        persona: 'Engaged Regulars',
        cluster_id: 0,
        churn_risk_band: 'low',
      }),
      customer({
        customer_id: 'C0000002',
        persona: 'Premium but At-Risk',
        cluster_id: 2,
        churn_risk_band: 'high',
      }),
      customer({
        customer_id: 'C0000012',
        persona: 'Transitional Shoppers',
        cluster_id: 1,
        churn_risk_band: 'high',
        locale: 'rural',
      }),
      customer({
        customer_id: 'C0000120',
        persona: 'Premium but At-Risk',
        cluster_id: 2,
        churn_risk_band: 'medium',
        gender: 'male',
      }),
    ];
    const kept = async (q: Partial<RowQuery>) => {
      const engine = await engineOver(people, inMemory);
      const rows = ids(await all(engine, q));
      // The count agrees with the rows.
      expect(await engine.count(query(q), null)).toBe(rows.length);
      return rows;
    };

    it('given two values of one filter, then either is kept (OR); two filters must both hold (AND)', async () => {
      expect(await kept({ filters: { churn_risk_band: ['high', 'medium'] } })).toEqual([
        'C0000002',
        'C0000012',
        'C0000120',
      ]);
      expect(
        await kept({ filters: { churn_risk_band: ['high'], persona: ['Premium but At-Risk'] } }),
      ).toEqual(['C0000002']);
    });

    it('given an empty value list, then that filter is ignored; a value nobody has matches nobody', async () => {
      expect(await kept({ filters: { gender: [] } })).toHaveLength(4);
      expect(await kept({ filters: { locale: ['lunar'] } })).toEqual([]);
      // Beside a value someone has (a link can carry one the file lacks): only that one counts.
      expect(await kept({ filters: { locale: ['lunar', 'rural'] } })).toEqual(['C0000012']);
    });

    it('given a search, then ids containing it match, case-insensitively and trimmed, with filters', async () => {
      expect(await kept({ search: '  c000001 ' })).toEqual(['C0000012']);
      expect(await kept({ search: '12' })).toEqual(['C0000012', 'C0000120']);
      expect(await kept({ search: 'X9' })).toEqual([]);
      expect(await kept({ filters: { gender: ['male'] }, search: '12' })).toEqual(['C0000120']);
    });

    it('given searches of every size, sorted, then counts and pages at any depth match a plain filter and sort', async () => {
      // 2,600 ids C0000…C2599: "c" is in all of them, "1" in 1,466, "11" in 143, "Z" in none. With at
      // most 200 hits put aside, "c" and "1" are searched the plain way and "11" through its hits:
      // all must give the same answers, deep pages (read from the view put in order once) included.
      let seed = 5;
      const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
      const many = Array.from({ length: 2_600 }, (_, i) =>
        customer({ customer_id: `C${String(i).padStart(4, '0')}`, total_spend: Math.round(rand() * 50) }),
      );
      const engine = await engineOver(many, inMemory, undefined, 200);
      const sort = { id: 'total_spend', desc: true } as const;
      for (const search of ['c', '1', '11', 'Z', '11']) {
        const expected = many
          .map((c, i) => ({ c, i }))
          .filter(({ c }) => c.customer_id.includes(search.toUpperCase()))
          .sort((a, b) => b.c.total_spend! - a.c.total_spend! || a.i - b.i)
          .map(({ c }) => c.customer_id);
        expect(await engine.count(query({ search, sort }), null)).toBe(expected.length);
        for (const offset of [0, 100, 1_201, DEEP_OFFSET + 3])
          expect(ids(await engine.page(query({ search, sort }), null, offset, 100))).toEqual(
            expected.slice(offset, offset + 100),
          );
      }
      expect(await engine.count(query({ search: '1' }), null)).toBe(1_466);
      expect(await engine.count(query({ search: '11' }), null)).toBe(143);
    });

    it('given questions for two searches asked at once, then each gets its own rows', async () => {
      const engine = await engineOver(people, inMemory);
      const sort = { id: 'customer_id', desc: false } as const;
      // Not awaited in turn, as the page asks for the next block of one view while typing another.
      const [a, countB, b, countA] = await Promise.all([
        engine.page(query({ search: '12', sort }), null, 0, 10),
        engine.count(query({ search: '01', sort }), null),
        engine.page(query({ search: '01', sort }), null, 0, 10),
        engine.count(query({ search: '12', sort }), null),
      ]);
      expect(ids(a)).toEqual(['C0000012', 'C0000120']);
      expect(ids(b)).toEqual(['C0000001', 'C0000012', 'C0000120']);
      expect([countA, countB]).toEqual([2, 3]);
    });

    it('given quotes in a value or a search, then they are matched as text, not read as SQL', async () => {
      const tricky = [
        customer({ customer_id: "C'1", persona: "Mum's Picks" }),
        customer({ customer_id: 'C2' }),
      ];
      const engine = await engineOver(tricky, inMemory);
      expect(ids(await all(engine, { filters: { persona: ["Mum's Picks"] } }))).toEqual(["C'1"]);
      expect(ids(await all(engine, { search: "'" }))).toEqual(["C'1"]);
      expect(ids(await all(engine, { search: "' OR 1=1 --" }))).toEqual([]);
    });

    it('summarises the values each filter can take: personas by cluster id, bands in their order', async () => {
      const s = await (await engineOver(people, inMemory)).summary();
      expect(s.total).toBe(4);
      expect(s.options.persona).toEqual([
        { value: 'Engaged Regulars', count: 1 },
        { value: 'Transitional Shoppers', count: 1 },
        { value: 'Premium but At-Risk', count: 2 },
      ]);
      expect(s.options.churn_risk_band.map((o) => o.value)).toEqual(['low', 'medium', 'high']);
      expect(s.options.locale).toEqual([
        { value: 'urban', count: 3 },
        { value: 'rural', count: 1 },
      ]);
      expect([...s.personaOfCluster]).toEqual(
        expect.arrayContaining([
          [0, 'Engaged Regulars'],
          [1, 'Transitional Shoppers'],
          [2, 'Premium but At-Risk'],
        ]),
      );
    });
  });

  describe('at risk', () => {
    /** Ten customers spending 1,000 … 10,000: the top 30 % are those spending 8,000 or more. */
    const ten = Array.from({ length: 10 }, (_, i) =>
      customer({ customer_id: `C${i}`, total_spend: (i + 1) * 1000, p_alive: 0.2 }),
    );
    const threshold = async (people: Customer[]) =>
      (await (await engineOver(people, inMemory)).summary()).riskThreshold;

    it('given ten spenders, then the threshold is the third-biggest spend and three are at risk', async () => {
      const s = await (await engineOver(ten, inMemory)).summary();
      expect(s.riskThreshold).toBe(8000);
      expect(s.atRiskCount).toBe(3);
    });

    it('given a share that is not a whole number of customers, the count rounds up; ties are all in', async () => {
      expect(await threshold(ten.slice(0, 7))).toBe(5000);
      const tied = [
        ...ten.slice(0, 6),
        ...[7, 8, 9, 10].map((i) => customer({ customer_id: `T${i}`, total_spend: 9000, p_alive: 0.2 })),
      ];
      const s = await (await engineOver(tied, inMemory)).summary();
      expect(s.riskThreshold).toBe(9000);
      expect(s.atRiskCount).toBe(4);
    });

    it('given one customer, that customer alone is the top 30 %; without any P(alive) there is no threshold', async () => {
      expect(await threshold([ten[4]!])).toBe(5000);
      expect(await threshold(ten.map((c) => ({ ...c, p_alive: null })))).toBeNull();
    });

    it('keeps high spenders with P(alive) below 0.5 (0.5 itself out), with other filters', async () => {
      const mixed = [
        customer({ customer_id: 'C1', total_spend: 9000, p_alive: 0.2, locale: 'urban' }),
        customer({ customer_id: 'C2', total_spend: 9000, p_alive: 0.5 }),
        customer({ customer_id: 'C3', total_spend: 1000, p_alive: 0.1 }),
        customer({ customer_id: 'C4', total_spend: 8000, p_alive: 0.499, locale: 'rural' }),
        customer({ customer_id: 'C5', total_spend: 8000, p_alive: null }),
        customer({ customer_id: 'C6', total_spend: 7999.99, p_alive: 0.1 }),
      ];
      const engine = await engineOver(mixed, inMemory);
      expect(ids(await all(engine, { filters: { atRisk: true } }, 8000))).toEqual(['C1', 'C4']);
      expect(ids(await all(engine, { filters: { atRisk: true, locale: ['rural'] } }, 8000))).toEqual(['C4']);
      expect(await all(engine, { filters: { atRisk: true } }, null)).toEqual([]);
      expect(await all(engine, {}, null)).toHaveLength(6);
    });
  });

  describe('profile', () => {
    const people = [
      customer({
        customer_id: 'A',
        cluster_id: 0,
        total_spend: 100,
        dwell_minutes: null,
        response_rate: 0.2,
      }),
      customer({ customer_id: 'B', cluster_id: 0, total_spend: 300, dwell_minutes: 10, response_rate: null }),
      customer({
        customer_id: 'C',
        cluster_id: 1,
        total_spend: 800,
        dwell_minutes: null,
        response_rate: null,
      }),
    ];

    it('finds one customer by id, or none', async () => {
      const engine = await engineOver(people, inMemory);
      expect(await engine.customer('B')).toEqual(people[1]);
      expect(await engine.customer('Z')).toBeNull();
    });

    it('averages everyone and each cluster, leaving missing values out; a mean over nothing is null', async () => {
      const book = await (await engineOver(people, inMemory)).averages();
      expect(book.everyone.total_spend).toBeCloseTo(400);
      expect(book.byCluster.get(0)!.total_spend).toBeCloseTo(200);
      expect(book.byCluster.get(1)!.total_spend).toBeCloseTo(800);
      expect([...book.byCluster.keys()]).toEqual([0, 1]);
      expect(book.everyone.dwell_minutes).toBeCloseTo(10);
      expect(book.byCluster.get(0)!.response_rate).toBeCloseTo(0.2);
      expect(book.byCluster.get(1)!.dwell_minutes).toBeNull();
    });
  });

  describe('export', () => {
    it('gives the view’s rows in order with the asked columns, every batch', async () => {
      const many = Array.from({ length: 5000 }, (_, i) =>
        customer({ customer_id: `C${String(i).padStart(5, '0')}`, total_spend: (i * 7919) % 1000 }),
      );
      const engine = await engineOver(many, inMemory);
      const rows: unknown[][] = [];
      for await (const batch of engine.exportRows(query({ sort: { id: 'total_spend', desc: true } }), null, [
        'customer_id',
        'total_spend',
      ]))
        rows.push(...batch);
      const expected = many
        .map((c, i) => ({ c, i }))
        .sort((a, b) => b.c.total_spend - a.c.total_spend || a.i - b.i)
        .map(({ c }) => [c.customer_id, c.total_spend]);
      expect(rows).toEqual(expected);
    });
  });
});
