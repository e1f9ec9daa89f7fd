// Creates the demo deployment on an empty database: the units, one account per role, and the year 2023
// of applications as the reference district handled them, each created through the same services the
// pages use (submission or registration, then the decision with its letter), never written into tables.
import { randomBytes } from 'node:crypto';
import type { ActingScope, AppContext } from '../../app-context.ts';
import type { Actor, Grant } from '../../core/access/roles.ts';
import type { PlainDate } from '../../core/calendar/plain-date.ts';
import type { WorkingDayCalendar } from '../../core/calendar/working-days.ts';
import { createUser } from '../accounts/service.ts';
import { loadCalendar } from '../applications/clock.ts';
import type { Channel } from '../applications/model.ts';
import { registerApplication } from '../applications/registration.ts';
import { submitOnlineApplication } from '../applications/service.ts';
import {
  decideApplication,
  extendDeadline,
  recordCorrected,
  replyCohandling,
  requestCohandling,
  requestCorrection,
} from '../applications/workflow.ts';
import { publishAnnualReport } from '../annual-report/publish.ts';
import { addChannel, importPublications } from '../channels/service.ts';
import { enterGuideCount, saveTraining } from '../supervision/service.ts';
import type { Unit } from '../units/model.ts';
import { enterStatistic, saveCase } from '../records/service.ts';
import { addUnit } from '../units/service.ts';
import {
  DEMO_ACCOUNTS,
  DEMO_ASSISTED,
  DEMO_CHANNELS,
  DEMO_CITY_OFFICE,
  DEMO_GUIDE_COUNTS,
  DEMO_PUBLICATION_CHANNELS,
  DEMO_TOPICS,
  DEMO_TRAINING,
  DEMO_OFFICE,
  DEMO_OUTCOMES,
  DEMO_UNITS,
  DEMO_CASES,
  DEMO_STATISTICS,
  DEMO_YEAR,
  demoApplicant,
  type DemoAccount,
} from './plan.ts';

export interface DemoSignIn {
  readonly accounts: readonly DemoAccount[];
  readonly password: string;
}

/** A password that meets both shipped policies, different on every deployment. */
function demoPassword(): string {
  return `Gk-${randomBytes(9).toString('base64url')}-7q`;
}

/** At noon in China on `date`: the instant a demo step happens. */
function at(date: PlainDate): Date {
  return new Date(`${date}T04:00:00Z`);
}

/** A minimal PDF: what a scanned signed mail slip would be, for the letters' receipt evidence. */
const MAIL_SLIP = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
);

function workdaysOf(calendar: WorkingDayCalendar, year: number): PlainDate[] {
  const days: PlainDate[] = [];
  let day = `${year - 1}-12-31`;
  for (;;) {
    day = calendar.nthWorkdayAfter(day, 1);
    if (!day.startsWith(`${year}-`)) return days;
    days.push(day);
  }
}

/** n outcome codes in a spread-out order (a stride coprime with n visits every slot once). */
function spread<T>(counts: readonly (readonly [T, number])[]): T[] {
  const flat = counts.flatMap(([value, count]) => Array.from({ length: count }, () => value));
  const stride = 37;
  return flat.map((_, index) => flat[(index * stride) % flat.length] as T);
}

function staffActor(
  user: { readonly id: number; readonly username: string; readonly displayName: string },
  grants: readonly Grant[],
): Actor {
  return { kind: 'staff', userId: user.id, username: user.username, displayName: user.displayName, grants };
}

function decisionForm(outcome: string, n: number): Record<string, string> {
  switch (outcome) {
    case 'public-already':
      return { provided: '该信息已在区政府网站“政府信息公开”栏目主动公开，可登录查阅' };
    case 'public-provided':
      return { provided: '向申请人提供所申请信息的电子文件' };
    case 'partial':
      return {
        provided: '提供项目清单和资金总额',
        withheld: '合同中的单价和供应商银行账户信息',
        withheldReason: '涉及第三方商业秘密，第三方不同意公开',
      };
    case 'unavailable-not-held':
      return { responsibleAgency: '沈阳市自然资源局（联系电话见其门户网站）' };
    case 'other':
      return { note: '申请人撤回申请' };
    default:
      return {
        note: `经审查，依法作出答复（演示 ${n + 1}）`,
        withheld: '所申请的信息',
        withheldReason: '见答复书',
      };
  }
}

