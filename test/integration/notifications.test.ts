// Notifications on a real database: deadline reminders go out once per mark and due date however often
// and concurrently the scan runs; the outbox takes a message once per dedupe key and only with the
// caller's transaction, is delivered exactly once by concurrent claimers, to the log without a mail server
// or an address, by e-mail otherwise; a mail server that refuses is retried with backoff and given up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/app-context.ts';
import { createUser } from '../../src/features/accounts/service.ts';
import { loadCalendar } from '../../src/features/applications/clock.ts';
import { submitOnlineApplication } from '../../src/features/applications/service.ts';
import { assignApplication } from '../../src/features/applications/workflow.ts';
import { enqueueDeadlineReminders } from '../../src/features/applications/worklists-reminders.ts';
import { deliverNotifications } from '../../src/features/notifications/delivery.ts';
import { retryDelayMs } from '../../src/features/notifications/model.ts';
import { enqueueNotification } from '../../src/features/notifications/outbox.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { toDate } from '../../src/db/dialect.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import { operatorScope } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { closedPort, fakeSmtpServer } from '../support/fake-smtp.ts';
import { recordingLogger } from '../support/recording-logger.ts';

/** 10:00 in China on the day. */
const at = (day: string, time = '02:00:00') => new Date(`${day}T${time}Z`);

const PASSWORD = 'Hg7#water-Lily-2026';
const HANDLER_EMAIL = 'zhao.handler@example.gov.cn';
const APPLICANT = { name: '欧阳明月', phone: '13987654321' };

