import type { PlainDate } from '../../../core/calendar/plain-date.ts';
import { AdminLayout, CsrfField } from '../../../web/views/admin/AdminLayout.tsx';
import type { StaffActor } from '../../accounts/model.ts';
import { chineseDate } from '../../applications/views/ClockSummary.tsx';
import {
  DAY_KIND_LABELS,
  DAY_KINDS,
  type CalendarChange,
  type CalendarOverview,
  type ChangedClock,
  type YearCoverage,
} from '../model.ts';
import { NAME_MAX, NOTICE_MAX } from '../validate.ts';

/** What the person typed into the day form, shown again when it was refused. */
export interface DayDraft {
  readonly date?: string;
  readonly kind?: string;
  readonly name?: string;
  readonly notice?: string;
}

export interface CalendarPageProps {
  readonly actor: StaffActor;
  readonly csrfToken: string;
  readonly overview: CalendarOverview;
  readonly change?: CalendarChange;
  readonly error?: { readonly field: string | null; readonly message: string };
  readonly draft?: DayDraft;
}

const SHOWN_CHANGES = 200;

/** What stands in place of a due date when the clock shows none. */
const NO_DUE_LABELS: Readonly<Record<string, string>> = {
  awaiting_correction: '等待补正，暂停计算',
  paused: '暂停计算',
  invalid: '无法计算：缺少该年节假日数据',
};

const DONE: Readonly<Record<CalendarChange['action'], (subject: string) => string>> = {
  'day-set': (date) => `已保存 ${chineseDate(date)}的设置。`,
  'day-remove': (date) => `已删除 ${chineseDate(date)}的自定义设置，恢复按官方数据计算。`,
  'year-complete': (year) => `已确认 ${year} 年全年节假日安排已录入。`,
  'year-withdraw': (year) => `已撤回对 ${year} 年的确认，该年不再计算期限。`,
};

function dueText(due: PlainDate | null, state: string | null): string {
  if (due !== null) return chineseDate(due);
  return state === null ? '—' : (NO_DUE_LABELS[state] ?? '—');
}

const CHINA_OFFSET_MS = 8 * 3_600_000;

function who(changed: { name: string; at: Date }): string {
  const beijing = new Date(changed.at.getTime() + CHINA_OFFSET_MS).toISOString();
  return `${changed.name}，${beijing.slice(0, 16).replace('T', ' ')}`;
}

function ChangeResult({ change }: { change: CalendarChange }) {
  const { open, changed } = change.recomputation;
  const invalid = changed.filter((entry) => entry.stateAfter === 'invalid').length;
  return (
    <div class="ok" role="status" data-testid="calendar-result">
      <p>{DONE[change.action](change.subject)}</p>
      <p data-testid="recomputed">
        {changed.length} 件在办申请的答复期限已重新计算（共核对在办申请 {open} 件）。
        {invalid > 0 ? ` 其中 ${invalid} 件因缺少节假日数据暂无法计算期限。` : ''}
      </p>
      {changed.length > 0 ? <ChangedTable changed={changed} /> : null}
    </div>
  );
}