/** Seeds the demo when the database holds no unit yet; null when it is not empty. */
export async function seedDemo(context: AppContext): Promise<DemoSignIn | null> {
  const db = context.database.db;
  if ((await db.selectFrom('units').select('id').limit(1).executeTakeFirst()) !== undefined) return null;
  const operator: ActingScope = { context, actor: { kind: 'operator' }, address: 'demo' };
  const units = new Map<string, Unit>();
  for (const unit of DEMO_UNITS) {
    const parent = unit.parent === null ? null : (units.get(unit.parent) ?? null);
    units.set(
      unit.key,
      await addUnit(
        operator,
        {
          parentId: parent?.id ?? null,
          name: unit.name,
          kind: unit.kind,
          uscc: unit.uscc,
          regionCode: unit.regionCode,
          ...(unit.key === 'district' ? { contact: DEMO_OFFICE } : {}),
          ...(unit.key === 'city' ? { contact: DEMO_CITY_OFFICE } : {}),
        },
        at(`${DEMO_YEAR}-01-03`),
      ),
    );
  }
  const unitOf = (key: string): Unit => {
    const unit = units.get(key);
    if (unit === undefined) throw new Error(`demo unit ${key} missing`);
    return unit;
  };
  const password = demoPassword();
  const actors = new Map<string, Actor>();
  for (const account of DEMO_ACCOUNTS) {
    const unit = unitOf(account.unit);
    const user = await createUser(operator, {
      username: account.username,
      displayName: account.displayName,
      password,
      grants: [{ unitId: unit.id, role: account.role }],
    });
    actors.set(
      account.username,
      staffActor({ id: user.id, username: account.username, displayName: account.displayName }, [
        { role: account.role, unitId: unit.id, unitPath: unit.path },
      ]),
    );
  }
  const scopeAs = (username: string): ActingScope => {
    const actor = actors.get(username);
    if (actor === undefined) throw new Error(`demo account ${username} missing`);
    return { context, actor, address: 'demo' };
  };
  const district = unitOf('district');
  const supervisor = scopeAs('demo.supervisor');
  await seedApplications(context, district, scopeAs('demo.handler'), supervisor);
  await seedAssistance(unitOf('city'), district, scopeAs('demo.city.handler'), scopeAs('demo.handler'));
  await seedRecords(district, supervisor);
  await seedPublications(unitOf, scopeAs('demo.editor'));
  await seedSupervision(district, supervisor);
  // Published last, on the day the reference report was published: every 2023 record is in by then.
  await publishAnnualReport(
    supervisor,
    { unitId: district.id, year: DEMO_YEAR },
    at(`${DEMO_YEAR + 1}-02-18`),
  );
  return { accounts: DEMO_ACCOUNTS, password };
}

async function seedApplications(
  context: AppContext,
  district: Unit,
  handler: ActingScope,
  supervisor: ActingScope,
): Promise<void> {
  const calendar = await loadCalendar(context.database.db);
  const days = workdaysOf(calendar, DEMO_YEAR);
  const channels: Channel[] = spread(DEMO_CHANNELS);
  const outcomes = spread(DEMO_OUTCOMES);
  const total = channels.length;
  for (let n = 0; n < total; n++) {
    const last = n === total - 1;
    // Spread over the working days before mid-December; the last one arrives shortly before the year ends.
    const receivedOn = last
      ? `${DEMO_YEAR}-12-26`
      : (days[Math.floor((n * (days.length - 12)) / total)] ?? '');
    const person = demoApplicant(n);
    const form = {
      unitId: String(district.id),
      applicantKind: 'person',
      applicantName: person.name,
      idType: 'passport',
      idNumber: `E${String(10_000_000 + n * 101).padStart(8, '0')}`,
      phone: person.phone,
      description: person.description,
      provisionForm: 'electronic',
      obtainWay: 'email',
      email: `applicant${n + 1}@example.cn`,
    };
    const channel = channels[n] ?? 'online';
    const id =
      channel === 'online'
        ? (await submitOnlineApplication({ context, address: 'demo' }, form, at(receivedOn))).id
        : (
            await registerApplication(
              handler,
              { ...form, channel, receivedOn },
              {
                files:
                  channel === 'letter-registered'
                    ? [{ field: 'evidence', fileName: '邮件签收单.pdf', data: MAIL_SLIP, truncated: false }]
                    : [],
                tooManyFiles: false,
              },
              at(receivedOn),
            )
          ).id;
    let restart = receivedOn;
    if (n % 45 === 7) {
      const asked = calendar.nthWorkdayAfter(receivedOn, 2);
      await requestCorrection(handler, id, { items: '请明确所需信息的时间范围', date: asked }, at(asked));
      restart = calendar.nthWorkdayAfter(asked, 3);
      await recordCorrected(handler, id, { date: restart }, at(restart));
    }
    if (n % 60 === 13) {
      const on = calendar.nthWorkdayAfter(restart, 15);
      await extendDeadline(
        supervisor,
        id,
        { workdays: '10', reason: '需调取档案馆存档材料', date: on },
        at(on),
      );
      restart = on;
    }
    // Every application but the last is closed within the year (the report carries one into 2024).
    const lastWorkday = days.at(-1) ?? `${DEMO_YEAR}-12-29`;
    const planned = calendar.nthWorkdayAfter(restart, 3 + (n % 14));
    const decidedOn = last ? `${DEMO_YEAR + 1}-01-10` : planned > lastWorkday ? lastWorkday : planned;
    const outcome = last ? 'public-provided' : (outcomes[n] ?? 'public-provided');
    await decideApplication(
      handler,
      id,
      { outcome, date: decidedOn, ...decisionForm(outcome, n) },
      at(decidedOn),
    );
  }
}

