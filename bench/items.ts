// Proactive disclosure at scale. On a generated SQLite database of N published items across 100 units
// (bulk inserts, not the services; N = 100,000 by default, GONGKAI_BENCH_ITEMS=1000000 for the size of
// issue 5): item page and catalogue page throughput through the real Fastify app listening on a port, as
// a ratio to a bare node:http hello-world server measured in the same run by the same client loop, with
// p99 latency; search latency p50/p95 through the app. And content-check throughput (MB/s) with and
// without the personal-information detectors, against modern-ahocorasick (the most downloaded npm
// multi-pattern matcher) on the same dictionary and the same text.
// Client and servers share one process (and its event loop): both sides of each ratio pay the same
// client cost, so the ratio compares the servers.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, Agent, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import AhoCorasick from 'modern-ahocorasick';
import type { AppContext } from '../src/app-context.ts';
import { loadConfig } from '../src/config.ts';
import { buildMatcher } from '../src/core/checks/aho-corasick.ts';
import { compileDictionaries, findDictionaryTerms, type Dictionary } from '../src/core/checks/dictionary.ts';
import { normalizeForMatching, normalizeTerm } from '../src/core/checks/normalize.ts';
import { runChecks } from '../src/core/checks/run-checks.ts';
import { SAMPLE_DICTIONARY } from '../src/core/checks/sample-dictionaries.ts';
import { facetTokens, searchKey } from '../src/core/search/order.ts';
import { tokenList } from '../src/core/search/query.ts';
import { openDatabase, type DatabaseHandle } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { indexTokens } from '../src/features/search/tokens.ts';
import { addUnit } from '../src/features/units/service.ts';
import { createApp } from '../src/web/app.ts';
import { loadKeyRing } from '../src/security/key-file.ts';

export const DEFAULT_BENCH_ITEMS = 100_000;
const UNITS = 100;
const CHUNK = 500;
const CONCURRENCY = 8;

/** N from GONGKAI_BENCH_ITEMS when set (e.g. 1000000), else the default. */
export function benchItemCount(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.GONGKAI_BENCH_ITEMS ?? '');
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_BENCH_ITEMS;
}

const TOPICS = [
  '老旧小区改造',
  '义务教育招生',
  '城乡居民医保',
  '道路交通管制',
  '政府采购意向',
  '财政预算',
  '行政许可结果',
  '环境监测',
  '食品安全抽检',
  '公务员招录',
];
const KINDS = ['通知', '公告', '实施方案', '工作报告', '公示'];
const GENRES = ['通知', '公告', '报告', '方案', '公示'];

function itemText(n: number): { title: string; summary: string; body: string } {
  const topic = TOPICS[n % TOPICS.length] ?? '';
  const kind = KINDS[Math.floor(n / TOPICS.length) % KINDS.length] ?? '';
  const title = `关于${topic}的${kind}（第${n}号）`;
  const summary = `${topic}相关事项的${kind}，请有关单位和个人周知。`;
  const body =
    `根据《中华人民共和国政府信息公开条例》第二十条，现将${topic}有关情况${kind}如下：一、工作目标。坚持以人民为中心的发展思想，推进${topic}工作规范化、标准化。二、主要任务。各部门要按照职责分工抓好落实，确保按期完成。三、联系方式。联系电话：024-86123456。`.repeat(
      3,
    );
  return { title, summary, body };
}

/** The search tokens of each text variant, computed once (jieba is the slow part of indexing). */
function tokenCache() {
  const cache = new Map<string, string[]>();
  return (text: string) => {
    let tokens = cache.get(text);
    if (tokens === undefined) {
      tokens = indexTokens(text);
      cache.set(text, tokens);
    }
    return tokens;
  };
}