function ChangedTable({ changed }: { changed: readonly ChangedClock[] }) {
  return (
    <table data-testid="changed-applications">
      <caption>
        期限有变化的申请
        {changed.length > SHOWN_CHANGES ? `（只列出前 ${SHOWN_CHANGES} 件，共 ${changed.length} 件）` : ''}
      </caption>
      <thead>
        <tr>
          <th scope="col">申请</th>
          <th scope="col">原答复期限</th>
          <th scope="col">新答复期限</th>
        </tr>
      </thead>
      <tbody>
        {changed.slice(0, SHOWN_CHANGES).map((entry) => (
          <tr key={entry.id}>
            <td>
              <a href={`/admin/applications/${entry.id}`}>第 {entry.id} 号</a>
            </td>
            <td>{dueText(entry.dueBefore, entry.stateBefore)}</td>
            <td>{dueText(entry.dueAfter, entry.stateAfter)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function coverageRanges(years: readonly number[]): string {
  const ranges: [number, number][] = [];
  for (const year of years) {
    const last = ranges.at(-1);
    if (last !== undefined && last[1] === year - 1) last[1] = year;
    else ranges.push([year, year]);
  }
  return ranges.map(([from, to]) => (from === to ? `${from}` : `${from}—${to}`)).join('、');
}

function YearLinks({ years, selected }: { years: readonly YearCoverage[]; selected: number }) {
  return (
    <nav aria-label="按年份查看">
      <ul class="year-links" data-testid="year-links">
        {years.map((entry) => (
          <li key={entry.year}>
            {entry.year === selected ? (
              <strong aria-current="page">{entry.year}</strong>
            ) : (
              <a href={`/admin/calendar?year=${entry.year}`}>{entry.year}</a>
            )}
            {entry.covered ? '' : '（未确认）'}
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Coverage({ overview, csrfToken }: { overview: CalendarOverview; csrfToken: string }) {
  const officialYears = overview.years.filter((entry) => entry.official).map((entry) => entry.year);
  const declared = overview.years.filter((entry) => entry.declared !== null);
  const pending = overview.years.filter((entry) => !entry.covered);
  return (
    <section aria-labelledby="coverage">
      <h2 id="coverage">可计算期限的年份</h2>
      <p data-testid="official-years">
        系统自带国务院办公厅历年节假日安排（chinese-days 数据）：{coverageRanges(officialYears)} 年。
      </p>
      {declared.length > 0 ? (
        <table data-testid="declared-years">
          <caption>管理员确认全年已录入的年份</caption>
          <thead>
            <tr>
              <th scope="col">年份</th>
              <th scope="col">依据</th>
              <th scope="col">确认人、时间</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {declared.map((entry) => (
              <tr key={entry.year}>
                <td>{entry.year}</td>
                <td>{entry.declared?.notice}</td>
                <td>{entry.declared ? who(entry.declared.changed) : ''}</td>
                <td>
                  <form method="post" action="/admin/calendar/years/withdraw" class="inline-form">
                    <CsrfField token={csrfToken} />
                    <input type="hidden" name="year" value={String(entry.year)} />
                    <button type="submit">撤回确认</button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {pending.length > 0 ? (
        <p class="error-message" data-testid="pending-years">
          {pending.map((entry) => `${entry.year} 年已录入 ${entry.overrideCount} 天`).join('；')}
          ，但尚未确认全年已录入：期限落在这些年份的申请暂无法计算答复期限。
        </p>
      ) : null}
    </section>
  );
}

function Arrangement({ overview }: { overview: CalendarOverview }) {
  const { selectedYear: year, arrangement } = overview;
  return (
    <section aria-labelledby="arrangement">
      <h2 id="arrangement">{year} 年节假日安排</h2>
      {arrangement === null ? (
        <p data-testid="arrangement-missing">
          {year} 年的节假日安排尚无数据。国务院办公厅公布该年安排后，请在下方逐日录入放假日和调休上班日，
          再确认全年已录入。
        </p>
      ) : (
        <table data-testid="arrangement">
          <thead>
            <tr>
              <th scope="col">日期</th>
              <th scope="col">天数</th>
              <th scope="col">安排</th>
              <th scope="col">名称</th>
              <th scope="col">来源</th>
            </tr>
          </thead>
          <tbody>
            {arrangement.map((row) => (
              <tr key={row.from}>
                <td>
                  {row.from === row.to
                    ? chineseDate(row.from)
                    : `${chineseDate(row.from)}—${chineseDate(row.to)}`}
                </td>
                <td class="num">{row.days}</td>
                <td>{row.working ? '上班（调休上班日）' : '放假'}</td>
                <td>{row.name ?? '—'}</td>
                <td>{row.source === 'official' ? '官方数据' : '自定义'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Overrides({ overview, csrfToken }: { overview: CalendarOverview; csrfToken: string }) {
  return (
    <section aria-labelledby="overrides">
      <h2 id="overrides">自定义日期</h2>
      <p class="muted">自定义日期优先于官方数据。每一项都须写明所依据的通知。</p>
      {overview.overrides.length === 0 ? (
        <p data-testid="no-overrides">暂无自定义日期。</p>
      ) : (
        <table data-testid="overrides">
          <thead>
            <tr>
              <th scope="col">日期</th>
              <th scope="col">类型</th>
              <th scope="col">名称</th>
              <th scope="col">依据</th>
              <th scope="col">设置人、时间</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {overview.overrides.map((override) => (
              <tr key={override.date}>
                <td>{override.date}</td>
                <td>{DAY_KIND_LABELS[override.kind]}</td>
                <td>{override.name ?? '—'}</td>
                <td>{override.notice}</td>
                <td>{who(override.changed)}</td>
                <td>
                  <form method="post" action="/admin/calendar/days/remove" class="inline-form">
                    <CsrfField token={csrfToken} />
                    <input type="hidden" name="date" value={override.date} />
                    <button type="submit">删除</button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function DayForm({ csrfToken, draft }: { csrfToken: string; draft: DayDraft }) {
  return (
    <section aria-labelledby="set-day">
      <h2 id="set-day">新增或修改日期</h2>
      <form method="post" action="/admin/calendar/days" data-testid="day-form">
        <CsrfField token={csrfToken} />
        <label for="day-date">日期</label>
        <input id="day-date" name="date" type="date" required value={draft.date ?? ''} />
        <label for="day-kind">类型</label>
        <select id="day-kind" name="kind">
          {DAY_KINDS.map((kind) => (
            <option key={kind} value={kind} selected={draft.kind === kind}>
              {DAY_KIND_LABELS[kind]}
            </option>
          ))}
        </select>
        <label for="day-name">名称（可选，如 春节）</label>
        <input id="day-name" name="name" maxLength={NAME_MAX} value={draft.name ?? ''} />
        <label for="day-notice">依据（通知及文号，如 国办发明电〔2020〕1号）</label>
        <input id="day-notice" name="notice" required maxLength={NOTICE_MAX} value={draft.notice ?? ''} />
        <button type="submit">保存</button>
      </form>
    </section>
  );
}

function CompleteYearForm({ csrfToken, overview }: { csrfToken: string; overview: CalendarOverview }) {
  const candidates = overview.years.filter((entry) => !entry.covered && entry.overrideCount > 0);
  if (candidates.length === 0) return null;
  return (
    <section aria-labelledby="complete-year">
      <h2 id="complete-year">确认全年已录入</h2>
      <p class="muted">
        录入完一个新年份的全部放假日和调休上班日后确认，系统才会按该年计算期限；未确认的年份不会按普通周末推算。
      </p>
      <form method="post" action="/admin/calendar/years" data-testid="complete-year-form">
        <CsrfField token={csrfToken} />
        <label for="year-year">年份</label>
        <select id="year-year" name="year">
          {candidates.map((entry) => (
            <option key={entry.year} value={String(entry.year)}>
              {entry.year}（已录入 {entry.overrideCount} 天）
            </option>
          ))}
        </select>
        <label for="year-notice">依据（该年节假日安排的通知及文号）</label>
        <input id="year-notice" name="notice" required maxLength={NOTICE_MAX} />
        <button type="submit">确认全年已录入</button>
      </form>
    </section>
  );
}

/** The working-day calendar (工作日历) of the installation. */
export function CalendarPage({ actor, csrfToken, overview, change, error, draft }: CalendarPageProps) {
  return (
    <AdminLayout title="工作日历" actor={actor} csrfToken={csrfToken}>
      <h1>工作日历</h1>
      <p class="muted">
        依申请公开的答复期限按工作日计算：周末和法定节假日不计，调休上班日计入。今天是{' '}
        {chineseDate(overview.today)}。
      </p>
      {error ? (
        <p class="error-message" role="alert" data-testid="calendar-error" data-field={error.field ?? ''}>
          {error.message}
        </p>
      ) : null}
      {change ? <ChangeResult change={change} /> : null}
      <Coverage overview={overview} csrfToken={csrfToken} />
      <YearLinks years={overview.years} selected={overview.selectedYear} />
      <Arrangement overview={overview} />
      <Overrides overview={overview} csrfToken={csrfToken} />
      <DayForm csrfToken={csrfToken} draft={draft ?? {}} />
      <CompleteYearForm csrfToken={csrfToken} overview={overview} />
    </AdminLayout>
  );
}