/** The administrative statistics and the review and litigation cases of 2023, entered as an office would. */
async function seedRecords(district: Unit, supervisor: ActingScope): Promise<void> {
  for (const [kind, value] of DEMO_STATISTICS) {
    await enterStatistic(
      supervisor,
      district.id,
      { year: String(DEMO_YEAR), kind, value },
      at(`${DEMO_YEAR + 1}-01-08`),
    );
  }
  let n = 0;
  for (const [kind, filedOn, decidedOn, result] of DEMO_CASES) {
    n += 1;
    await saveCase(
      supervisor,
      district.id,
      null,
      {
        kind,
        caseNumber: `（演示）皇政复〔${filedOn.slice(0, 4)}〕${n}号`,
        filedOn,
        decidedOn,
        result,
        application: '',
      },
      at(decidedOn),
    );
  }
}

/** The city's applications in which the district did its part (协办) before the city answered. */
async function seedAssistance(
  city: Unit,
  district: Unit,
  cityHandler: ActingScope,
  districtHandler: ActingScope,
): Promise<void> {
  const calendar = await loadCalendar(cityHandler.context.database.db);
  let n = 0;
  for (const [receivedOn, request] of DEMO_ASSISTED) {
    n += 1;
    const person = demoApplicant(1000 + n);
    const { id } = await submitOnlineApplication(
      { context: cityHandler.context, address: 'demo' },
      {
        unitId: String(city.id),
        applicantKind: 'person',
        applicantName: person.name,
        idType: 'passport',
        idNumber: `E${String(20_000_000 + n * 101).padStart(8, '0')}`,
        phone: person.phone,
        description: `${request}（演示申请 市-${n}）`,
        provisionForm: 'electronic',
        obtainWay: 'email',
        email: `city-applicant${n}@example.cn`,
      },
      at(receivedOn),
    );
    const asked = calendar.nthWorkdayAfter(receivedOn, 1);
    const { taskId } = await requestCohandling(
      cityHandler,
      id,
      { unitId: String(district.id), request: `请提供${request}的相关材料及是否可以公开的意见` },
      at(asked),
    );
    const replied = calendar.nthWorkdayAfter(asked, 3);
    await replyCohandling(
      districtHandler,
      taskId,
      { reply: '已提供相关材料，经审查不涉及国家秘密、商业秘密和个人隐私，可以公开' },
      at(replied),
    );
    const decided = calendar.nthWorkdayAfter(replied, 2);
    await decideApplication(
      cityHandler,
      id,
      { outcome: 'public-provided', date: decided, provided: '向申请人提供所申请信息的电子文件' },
      at(decided),
    );
  }
}

/** The 2023 publications of the district's channels, imported per unit as each office's yearly list. */
async function seedPublications(unitOf: (key: string) => Unit, editor: ActingScope): Promise<void> {
  const byUnit = new Map<string, (readonly string[])[]>();
  for (const channel of DEMO_PUBLICATION_CHANNELS) {
    const unit = unitOf(channel.unit);
    await addChannel(
      editor,
      unit.id,
      {
        kind: channel.kind,
        platform: channel.platform ?? '',
        name: channel.name,
        status: 'active',
        openedOn: '2016-01-01',
      },
      at(`${DEMO_YEAR}-01-03`),
    );
    const rows = byUnit.get(channel.unit) ?? [['日期', '渠道', '标题', '链接']];
    for (let i = 0; i < channel.count; i++) {
      const day = new Date(Date.UTC(DEMO_YEAR, 0, 1) + Math.floor((i * 365) / channel.count) * 86_400_000);
      const topic = DEMO_TOPICS[(i * 5 + channel.name.length) % DEMO_TOPICS.length] ?? '';
      rows.push([
        day.toISOString().slice(0, 10),
        channel.name,
        `${topic}（${channel.name}第${i + 1}条）`,
        '',
      ]);
    }
    byUnit.set(channel.unit, rows);
  }
  for (const [key, table] of byUnit) {
    await importPublications(
      editor,
      unitOf(key).id,
      () => Promise.resolve({ fileName: `${key}-${DEMO_YEAR}-发布记录.csv`, table }),
      at(`${DEMO_YEAR + 1}-01-05`),
    );
  }
}

/** The training session and the service guide counts of 2023. */
async function seedSupervision(district: Unit, supervisor: ActingScope): Promise<void> {
  await saveTraining(supervisor, district.id, null, DEMO_TRAINING, [], at(DEMO_TRAINING.heldOn));
  for (const [kind, value] of DEMO_GUIDE_COUNTS) {
    await enterGuideCount(
      supervisor,
      district.id,
      { year: String(DEMO_YEAR), kind, value },
      at(`${DEMO_YEAR + 1}-01-08`),
    );
  }
}