async function generate(database: DatabaseHandle, unitIds: readonly number[], items: number): Promise<void> {
  const tokens = tokenCache();
  const { db } = database;
  const at = new Date('2026-06-01T02:00:00Z').toISOString();
  const serials = new Map<number, number>();
  for (let start = 0; start < items; start += CHUNK * 20) {
    await db.transaction().execute(async (trx) => {
      for (let chunk = start; chunk < Math.min(items, start + CHUNK * 20); chunk += CHUNK) {
        const rows = [];
        const docs = [];
        for (let n = chunk; n < Math.min(items, chunk + CHUNK); n++) {
          const unitId = unitIds[n % unitIds.length] ?? 0;
          const serial = (serials.get(unitId) ?? 0) + 1;
          serials.set(unitId, serial);
          const year = 2020 + (n % 7);
          const { title, summary, body } = itemText(n);
          rows.push({
            unit_id: unitId,
            status: 'published',
            sub_column: 'statutory',
            category_code: null,
            title,
            summary,
            body,
            genre: GENRES[n % GENRES.length] ?? null,
            disclosure_method: '主动公开',
            disclosure_period: '长期公开',
            format: 'HTML',
            version: 1,
            round: 1,
            index_number: `BENCH${unitId}/${year}-${String(serial).padStart(5, '0')}`,
            published_year: year,
            serial,
            published_at: at,
            published_on: `${year}-06-01`,
            created_at: at,
            updated_at: at,
          });
          const titleTokens = [...tokens(title.replace(/（第\d+号）$/, '')), String(n)];
          const textTokens = [...tokens(summary), ...tokens(body.slice(0, 200))];
          docs.push({
            unitId,
            year,
            titleTokens,
            textTokens,
            category: null,
            genre: GENRES[n % GENRES.length] ?? null,
          });
        }
        const ids = await trx.insertInto('publishing_items').values(rows).returning('id').execute();
        await trx
          .insertInto('search_documents')
          .values(
            docs.map((doc, index) => ({
              item_id: ids[index]?.id ?? 0,
              unit_id: doc.unitId,
              category_code: doc.category,
              genre: doc.genre,
              published_year: doc.year,
              published_on: `${doc.year}-06-01`,
              title_tokens: tokenList(doc.titleTokens),
              text_tokens: tokenList(doc.textTokens),
            })),
          )
          .execute();
        for (const [index, doc] of docs.entries()) {
          const key = searchKey(`${String(doc.year)}-06-01`, ids[index]?.id ?? 0);
          const facets = facetTokens({
            unitId: doc.unitId,
            publishedYear: doc.year,
            categoryCode: doc.category,
            genre: doc.genre,
          });
          await sql`INSERT INTO search_fts (rowid, title, body, facets) VALUES (${key}, ${tokenList(doc.titleTokens)}, ${tokenList(doc.textTokens)}, ${facets})`.execute(
            trx,
          );
        }
      }
    });
  }
}

interface LoadResult {
  readonly perSecond: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

/** An autocannon-like loop: `concurrency` keep-alive connections, each sending the next request on reply. */
async function load(
  port: number,
  paths: (n: number) => string,
  budgetMs: number,
  concurrency = CONCURRENCY,
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let n = 0;
  let failures = 0;
  let firstFailure: string | undefined;
  const one = (path: string) =>
    new Promise<void>((resolve, reject) => {
      const started = performance.now();
      const req = request({ port, path, agent }, (res) => {
        if ((res.statusCode ?? 500) >= 400) {
          failures += 1;
          firstFailure ??= `${path}: ${res.statusCode}`;
        }
        res.on('data', () => undefined);
        res.on('end', () => {
          latencies.push(performance.now() - started);
          resolve();
        });
      });
      req.on('error', reject);
      req.end();
    });
  const warm = Date.now() + Math.min(500, budgetMs / 4);
  while (Date.now() < warm) await one(paths(n++));
  latencies.length = 0;
  const start = performance.now();
  const until = start + budgetMs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) await one(paths(n++));
    }),
  );
  const elapsed = performance.now() - start;
  agent.destroy();
  if (failures > 0) throw new Error(`${failures} requests failed, first ${firstFailure ?? ''}`);
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    perSecond: (latencies.length * 1000) / elapsed,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export const ITEMS_HEADER = [
  '主动公开页面（并发 8）',
  '次/秒',
  'p50 ms',
  'p99 ms',
  '参照：node:http hello-world 次/秒',
  '占参照比例',
];

export interface ItemsBenchResult {
  readonly items: number;
  readonly generatedInMs: number;
  readonly pages: string[][];
  readonly search: string[];
}

/** Generates the database, then measures the public pages and search; prints nothing itself. */
export async function benchItemPages(budgetMs: number, items = benchItemCount()): Promise<ItemsBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-items-bench-'));
  const databaseConfig = { kind: 'sqlite' as const, file: join(dir, 'items.db') };
  const database = openDatabase(databaseConfig);
  const keysFile = join(dir, 'keys.json');
  try {
    await migrateToLatest(database);
    const context: AppContext = {
      config: {
        ...loadConfig({ NODE_ENV: 'test' }),
        database: databaseConfig,
        dataKeysFile: keysFile,
        logLevel: 'warn',
      },
      database,
      keys: loadKeyRing(keysFile, 'test'),
    };
    const operator = { context, actor: { kind: 'operator' as const }, address: 'cli' };
    const unitIds: number[] = [];
    for (let i = 0; i < UNITS; i++) {
      const unit = await addUnit(operator, {
        parentId: null,
        name: `示例${i + 1}区人民政府`,
        kind: 'county',
      });
      unitIds.push(unit.id);
    }
    const generatedAt = performance.now();
    await generate(database, unitIds, items);
    const generatedInMs = performance.now() - generatedAt;

    const hello = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('hello world');
    });
    const helloPort = await listen(hello);
    const app = await createApp(context);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const appPort = (app.server.address() as AddressInfo).port;
    try {
      const reference = await load(helloPort, () => '/', budgetMs);
      const pick = (n: number) => 1 + ((n * 7919) % items);
      const itemPage = await load(appPort, (n) => `/disclosure/items/${pick(n)}`, budgetMs);
      const unitOf = (n: number) => unitIds[n % unitIds.length] ?? 0;
      const catalogue = await load(appPort, (n) => `/disclosure/units/${unitOf(n)}/statutory`, budgetMs);
      const search = await load(
        appPort,
        (n) => `/disclosure/search?q=${encodeURIComponent(TOPICS[n % TOPICS.length] ?? '')}`,
        budgetMs,
        1,
      );
      const row = (name: string, result: LoadResult) => [
        name,
        result.perSecond.toFixed(0),
        result.p50.toFixed(1),
        result.p99.toFixed(1),
        reference.perSecond.toFixed(0),
        `${((result.perSecond / reference.perSecond) * 100).toFixed(1)}%`,
      ];
      return {
        items,
        generatedInMs,
        pages: [
          row('信息页 /disclosure/items/:id', itemPage),
          row('目录页 /disclosure/units/:id/statutory', catalogue),
        ],
        search: [
          '全文检索（逐个请求）',
          search.p50.toFixed(1),
          search.p95.toFixed(1),
          search.perSecond.toFixed(1),
        ],
      };
    } finally {
      await app.close();
      await new Promise((resolve) => hello.close(resolve));
    }
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const SEARCH_HEADER = ['检索', 'p50 ms', 'p95 ms', '次/秒'];

