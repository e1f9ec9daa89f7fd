// `gongkai clock` and `gongkai fee`: the statutory clock and the processing fee for scripts and checking.
import type { Command } from 'commander';
import { Option } from 'commander';
import { assertPlainDate } from '../core/calendar/plain-date.ts';
import { createWorkingDayCalendar, type WorkingDayCalendar } from '../core/calendar/working-days.ts';
import { parseClockLedger } from '../core/clock/clock-ledger.ts';
import {
  DEFAULT_CORRECTION_PERIOD_WORKDAYS,
  deriveClock,
  dueStatus,
  overdueWorkdays,
  workdaysLeft,
  type ClockReading,
} from '../core/clock/deadline-clock.ts';
import { Invalid } from '../core/errors.ts';
import { feeByCount, feeByPages } from '../core/fees/processing-fee.ts';
import { loadCalendarOverrides } from '../features/applications/clock.ts';
import { readDeployment } from './server-commands.ts';

/**
 * The calendar the command counts with: the deployment's (official data plus the administrators' day
 * overrides and complete years) when its database exists, so that the command and the back office give
 * the same due dates; the official data alone with `--official-calendar` or where no database exists yet
 * (a SQLite file that is not there is not created by a read-only command).
 */
async function cliCalendar(officialOnly: boolean): Promise<WorkingDayCalendar> {
  const official = createWorkingDayCalendar({ days: [], completeYears: [] });
  if (officialOnly) return official;
  const overrides = await readDeployment((context) => loadCalendarOverrides(context.database.db));
  return overrides === null ? official : createWorkingDayCalendar(overrides);
}

const CLOCK_EXAMPLE = `
输入示例（标准输入）：
  {"received":"2024-10-03","events":[{"type":"extended","date":"2024-10-25","workdays":20}],"today":"2024-10-28"}
事件类型：correction_requested（补正告知，可带 workdays）、corrected（收到补正）、
  consultation_started / consultation_ended（征求第三方或其他机关意见，可带 party、ref）、
  fee_notice / fee_paid（收费通知、缴费）、extended（延期，带 workdays，至多 20）、
  deadline_set（依条例第三十五条另行确定期限，带 due、reason）、decided（作出答复决定）、delivered（送达）
输出：due、state（running / paused / awaiting_correction / decided）；给出 today 时另有 workdays_left、
  overdue_workdays、due_status。台账不合法时在标准错误输出说明，退出码 2。`;

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    throw new Invalid(
      'stdin',
      '请通过标准输入提供期限台账 JSON，例如：echo \'{"received":"2024-10-03"}\' | gongkai clock',
    );
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Invalid(
      'stdin',
      '标准输入不是有效的 JSON：请提供形如 {"received":"YYYY-MM-DD","events":[]} 的对象',
    );
  }
}

function positiveInteger(text: string, flag: string, what: string, minimum: number): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < minimum || !Number.isSafeInteger(Number(text))) {
    throw new Invalid(flag, `${flag} 须为不小于 ${minimum} 的整数（${what}），收到：${text}`);
  }
  return Number(text);
}

function clockOutput(reading: ClockReading, today: string | undefined, calendar: WorkingDayCalendar) {
  return {
    received: reading.received,
    state: reading.state,
    due: reading.due,
    ...(today === undefined
      ? {}
      : {
          today,
          workdays_left: workdaysLeft(reading, today, calendar),
          overdue_workdays: overdueWorkdays(reading, today, calendar),
          due_status: dueStatus(reading, today, calendar),
        }),
    ...(reading.remainingWorkdays === null ? {} : { remaining_workdays: reading.remainingWorkdays }),
    ...(reading.correctionDue === undefined ? {} : { correction_due: reading.correctionDue }),
    pauses: reading.pauses,
    extended: reading.extended,
    deadline_set: reading.deadlineSet,
    correction: reading.correction,
    decided: reading.decided,
    delivered: reading.delivered,
    warnings: reading.warnings,
  };
}

export function registerClockCommands(program: Command): void {
  program
    .command('clock')
    .description('从标准输入读取一件申请的期限台账（JSON），按工作日（含调休）推算答复期限，输出 JSON')
    .helpOption('-h, --help', '显示帮助')
    .option('--correction-workdays <N>', '补正告知未写明期限时的补正期限（工作日，默认 15）')
    .option('--official-calendar', '只按官方节假日数据计算，不读取本部署数据库中管理员调整的日期')
    .addHelpText('after', CLOCK_EXAMPLE)
    .action(async (options: { correctionWorkdays?: string; officialCalendar?: boolean }) => {
      const correctionPeriodWorkdays = positiveInteger(
        options.correctionWorkdays ?? String(DEFAULT_CORRECTION_PERIOD_WORKDAYS),
        '--correction-workdays',
        '工作日数',
        1,
      );
      const input = parseJson(await readStdin());
      const ledger = parseClockLedger(input);
      const rawToday = (input as Record<string, unknown>).today;
      const today =
        rawToday === undefined || rawToday === null ? undefined : assertPlainDate(rawToday, 'today');
      const calendar = await cliCalendar(options.officialCalendar === true);
      const reading = deriveClock(ledger, calendar, { correctionPeriodWorkdays });
      for (const warning of reading.warnings) process.stderr.write(`提示：${warning.message}\n`);
      process.stdout.write(`${JSON.stringify(clockOutput(reading, today, calendar), null, 2)}\n`);
    });

  program
    .command('fee')
    .description('按国办函〔2020〕109号计算一件申请的信息处理费（元），输出 JSON；两种方式只能选一种')
    .helpOption('-h, --help', '显示帮助')
    .addOption(
      new Option('--by-count <N>', '按件计收：同一申请人同一自然月内第 N 件申请的收费').conflicts('byPages'),
    )
    .addOption(new Option('--by-pages <P>', '按量计收：一件申请共 P 页的收费').conflicts('byCount'))
    .action((options: { byCount?: string; byPages?: string }) => {
      let amount: number;
      if (options.byCount !== undefined) {
        amount = feeByCount(positiveInteger(options.byCount, '--by-count', '本月第几件申请', 1));
      } else if (options.byPages !== undefined) {
        amount = feeByPages(positiveInteger(options.byPages, '--by-pages', '页数', 0));
      } else {
        throw new Invalid('--by-count', '请指定 --by-count N（按件计收）或 --by-pages P（按量计收）之一');
      }
      process.stdout.write(`${JSON.stringify({ amount_yuan: amount })}\n`);
    });
}
