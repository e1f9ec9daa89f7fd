// An acknowledged application survives the server being killed (SIGKILL) while other submissions are in
// flight: the real server runs as a child process on the database under test, applicants post the public
// form over HTTP, and after the kill every query code that an acknowledgment showed is in the database
// with its `received` event and its audit entry, and the audit chain is intact.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/connection.ts';
import { verifyAudit } from '../../src/features/audit/service.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { operatorScope } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';

const BIN = fileURLToPath(new URL('../../bin/gongkai.js', import.meta.url));
const UNIT_NAME = '示例区人民政府';
/** Concurrent applicants posting one application after another. */
const APPLICANTS = 4;
/** Acknowledgments to collect before the kill. */
const ACKNOWLEDGED_BEFORE_KILL = 30;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => {
        resolve(port);
      });
    });
  });
}

function databaseUrl(database: DatabaseConfig): string {
  return database.kind === 'postgres' ? database.url : database.file;
}

/** Starts `gongkai serve` and resolves once it says it is listening. */
function startServer(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('已启动')) resolve(child);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('exit', (code, signal) => {
      reject(new Error(`server exited before listening (${code ?? signal}): ${output.slice(0, 2000)}`));
    });
  });
}

function applicationBody(unitId: string, n: number): string {
  return new URLSearchParams({
    unitId,
    applicantKind: 'person',
    applicantName: `申请人${n}`,
    idType: 'passport',
    idNumber: 'E12345678',
    phone: `139${String(10_000_000 + n).padStart(8, '0')}`,
    description: `第 ${n} 件：本区老旧小区改造项目的资金安排文件`,
    provisionForm: 'electronic',
    obtainWay: 'collect',
  }).toString();
}

describe(`acknowledged applications survive kill -9 on ${testDialect}`, () => {
  let context: TestContext;
  let server: ChildProcess | null = null;

  beforeAll(async () => {
    context = await createTestContext();
    await addUnit(operatorScope(context), { parentId: null, name: UNIT_NAME, kind: 'county' });
  });
  afterAll(async () => {
    if (server !== null && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
    await context.destroy();
  });

  it('keeps every acknowledged query code with its received event and audit entry', async () => {
    const port = await freePort();
    server = await startServer({
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl(context.config.database),
      DATA_KEYS_FILE: context.config.dataKeysFile,
      PUBLIC_RATE_LIMIT_PER_MINUTE: '100000',
      LOG_LEVEL: 'silent',
    });
    const child = server;
    const exited = new Promise<NodeJS.Signals | null>((resolve) => {
      child.once('exit', (_code, signal) => {
        resolve(signal);
      });
    });
    const base = `http://127.0.0.1:${port}`;

    const form = await (await fetch(`${base}/apply`)).text();
    const unitId = new RegExp(`<option value="(\\d+)"[^>]*>[\\u3000\\s]*${UNIT_NAME}</option>`).exec(
      form,
    )?.[1];
    expect(unitId).toMatch(/^\d+$/);

    const acknowledged: string[] = [];
    let sent = 0;
    let inFlight = 0;
    let inFlightAtKill = -1;
    const kill = () => {
      if (inFlightAtKill >= 0) return;
      inFlightAtKill = inFlight;
      child.kill('SIGKILL');
    };
    const applicant = async () => {
      while (inFlightAtKill < 0) {
        sent += 1;
        inFlight += 1;
        const body = applicationBody(unitId ?? '', sent);
        let page: string | null = null;
        let status = 0;
        try {
          const response = await fetch(`${base}/apply`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body,
          });
          status = response.status;
          page = await response.text();
        } catch {
          // The server died under this request: it was never acknowledged.
        } finally {
          inFlight -= 1;
        }
        if (page === null) return;
        expect(status, page.slice(0, 500)).toBe(200);
        const code = /data-testid="query-code">([0-9A-Z]+)</.exec(page)?.[1];
        expect(code).toMatch(/^[0-9A-Z]{12}$/);
        acknowledged.push(code ?? '');
        // Kill the moment enough codes were shown and other applicants are still waiting for theirs.
        if (acknowledged.length >= ACKNOWLEDGED_BEFORE_KILL && inFlight > 0) kill();
      }
    };
    await Promise.all(Array.from({ length: APPLICANTS }, applicant));
    expect(await exited).toBe('SIGKILL');
    expect(inFlightAtKill).toBeGreaterThan(0);
    expect(acknowledged.length).toBeGreaterThanOrEqual(ACKNOWLEDGED_BEFORE_KILL);

    const database = openDatabase(context.config.database);
    try {
      const db = database.db;
      const stored = await db
        .selectFrom('applications')
        .select(['id', 'query_code'])
        .where('query_code', 'in', acknowledged)
        .execute();
      expect(stored.map((row) => row.query_code).sort()).toEqual([...acknowledged].sort());
      const ids = stored.map((row) => row.id);
      const received = await db
        .selectFrom('application_events')
        .select('application_id')
        .where('type', '=', 'received')
        .where('application_id', 'in', ids)
        .execute();
      expect(received.map((row) => row.application_id).sort((a, b) => a - b)).toEqual(
        [...ids].sort((a, b) => a - b),
      );
      const audited = await db
        .selectFrom('audit_log')
        .select('object_id')
        .where('action', '=', 'application.submit')
        .where('object_id', 'in', ids.map(String))
        .execute();
      expect(audited.map((row) => row.object_id).sort()).toEqual(ids.map(String).sort());
      // Nothing appears that no applicant sent: at most the requests that died unanswered.
      const all = await db
        .selectFrom('applications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(all.n).toBeGreaterThanOrEqual(acknowledged.length);
      expect(all.n).toBeLessThanOrEqual(sent);
      expect(await verifyAudit(db)).toMatchObject({ ok: true });
    } finally {
      await database.close();
    }
  }, 120_000);
});
