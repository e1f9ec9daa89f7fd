// `gongkai clock` and `gongkai fee` through the real command (they must be registered in src/cli/main.ts).
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setDayOverride } from '../../src/features/calendar/service.ts';
import { operatorScope } from '../support/actors.ts';
import { createTestContext, type TestContext } from '../support/database.ts';
import { repoRoot } from '../support/paths.ts';

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

// Without a deployment database (a SQLite file that does not exist), the clock counts on the official data.
const NO_DATABASE = { DATABASE_URL: `sqlite:${join(tmpdir(), 'gongkai-clock-cli-absent', 'none.db')}` };

function gongkai(args: string[], stdin?: string, env: Record<string, string> = NO_DATABASE): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, 'bin/gongkai.js'), ...args], {
      cwd: repoRoot,
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(stdin ?? '');
  });
}

describe('gongkai clock', () => {
  it('reads the issue example and prints the derived clock', async () => {
    const ledger = {
      received: '2024-10-03',
      events: [{ type: 'extended', date: '2024-10-25', workdays: 20 }],
      today: '2024-10-28',
    };
    const run = await gongkai(['clock'], JSON.stringify(ledger));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      due: '2024-11-29',
      workdays_left: 24,
      overdue_workdays: 0,
      state: 'running',
    });
  });

  it('holds the spec example and shows a pause and a correction', async () => {
    const plain = await gongkai(['clock'], '{"received":"2023-09-04"}');
    expect(JSON.parse(plain.stdout)).toMatchObject({ due: '2023-10-08', state: 'running' });

    const paused = await gongkai(
      ['clock'],
      JSON.stringify({
        received: '2024-03-04',
        events: [{ type: 'consultation_started', date: '2024-03-11', party: 'third_party' }],
        today: '2024-03-20',
      }),
    );
    expect(JSON.parse(paused.stdout)).toMatchObject({
      state: 'paused',
      due: null,
      remaining_workdays: 15,
      workdays_left: 15,
    });

    const waiting = await gongkai(
      ['clock', '--correction-workdays', '10'],
      JSON.stringify({
        received: '2024-03-04',
        events: [{ type: 'correction_requested', date: '2024-03-06' }],
      }),
    );
    expect(JSON.parse(waiting.stdout)).toMatchObject({
      state: 'awaiting_correction',
      due: null,
      correction_due: '2024-03-20',
    });
  });

  it('refuses bad JSON, an illegal ledger and a missing year in Chinese, with exit code 2', async () => {
    const badJson = await gongkai(['clock'], '{"received":');
    expect(badJson.code).toBe(2);
    expect(badJson.stderr).toContain('不是有效的 JSON');
    expect(badJson.stdout).toBe('');

    const twice = await gongkai(
      ['clock'],
      JSON.stringify({
        received: '2024-10-03',
        events: [
          { type: 'extended', date: '2024-10-25', workdays: 10 },
          { type: 'extended', date: '2024-10-28', workdays: 10 },
        ],
      }),
    );
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('events[1]');
    expect(twice.stderr).toContain('只能延长一次');

    const badDate = await gongkai(['clock'], '{"received":"2024-10-03","today":"10/28"}');
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('today');

    const missingYear = await gongkai(['clock'], '{"received":"2026-12-10"}');
    expect(missingYear.code).toBe(2);
    expect(missingYear.stderr).toContain('2027年的节假日安排尚无数据');
  });

  describe('with a deployment database', () => {
    let context: TestContext;
    beforeAll(async () => {
      context = await createTestContext();
      // A day off declared by the administrators (say a local emergency closure) moves the due date.
      await setDayOverride(operatorScope(context), {
        date: '2024-11-29',
        kind: 'holiday',
        name: '临时停工',
        notice: '测试通知〔2024〕1号',
      });
    });
    afterAll(async () => {
      await context.destroy();
    });

    it("counts on the deployment's calendar, or on the official data with --official-calendar", async () => {
      const database = context.config.database;
      const env = {
        DATABASE_URL: database.kind === 'sqlite' ? `sqlite:${database.file}` : database.url,
        DATA_KEYS_FILE: context.config.dataKeysFile,
      };
      const ledger = JSON.stringify({
        received: '2024-10-03',
        events: [{ type: 'extended', date: '2024-10-25', workdays: 20 }],
      });
      const deployment = await gongkai(['clock'], ledger, env);
      expect(deployment.stderr).toBe('');
      expect(JSON.parse(deployment.stdout)).toMatchObject({ due: '2024-12-02' });
      const official = await gongkai(['clock', '--official-calendar'], ledger, env);
      expect(JSON.parse(official.stdout)).toMatchObject({ due: '2024-11-29' });
    });
  });

  it('has Chinese help', async () => {
    const run = await gongkai(['clock', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('显示帮助');
    expect(run.stdout).toContain('工作日');
  });
});

describe('gongkai fee', () => {
  it.each([
    [['--by-count', '10'], 0],
    [['--by-count', '11'], 100],
    [['--by-count', '35'], 200],
    [['--by-pages', '30'], 0],
    [['--by-pages', '250'], 4700],
  ])('%j → %i 元', async (args, amount) => {
    const run = await gongkai(['fee', ...args]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ amount_yuan: amount });
  });

  it('refuses a bad number or a missing method, naming the option', async () => {
    const bad = await gongkai(['fee', '--by-pages', '-3']);
    expect(bad.code).not.toBe(0);
    const word = await gongkai(['fee', '--by-count', 'ten']);
    expect(word.code).toBe(2);
    expect(word.stderr).toContain('--by-count');
    const none = await gongkai(['fee']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--by-pages');
  });

  it('has Chinese help naming the notice', async () => {
    const run = await gongkai(['fee', '--help']);
    expect(run.stdout).toContain('国办函〔2020〕109号');
  });
});