/** A dictionary of the sample plus `extra` generated terms, the size of a deployment's list. */
function benchDictionary(extra: number): Dictionary {
  const syllables = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土';
  const entries = [...SAMPLE_DICTIONARY.entries];
  for (let i = 0; i < extra; i++) {
    const chars = Array.from(
      { length: 3 + (i % 4) },
      (_, k) => syllables[(i * 7 + k * 13 + Math.floor(i / 29)) % syllables.length],
    );
    entries.push({ term: `${chars.join('')}${i}`, category: 'sensitive', severity: 'error' });
  }
  return { name: 'bench', entries };
}

function throughput(bytes: number, budgetMs: number, work: () => unknown): number {
  work();
  let count = 0;
  const start = performance.now();
  while (performance.now() - start < budgetMs) {
    work();
    count++;
  }
  return (bytes * count) / 1048576 / ((performance.now() - start) / 1000);
}

export const CHECKS_HEADER = ['内容检查（同一词库、同一批文本，逐条检查）', 'MB/s'];

/**
 * Content-check throughput over 400 item texts (title and body, about 0.5 MB in all), each checked on
 * its own as publishing does, with a 5,000-term dictionary. Item-sized texts also keep modern-ahocorasick
 * measurable: its search time grows much faster than linearly with the length of one text.
 */
export function benchContentChecks(budgetMs: number): string[][] {
  const dictionary = benchDictionary(5000);
  const texts: string[] = [];
  for (let n = 0; n < 400; n++) {
    const { title, body } = itemText(n);
    // Some hits: a term of the generated list and a sample term now and then.
    const extra = n % 5 === 0 ? (dictionary.entries[SAMPLE_DICTIONARY.entries.length + n]?.term ?? '') : '';
    texts.push(`${title}\n${body}${extra}${n % 7 === 0 ? '南朝鲜' : ''}`);
  }
  const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  const compiled = compileDictionaries([dictionary]);
  const terms = [
    ...new Set(dictionary.entries.map((entry) => normalizeTerm(entry.term)).filter((term) => term !== '')),
  ];
  const ours = buildMatcher(terms);
  const theirs = new AhoCorasick(terms);
  const normalized = texts.map((text) => normalizeForMatching(text).text);
  const hits = {
    ours: normalized.reduce((sum, text) => sum + ours.findAll(text).length, 0),
    theirs: normalized.reduce((sum, text) => sum + theirs.search(text).length, 0),
  };
  if (hits.ours !== hits.theirs) throw new Error(`matchers disagree: ${hits.ours} vs ${hits.theirs}`);
  const each = (work: (text: string) => unknown, list: readonly string[]) => () => {
    for (const text of list) work(text);
  };
  const rows: [string, number][] = [
    [
      'runChecks：个人信息检测 + 词库（含规范化）',
      throughput(
        bytes,
        budgetMs,
        each((text) => runChecks(text, { dictionaries: compiled }), texts),
      ),
    ],
    [
      '词库检查（规范化 + 匹配，不含个人信息检测）',
      throughput(
        bytes,
        budgetMs,
        each((text) => findDictionaryTerms(normalizeForMatching(text), compiled), texts),
      ),
    ],
    [
      '本项目 Aho–Corasick 匹配（已规范化文本）',
      throughput(
        bytes,
        budgetMs,
        each((text) => ours.findAll(text), normalized),
      ),
    ],
    [
      'modern-ahocorasick 3.3.0 search（已规范化文本）',
      throughput(
        bytes,
        budgetMs,
        each((text) => theirs.search(text), normalized),
      ),
    ],
  ];
  return [
    ...rows.map(([name, mbps]) => [name, mbps.toFixed(1)]),
    [
      `（${texts.length} 条文本共 ${(bytes / 1048576).toFixed(2)} MB，词条 ${terms.length} 个，命中 ${hits.ours} 处）`,
      '',
    ],
  ];
}
