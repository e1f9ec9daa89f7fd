// Background jobs on a real database: the lease lets one process at a time run a job (and one per
// round), an expired lease is taken over, failures are recorded and never thrown; the scheduler runs the
// registered jobs in rounds that another process skips, and stops on close.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/features/accounts/service.ts';
import { submitOnlineApplication } from '../../src/features/applications/service.ts';
import type { BackgroundJob } from '../../src/features/jobs/model.ts';
import { BACKGROUND_JOBS } from '../../src/features/jobs/registry.ts';
import { findLease } from '../../src/features/jobs/repo.ts';
import { runJobOnce } from '../../src/features/jobs/runner.ts';
import { createJobScheduler } from '../../src/features/jobs/scheduler.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { operatorScope } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { recordingLogger } from '../support/recording-logger.ts';

/** 10:00 in China on the day. */
const at = (day: string, time = '02:00:00') => new Date(`${day}T${time}Z`);

const HANDLER_EMAIL = 'zhao.handler@example.gov.cn';

describe(`background jobs on ${testDialect}`, () => {
  let context: TestContext;
  const base = at('2026-03-02').getTime();

  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    // One application, overdue on the day of the scheduler's rounds, with a handler to remind.
    const operator = operatorScope(context);
    const district = await addUnit(operator, { parentId: null, name: '皇姑区人民政府', kind: 'county' });
    await createUser(operator, {
      username: 'zhao.handler',
      displayName: 'zhao.handler',
      password: 'Hg7#water-Lily-2026',
      grants: [{ unitId: district.id, role: 'handler' }],
    });
    await submitOnlineApplication(
      { context, address: '127.0.0.1' },
      {
        unitId: String(district.id),
        applicantKind: 'person',
        applicantName: '欧阳明月',
        idType: 'passport',
        idNumber: 'E12345678',
        phone: '13987654321',
        description: '2025 年本区义务教育阶段学位安排文件',
        provisionForm: 'electronic',
        obtainWay: 'collect',
      },
      at('2026-03-02'),
    );
  });
  afterAll(async () => {
    await context.destroy();
  });

  describe('the lease', () => {
    it('lets one of two concurrent processes run a job, once per round', async () => {
      let running = 0;
      let mostAtOnce = 0;
      const ranBy: string[] = [];
      const job: BackgroundJob = {
        name: 'test-exclusive',
        async run({ holder }) {
          running += 1;
          mostAtOnce = Math.max(mostAtOnce, running);
          // Give the other process every chance to start the job too.
          for (let i = 0; i < 3; i++)
            await context.database.db.selectFrom('job_leases').selectAll().execute();
          running -= 1;
          ranBy.push(holder);
          return `由 ${holder} 运行`;
        },
      };
      const logger = recordingLogger();
      for (let round = 0; round < 6; round++) {
        const now = new Date(base + round * 60_000);
        const outcomes = await Promise.all(
          ['process-a', 'process-b'].map((holder) =>
            runJobOnce(context, job, { holder, logger, now, minGapMs: 54_000 }),
          ),
        );
        expect(outcomes.filter((outcome) => outcome.ran)).toHaveLength(1);
      }
      expect(mostAtOnce).toBe(1);
      expect(ranBy).toHaveLength(6);
      const lease = await findLease(context.database.db, 'test-exclusive');
      expect(lease).toEqual({
        name: 'test-exclusive',
        holder: null,
        leaseUntil: null,
        lastRunAt: new Date(base + 5 * 60_000),
        lastResult: `由 ${ranBy[5] ?? ''} 运行`,
      });
    });

    it('skips a job whose lease is held, and takes over an expired lease', async () => {
      let release = () => {};
      const gate = new Promise<void>((resolve) => (release = resolve));
      let started = () => {};
      const running = new Promise<void>((resolve) => (started = resolve));
      const name = 'test-takeover';
      const logger = recordingLogger();
      const first = runJobOnce(
        context,
        {
          name,
          async run() {
            started();
            await gate;
            return '第一个进程完成';
          },
        },
        { holder: 'process-a', logger, now: new Date(base), leaseMs: 120_000 },
      );
      await running;
      const simple = (result: string): BackgroundJob => ({ name, run: () => Promise.resolve(result) });

      const whileHeld = await runJobOnce(context, simple('不应运行'), {
        holder: 'process-b',
        logger,
        now: new Date(base + 119_000),
      });
      expect(whileHeld).toEqual({ name, ran: false });
      expect((await findLease(context.database.db, name))?.holder).toBe('process-a');

      // process-a stopped renewing (it hangs): its lease ran out at base + 120 s.
      const takeover = await runJobOnce(context, simple('接管运行'), {
        holder: 'process-c',
        logger,
        now: new Date(base + 121_000),
      });
      expect(takeover).toEqual({ name, ran: true, ok: true, result: '接管运行', leaseLost: false });

      release();
      expect(await first).toEqual({ name, ran: true, ok: true, result: '第一个进程完成', leaseLost: true });
      // The late finisher does not overwrite the record of the run that took over.
      expect(await findLease(context.database.db, name)).toMatchObject({
        holder: null,
        lastRunAt: new Date(base + 121_000),
        lastResult: '接管运行',
      });
      expect(logger.lines.map((line) => line.message)).toEqual([
        'background job finished after losing its lease',
      ]);
    });

    it('records and logs a failing job without throwing, and frees its lease', async () => {
      const logger = recordingLogger();
      const outcome = await runJobOnce(
        context,
        {
          name: 'test-failing',
          run: () => Promise.reject(new Error(`邮件服务器拒收 <${HANDLER_EMAIL}>`)),
        },
        { holder: 'process-a', logger, now: new Date(base) },
      );
      expect(outcome).toEqual({
        name: 'test-failing',
        ran: true,
        ok: false,
        result: '失败：邮件服务器拒收 <[地址已隐去]>',
        leaseLost: false,
      });
      expect(logger.lines).toEqual([
        {
          level: 'error',
          details: { job: 'test-failing', error: '邮件服务器拒收 <[地址已隐去]>' },
          message: 'background job failed',
        },
      ]);
      expect(await findLease(context.database.db, 'test-failing')).toMatchObject({
        holder: null,
        leaseUntil: null,
        lastResult: '失败：邮件服务器拒收 <[地址已隐去]>',
      });
    });
  });

  describe('the scheduler', () => {
    it('runs every registered job in a round, and another process skips them until the next round', async () => {
      const logger = recordingLogger();
      const a = createJobScheduler(context, BACKGROUND_JOBS, {
        intervalSeconds: 60,
        logger,
        holder: 'process-a',
      });
      const b = createJobScheduler(context, BACKGROUND_JOBS, {
        intervalSeconds: 60,
        logger,
        holder: 'process-b',
      });
      const now = at('2026-04-06');
      const first = await a.runRound(now);
      expect(first.map((outcome) => [outcome.name, outcome.ran && outcome.ok])).toEqual([
        ['fee-closure', true],
        ['application-reminders', true],
        ['freshness-scan', true],
        ['dictionary-rescan', true],
        ['privacy-scan', true],
        ['dead-link-scan', true],
        ['annual-report-reminders', true],
        ['weekly-reminders', true],
        ['publishing-import-cleanup', true],
        ['notification-delivery', true],
      ]);
      const jobCount = BACKGROUND_JOBS.length;
      expect((await b.runRound(new Date(now.getTime() + 30_000))).map((outcome) => outcome.ran)).toEqual(
        Array<boolean>(jobCount).fill(false),
      );
      expect((await b.runRound(new Date(now.getTime() + 60_000))).map((outcome) => outcome.ran)).toEqual(
        Array<boolean>(jobCount).fill(true),
      );
      expect(first.map((outcome) => (outcome.ran ? outcome.result : null))).toEqual([
        '逾期未缴费终止处理 0 件',
        '临近或超过答复期限的申请 1 件，新提醒 1 条',
        '今日栏目更新检查已完成：检查 1 个单位，未按要求更新的栏目 0 个，新开纠错任务 0 件',
        '词库第 1 版复查：本次检查 0 条，新开纠错任务 0 件，已完成',
        '个人信息扫描（检测规则第 1 版）：本次检查 0 条，新开纠错任务 0 件',
        '2026-04-06 站内链接检查：本次检查 0 条，新开纠错任务 0 件，站外链接 0 个（不访问）',
        '临近年度报告发布期限且未发布的单位 0 个，新提醒 0 条',
        '2026-W15 周提示：0 个单位有待办事项，新提示 0 条',
        '中断的导入 0 个',
        '已发出 1 条，失败待重试 0 条，放弃 0 条',
      ]);
      expect((await findLease(context.database.db, 'application-reminders'))?.lastResult).toBe(
        '临近或超过答复期限的申请 1 件，新提醒 0 条',
      );
      expect(logger.lines.filter((line) => line.message === 'notification')).toHaveLength(1);
      await Promise.all([a.stop(), b.stop()]);
      expect(await a.runRound(now)).toEqual([]);
      expect(logger.lines.filter((line) => line.level !== 'info')).toEqual([]);
    });

    it('stops on close: the running job is told to stop and its lease is freed; interval 0 runs nothing', async () => {
      const logger = recordingLogger();
      let started = () => {};
      const running = new Promise<void>((resolve) => (started = resolve));
      const job: BackgroundJob = {
        name: 'test-stoppable',
        async run({ signal }) {
          started();
          await new Promise<void>((resolve) => {
            signal.addEventListener('abort', () => {
              resolve();
            });
          });
          return '收到停止信号';
        },
      };
      const scheduler = createJobScheduler(context, [job], {
        intervalSeconds: 3600,
        logger,
        holder: 'process-s',
      });
      scheduler.start();
      await running;
      expect((await findLease(context.database.db, 'test-stoppable'))?.holder).toBe('process-s');
      await scheduler.stop();
      expect(await findLease(context.database.db, 'test-stoppable')).toMatchObject({
        holder: null,
        leaseUntil: null,
        lastResult: '收到停止信号',
      });

      const off = createJobScheduler(
        context,
        [{ name: 'test-off', run: () => Promise.resolve('不应运行') }],
        {
          intervalSeconds: 0,
          logger,
          holder: 'process-t',
        },
      );
      off.start();
      await off.stop();
      expect(await findLease(context.database.db, 'test-off')).toBeNull();
      expect(logger.lines.map((line) => line.message)).toEqual([
        'background jobs started',
        'background jobs are off in this process (JOB_INTERVAL_SECONDS=0)',
      ]);
    });
  });
});
