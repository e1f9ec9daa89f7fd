// The weekly reminders (周提示) on a real database: one message per unit, ISO week and recipient (the
// unit's editors and supervisors with an e-mail address), however many runners run the job and however
// often; nothing for a unit with nothing to report; a new message the next week.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, type PlainDate } from '../../src/core/calendar/plain-date.ts';
import { createUser } from '../../src/features/accounts/service.ts';
import { loadCalendar } from '../../src/features/applications/clock.ts';
import { submitOnlineApplication } from '../../src/features/applications/service.ts';
import { addChannel, recordPublication } from '../../src/features/channels/service.ts';
import { openCorrectionTask } from '../../src/features/corrections/service.ts';
import { runJobOnce } from '../../src/features/jobs/runner.ts';
import { enqueueWeeklyReminders, weeklyRemindersJob } from '../../src/features/reminders/weekly.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { fromDate } from '../../src/db/dialect.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import { operatorScope } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';

const PASSWORD = 'Rv5#maple-Stone-2026';
/** 10:00 in China on a day. */
const at = (day: PlainDate) => new Date(`${day}T02:00:00Z`);
const silentLogger = { info() {}, warn() {}, error() {} };

describe(`weekly reminders on ${testDialect}`, () => {
  let context: TestContext;
  let district: Unit;
  let bureau: Unit;
  let quiet: Unit;
  const users: Record<string, number> = {};
  const codes: Record<string, { id: number; code: string }> = {};
  let correction = 0;

  const messages = async () =>
    (
      await context.database.db
        .selectFrom('outbox')
        .select(['dedupe_key', 'recipient_user_id', 'subject', 'body'])
        .where('kind', '=', 'weekly-reminder')
        .orderBy('id')
        .execute()
    ).map((row) => ({ ...row, recipient_user_id: Number(row.recipient_user_id) }));

  async function receivedFor(due: PlainDate): Promise<PlainDate> {
    const calendar = await loadCalendar(context.database.db);
    let day = due;
    while (calendar.nthWorkdayAfter(day, 20) !== due) day = addDays(day, -1);
    return day;
  }

  async function submit(name: string, unit: Unit, due: PlainDate) {
    const acknowledgment = await submitOnlineApplication(
      { context, address: '127.0.0.1' },
      {
        unitId: String(unit.id),
        applicantKind: 'person',
        applicantName: '欧阳明月',
        idType: 'passport',
        idNumber: 'E12345678',
        phone: '13987654321',
        description: '本区 2025 年道路维修计划',
        provisionForm: 'electronic',
        obtainWay: 'collect',
      },
      at(await receivedFor(due)),
    );
    codes[name] = { id: acknowledgment.id, code: acknowledgment.queryCode };
  }

  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    const operator = operatorScope(context);
    district = await addUnit(operator, { parentId: null, name: '甲区人民政府', kind: 'county' });
    bureau = await addUnit(operator, { parentId: district.id, name: '甲区教育局', kind: 'department' });
    quiet = await addUnit(operator, { parentId: null, name: '乙区人民政府', kind: 'county' });
    const people = [
      ['editor', 'editor', district, 'editor@jiaqu.gov.cn'],
      ['office', 'supervisor', district, 'office@jiaqu.gov.cn'],
      ['handler', 'handler', district, 'handler@jiaqu.gov.cn'],
      ['no-mail', 'editor', district, null],
      ['bureau', 'editor', bureau, null],
      ['quiet', 'editor', quiet, 'editor@yiqu.gov.cn'],
    ] as const;
    for (const [username, role, unit, email] of people) {
      const user = await createUser(operator, {
        username,
        displayName: username,
        password: PASSWORD,
        ...(email === null ? {} : { email }),
        grants: [{ unitId: unit.id, role }],
      });
      users[username] = user.id;
    }
    // The district: a silent WeChat account, an application due in 4 working days and one overdue, and an
    // open correction task. The bureau has an overdue application too, but nobody with an e-mail address.
    const account = await addChannel(operator, district.id, {
      kind: 'new-media',
      platform: 'wechat',
      name: '甲区发布',
      openedOn: '2026-01-05',
    });
    await recordPublication(operator, account, { publishedOn: '2026-03-05', title: '春耕' });
    await submit('soon', district, '2026-03-27');
    await submit('late', district, '2026-03-20');
    await submit('far', district, '2026-04-20');
    await submit('bureau', bureau, '2026-03-20');
    // One statutory column (第二十条第（一）项, documents: stale 6 months after its last item).
    const stamp = fromDate(context.database.dialect, at('2025-08-01'));
    await context.database.db
      .insertInto('publishing_items')
      .values({
        unit_id: district.id,
        status: 'published',
        sub_column: 'statutory',
        category_code: 'a20-01',
        title: '甲区行政规范性文件',
        summary: '概述',
        body: '正文',
        disclosure_method: '主动公开',
        disclosure_period: '长期公开',
        format: 'HTML',
        version: 1,
        round: 1,
        index_number: 'T-1',
        published_year: 2025,
        serial: 1,
        published_on: '2025-08-01',
        created_at: stamp,
        updated_at: stamp,
      })
      .execute();
    correction = (
      await inTransaction(context.database.db, (trx) =>
        openCorrectionTask(
          trx,
          { unitId: district.id, itemId: null, source: 'dead-link', description: '链接失效' },
          at('2026-03-16'),
        ),
      )
    ).id;
  });
  afterAll(async () => {
    await context.destroy();
  });

  it('sends each unit with something to report one message per recipient, by whichever runner runs', async () => {
    const monday = at('2026-03-23');
    const outcomes = await Promise.all(
      ['process-a', 'process-b'].map((holder) =>
        runJobOnce(context, weeklyRemindersJob, { holder, logger: silentLogger, now: monday }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.ran)).toHaveLength(1);
    const sent = await messages();
    expect(sent.map((message) => [message.dedupe_key, message.recipient_user_id])).toEqual([
      [`weekly:2026-W13:${district.id}:${users.editor}`, users.editor],
      [`weekly:2026-W13:${district.id}:${users.office}`, users.office],
    ]);
    expect(sent[0]?.subject).toBe('周提示：甲区人民政府本周有 5 项事项需要关注（2026-W13）');
    expect(sent[0]?.body).toBe(
      [
        '甲区人民政府：',
        '以下是截至 2026-03-23 需要关注的事项（2026-W13）。',
        '',
        '【政府信息公开专栏未及时更新的栏目】共 1 项',
        '- 法规规章和规范性文件：最近一次发布 2025-08-01，自 2026-02-01 起未及时更新',
        '',
        '【政务新媒体账号长期未更新（连续 14 天未发布即为僵尸号）】共 1 项',
        '- 微信“甲区发布”：已 18 天未发布，已属僵尸号',
        '',
        '【已超过答复期限的政府信息公开申请】共 1 项',
        `- 申请 ${codes.late?.code}：答复期限 2026-03-20，已逾期 1 个工作日（/admin/applications/${codes.late?.id}）`,
        '',
        '【5 个工作日内到期的政府信息公开申请】共 1 项',
        `- 申请 ${codes.soon?.code}：答复期限 2026-03-27，还有 4 个工作日（/admin/applications/${codes.soon?.id}）`,
        '',
        '【尚未办结的纠错任务】共 1 项',
        `- 纠错任务 ${correction}（失效链接）：应于 2026-03-23 前答复（/admin/corrections/${correction}）`,
        '',
        '本提示每周一次，由系统自动汇总发送；事项办结后不再列入。',
      ].join('\n'),
    );
    expect(sent[1]?.body).toBe(sent[0]?.body);
    // Nothing carries the applicant's name.
    expect(sent.some((message) => message.body.includes('欧阳明月'))).toBe(false);
  });

  it('sends nothing more in the same week, even when the scan runs again', async () => {
    const wednesday = at('2026-03-25');
    expect(await enqueueWeeklyReminders(context, wednesday)).toEqual({
      week: '2026-W13',
      skipped: true,
      units: 0,
      enqueued: 0,
    });
    // Without the week's mark, the outbox's dedupe key still keeps it to one message each.
    await context.database.db.deleteFrom('weekly_reminder_runs').execute();
    expect(await enqueueWeeklyReminders(context, wednesday)).toEqual({
      week: '2026-W13',
      skipped: false,
      units: 1,
      enqueued: 0,
    });
    expect(await messages()).toHaveLength(2);
  });

  it('sends again the next week, and never to a unit with nothing to report', async () => {
    expect(await enqueueWeeklyReminders(context, at('2026-03-30'))).toMatchObject({
      week: '2026-W14',
      units: 1,
      enqueued: 2,
    });
    const sent = await messages();
    expect(sent.map((message) => message.dedupe_key)).toEqual([
      `weekly:2026-W13:${district.id}:${users.editor}`,
      `weekly:2026-W13:${district.id}:${users.office}`,
      `weekly:2026-W14:${district.id}:${users.editor}`,
      `weekly:2026-W14:${district.id}:${users.office}`,
    ]);
    expect(sent.some((message) => message.recipient_user_id === users.quiet)).toBe(false);
    expect(sent.some((message) => message.body.includes('乙区'))).toBe(false);
  });
});