describe(`notifications on ${testDialect}`, () => {
  let context: TestContext;
  let district: Unit;
  let bureau: Unit;
  let withEmail: number;
  let withoutEmail: number;
  const base = at('2026-03-02').getTime();

  async function outboxRows() {
    const rows = await context.database.db.selectFrom('outbox').selectAll().orderBy('id').execute();
    return rows.map((row) => ({
      ...row,
      sent_at: row.sent_at === null ? null : toDate(row.sent_at),
      claimed_until: row.claimed_until === null ? null : toDate(row.claimed_until),
    }));
  }

  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    const operator = operatorScope(context);
    district = await addUnit(operator, { parentId: null, name: '皇姑区人民政府', kind: 'county' });
    bureau = await addUnit(operator, { parentId: district.id, name: '皇姑区教育局', kind: 'department' });
    const handler = async (username: string, email?: string) =>
      (
        await createUser(operator, {
          username,
          displayName: username,
          password: PASSWORD,
          ...(email === undefined ? {} : { email }),
          grants: [{ unitId: district.id, role: 'handler' }],
        })
      ).id;
    withEmail = await handler('zhao.handler', HANDLER_EMAIL);
    withoutEmail = await handler('qian.handler');
  });
  afterAll(async () => {
    await context.destroy();
  });

  describe('deadline reminders', () => {
    let assigned: { id: number; queryCode: string };
    let unassigned: { id: number; queryCode: string };
    const received = '2026-03-02';
    const due = '2026-03-30';

    const submit = async (unit: Unit) =>
      submitOnlineApplication(
        { context, address: '127.0.0.1' },
        {
          unitId: String(unit.id),
          applicantKind: 'person',
          applicantName: APPLICANT.name,
          idType: 'passport',
          idNumber: 'E12345678',
          phone: APPLICANT.phone,
          description: '2025 年本区义务教育阶段学位安排文件',
          provisionForm: 'electronic',
          obtainWay: 'collect',
        },
        at(received),
      );

    const reminders = async () =>
      (await outboxRows()).filter((row) => row.kind === 'application-reminder').map((row) => row.dedupe_key);

    beforeAll(async () => {
      assigned = await submit(district);
      unassigned = await submit(bureau);
      await assignApplication(
        operatorScope(context),
        assigned.id,
        { handlerId: String(withEmail) },
        at('2026-03-03'),
      );
      // 20 working days after Monday 2 March 2026 (no holiday in March).
      expect((await loadCalendar(context.database.db)).nthWorkdayAfter(received, 20)).toBe(due);
    });

    it('reminds 5 working days before the due date, once, however often and concurrently the scan runs', async () => {
      // Monday 23 March: 24, 25, 26, 27 and 30 March are left.
      const runs = await Promise.all([
        enqueueDeadlineReminders(context, at('2026-03-23')),
        enqueueDeadlineReminders(context, at('2026-03-23')),
      ]);
      expect(runs.map((run) => run.enqueued).reduce((a, b) => a + b)).toBe(3);
      expect(runs.map((run) => run.considered)).toEqual([2, 2]);
      const fiveDays = [
        `reminder:${assigned.id}:5:${due}:${withEmail}`,
        // Nobody assigned, no handler in the bureau: the handlers of the district above it.
        `reminder:${unassigned.id}:5:${due}:${withEmail}`,
        `reminder:${unassigned.id}:5:${due}:${withoutEmail}`,
      ];
      expect((await reminders()).sort()).toEqual([...fiveDays].sort());

      for (const later of [at('2026-03-23', '09:00:00'), at('2026-03-24'), at('2026-03-25')]) {
        expect((await enqueueDeadlineReminders(context, later)).enqueued).toBe(0);
      }
      expect(await reminders()).toHaveLength(3);

      const row = (await outboxRows()).find((r) => r.dedupe_key === fiveDays[0]);
      expect(row).toMatchObject({
        recipient_user_id: withEmail,
        subject: `依申请公开：申请 ${assigned.queryCode} 距答复期限还有 5 个工作日`,
        sent_at: null,
        attempts: 0,
      });
      expect(row?.body).toContain(`查询码：${assigned.queryCode}`);
      expect(row?.body).toContain('答复期限：2026年3月30日（还有 5 个工作日');
      expect(row?.body).toContain(`办理页面：/admin/applications/${assigned.id}`);
      for (const personal of [APPLICANT.name, APPLICANT.phone, 'E12345678', '学位安排']) {
        expect(`${row?.subject ?? ''}${row?.body ?? ''}`).not.toContain(personal);
      }
    });

    it('reminds again at 2 working days left and when overdue, each once', async () => {
      const enqueuedOn = async (day: string) =>
        (await Promise.all([0, 1].map(() => enqueueDeadlineReminders(context, at(day)))))
          .map((run) => run.enqueued)
          .reduce((a, b) => a + b);
      expect(await enqueuedOn('2026-03-26')).toBe(3);
      expect(await enqueuedOn('2026-03-27')).toBe(0);
      // The due date itself: nothing overdue yet, the 2-day reminder is already out.
      expect(await enqueuedOn('2026-03-30')).toBe(0);
      expect(await enqueuedOn('2026-03-31')).toBe(3);
      expect(await enqueuedOn('2026-04-01')).toBe(0);
      const keys = await reminders();
      expect(keys.filter((key) => /^reminder:\d+:2:/.test(key))).toHaveLength(3);
      expect(keys.filter((key) => key.includes(':overdue:'))).toHaveLength(3);
      expect(keys).toContain(`reminder:${assigned.id}:overdue:${due}:${withEmail}`);
      const overdue = (await outboxRows()).find(
        (row) => row.dedupe_key === `reminder:${assigned.id}:overdue:${due}:${withEmail}`,
      );
      expect(overdue?.subject).toBe(`依申请公开：申请 ${assigned.queryCode} 已超过答复期限 1 个工作日`);
    });
  });

  describe('the outbox', () => {
    it('enqueues once per dedupe key, and only when the caller’s transaction commits', async () => {
      const message = (dedupeKey: string) => ({
        kind: 'test',
        dedupeKey,
        recipientUserId: withoutEmail,
        subject: '测试通知',
        body: '正文',
      });
      const db = context.database.db;
      expect(await enqueueNotification(db, message('test:once'), new Date(base))).toBe(true);
      expect(await enqueueNotification(db, message('test:once'), new Date(base))).toBe(false);
      await expect(
        inTransaction(db, async (trx) => {
          expect(await enqueueNotification(trx, message('test:rolled-back'), new Date(base))).toBe(true);
          throw new Error('the change that caused it failed');
        }),
      ).rejects.toThrow('the change that caused it failed');
      const keys = (await outboxRows()).map((row) => row.dedupe_key);
      expect(keys.filter((key) => key.startsWith('test:'))).toEqual(['test:once']);
    });

    it('is delivered exactly once by concurrent claimers, to the log without a mail server', async () => {
      const loggers = [recordingLogger(), recordingLogger(), recordingLogger()];
      const expected: number[] = [];
      // Several rounds, so that the claimers' first statements meet on a fresh batch more than once.
      for (let round = 0; round < 4; round++) {
        for (let i = 0; i < 25; i++) {
          await enqueueNotification(
            context.database.db,
            {
              kind: 'test',
              dedupeKey: `test:bulk:${round}:${i}`,
              recipientUserId: withEmail,
              subject: `通知 ${i}`,
              body: '正文',
            },
            new Date(base),
          );
        }
        const pending = (await outboxRows()).filter((row) => row.sent_at === null).map((row) => row.id);
        // The first round also sends the reminders and the message of the tests above.
        expect(pending.length).toBe(round === 0 ? 25 + 9 + 1 : 25);
        expected.push(...pending);
        const now = at('2026-04-01');
        const summaries = await Promise.all(
          loggers.map((logger, i) => deliverNotifications(context, { holder: `process-${i}`, logger, now })),
        );
        expect(summaries.map((summary) => summary.sent).reduce((a, b) => a + b)).toBe(pending.length);
      }
      const logged = loggers.flatMap((logger) => logger.lines.map((line) => line.details.notification));
      expect([...logged].sort((a, b) => Number(a) - Number(b))).toEqual(expected);
      const rows = await outboxRows();
      expect(rows.map((row) => row.id)).toEqual(expected);
      expect(
        rows.every((row) => row.sent_via === 'log' && row.attempts === 1 && row.claimed_by === null),
      ).toBe(true);
      expect(rows.every((row) => row.sent_at?.getTime() === at('2026-04-01').getTime())).toBe(true);
      const reminderLine = loggers
        .flatMap((logger) => logger.lines)
        .find((line) => line.details.kind === 'application-reminder');
      expect(reminderLine?.message).toBe('notification');
      expect(Object.keys(reminderLine?.details ?? {}).sort()).toEqual([
        'body',
        'kind',
        'notification',
        'recipientUserId',
        'subject',
      ]);
      expect(JSON.stringify(loggers.map((logger) => logger.lines))).not.toContain(HANDLER_EMAIL);

      const logger = recordingLogger();
      expect(
        await deliverNotifications(context, { holder: 'process-0', logger, now: at('2026-04-01') }),
      ).toEqual({
        sent: 0,
        failed: 0,
        gaveUp: 0,
      });
    });
  });

  describe('e-mail', () => {
    let downPort = 0;
    let smtp: Awaited<ReturnType<typeof fakeSmtpServer>>;

    beforeAll(async () => {
      downPort = await closedPort();
      smtp = await fakeSmtpServer();
    });
    afterAll(async () => {
      await smtp.close();
    });

    const withMailServer = (port: number): AppContext => ({
      ...context,
      config: {
        ...context.config,
        smtp: { url: `smtp://127.0.0.1:${port}`, from: 'gongkai@example.gov.cn' },
      },
    });

    it('sends to the recipient’s address, and to the log for someone without one', async () => {
      const db = context.database.db;
      const now = at('2026-04-02');
      const message = (key: string, recipientUserId: number) => ({
        kind: 'test',
        dedupeKey: key,
        recipientUserId,
        subject: '测试邮件',
        body: '邮件正文',
      });
      await enqueueNotification(db, message('test:mail:1', withEmail), now);
      await enqueueNotification(db, message('test:mail:2', withoutEmail), now);
      const logger = recordingLogger();
      expect(
        await deliverNotifications(withMailServer(smtp.port), { holder: 'process-a', logger, now }),
      ).toEqual({
        sent: 2,
        failed: 0,
        gaveUp: 0,
      });
      expect(smtp.received.map((mail) => mail.to)).toEqual([[HANDLER_EMAIL]]);
      expect(smtp.received[0]?.from).toContain('gongkai@example.gov.cn');
      const rows = (await outboxRows()).filter((row) => row.dedupe_key.startsWith('test:mail:'));
      expect(rows.map((row) => [row.dedupe_key, row.sent_via, row.attempts])).toEqual([
        ['test:mail:1', 'email', 1],
        ['test:mail:2', 'log', 1],
      ]);
      expect(logger.lines.map((line) => line.details.notification)).toEqual([rows[1]?.id]);
    });

    it('records a refused connection as an attempt, retries it later with backoff, and gives up after 8', async () => {
      const db = context.database.db;
      const down = withMailServer(downPort);
      const start = at('2026-04-03');
      await enqueueNotification(
        db,
        {
          kind: 'test',
          dedupeKey: 'test:smtp-down',
          recipientUserId: withEmail,
          subject: '测试',
          body: '正文',
        },
        start,
      );
      const row = async () => (await outboxRows()).find((r) => r.dedupe_key === 'test:smtp-down');
      const logger = recordingLogger();
      const deliver = (now: Date) => deliverNotifications(down, { holder: 'process-a', logger, now });

      expect(await deliver(start)).toEqual({ sent: 0, failed: 1, gaveUp: 0 });
      expect(await row()).toMatchObject({
        attempts: 1,
        sent_at: null,
        sent_via: null,
        claimed_by: null,
        claimed_until: new Date(start.getTime() + 60_000),
      });
      expect((await row())?.last_error).toMatch(/ECONNREFUSED/);
      // Before the retry time nobody claims it.
      expect(await deliver(new Date(start.getTime() + 59_000))).toEqual({ sent: 0, failed: 0, gaveUp: 0 });
      expect((await row())?.attempts).toBe(1);

      let now = start;
      for (let attempts = 1; attempts < 7; attempts++) {
        now = new Date(now.getTime() + retryDelayMs(attempts));
        expect(await deliver(now)).toEqual({ sent: 0, failed: 1, gaveUp: 0 });
        expect((await row())?.attempts).toBe(attempts + 1);
      }
      now = new Date(now.getTime() + retryDelayMs(7));
      expect(await deliver(now)).toEqual({ sent: 0, failed: 0, gaveUp: 1 });
      const given = await row();
      expect(given).toMatchObject({ attempts: 8, sent_at: null, claimed_until: null });
      expect(given?.last_error).toMatch(/^已尝试 8 次仍未发出，不再重试。最后一次的错误：.*ECONNREFUSED/);
      expect(await deliver(new Date(now.getTime() + 86_400_000))).toEqual({ sent: 0, failed: 0, gaveUp: 0 });
      expect(logger.lines.filter((line) => line.level === 'warn')).toHaveLength(8);
      expect(JSON.stringify(logger.lines)).not.toContain(HANDLER_EMAIL);
    });
  });
});
