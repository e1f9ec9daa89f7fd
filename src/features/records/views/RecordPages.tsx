// Back-office pages of the report's records: the units in reach, a unit's figures for a year (table 二
// (一)(五)(六)(八) and table 四 as the compiler will count them), and the three registers with their forms.
import type { StaffActor } from '../../accounts/model.ts';
import { AdminLayout, CsrfField } from '../../../web/views/admin/AdminLayout.tsx';
import { TABLE4_GROUPS, TABLE4_RESULTS } from '../../../core/report/format.ts';
import {
  CASE_KIND_LABELS,
  CASE_KINDS,
  CASE_RESULT_LABELS,
  CASE_RESULTS,
} from '../../../core/records/cases.ts';
import {
  NORMATIVE_KIND_LABELS,
  NORMATIVE_KINDS,
  VALIDITY_LABELS,
  validityOn,
} from '../../../core/records/normative.ts';
import { currentEntries, STATISTIC_KIND_LABELS, STATISTIC_KINDS } from '../../../core/records/statistics.ts';
import type { ImportProblem } from '../import.ts';
import type { NormativeDocument, ReviewCase, StatisticEntry } from '../model.ts';
import type { RecordsForReport, RecordsUnitEntry } from '../service.ts';
import { documentFacts } from '../service.ts';

interface Shell {
  readonly actor: StaffActor;
  readonly csrfToken: string;
}

/** What a refused form or import, or a finished import, shows above the page's forms. */
export interface Notice {
  readonly error?: { readonly field: string; readonly message: string };
  readonly problems?: readonly ImportProblem[];
  readonly done?: string;
  /** What was typed into a refused form. */
  readonly typed?: Readonly<Record<string, string | undefined>>;
}

function NoticeBlock({ notice }: { notice: Notice }) {
  return (
    <>
      {notice.error ? (
        <p class="error-message" role="alert" data-testid="form-error" data-field={notice.error.field}>
          {notice.error.message}
        </p>
      ) : null}
      {notice.problems && notice.problems.length > 0 ? (
        <table data-testid="import-problems">
          <caption>未导入的原因（整个文件未保存）</caption>
          <thead>
            <tr>
              <th scope="col">行</th>
              <th scope="col">列</th>
              <th scope="col">问题</th>
            </tr>
          </thead>
          <tbody>
            {notice.problems.map((problem) => (
              <tr>
                <td>{problem.row}</td>
                <td>{problem.column}</td>
                <td>{problem.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {notice.done ? (
        <p class="ok" data-testid="done">
          {notice.done}
        </p>
      ) : null}
    </>
  );
}

function UnitNav({ unit }: { unit: RecordsUnitEntry }) {
  const base = `/admin/records/units/${unit.id}`;
  return (
    <nav aria-label="记录分类">
      <ul>
        <li>
          <a href={base}>年度汇总</a>
        </li>
        <li>
          <a href={`${base}/documents`}>规章和行政规范性文件</a>
        </li>
        <li>
          <a href={`${base}/statistics`}>行政管理统计</a>
        </li>
        <li>
          <a href={`${base}/cases`}>行政复议和行政诉讼</a>
        </li>
      </ul>
    </nav>
  );
}

function ImportForm({ action, csrfToken, columns }: { action: string; csrfToken: string; columns: string }) {
  return (
    <section aria-labelledby="import">
      <h2 id="import">从 CSV 或 XLSX 导入</h2>
      <p class="muted">表头：{columns}。每一行都无误才导入；有问题时列出行号和列，不保存任何一行。</p>
      <form
        method="post"
        action={`${action}?_csrf=${encodeURIComponent(csrfToken)}`}
        enctype="multipart/form-data"
      >
        <label for="import-file">文件（CSV 用 UTF-8 编码，或 Excel 工作簿）</label>
        <input id="import-file" name="file" type="file" accept=".csv,.xlsx,text/csv" required />
        <button type="submit">导入</button>
      </form>
    </section>
  );
}

export function RecordsIndexPage({
  actor,
  csrfToken,
  units,
}: Shell & { units: readonly RecordsUnitEntry[] }) {
  return (
    <AdminLayout title="年报记录" actor={actor} csrfToken={csrfToken}>
      <h1>年报记录</h1>
      <p class="muted">年度报告所需的规章和行政规范性文件、行政管理统计、行政复议和行政诉讼情况。</p>
      <ul data-testid="records-units">
        {units.map((unit) => (
          <li>
            <a href={`/admin/records/units/${unit.id}`}>{unit.name}</a>
            {unit.canEdit ? null : <span class="muted">（只读）</span>}
          </li>
        ))}
      </ul>
    </AdminLayout>
  );
}

export function RecordsOverviewPage({
  actor,
  csrfToken,
  unit,
  year,
  records,
}: Shell & { unit: RecordsUnitEntry; year: number; records: RecordsForReport }) {
  const width = TABLE4_RESULTS.length;
  return (
    <AdminLayout title={`${unit.name} ${year} 年度汇总`} actor={actor} csrfToken={csrfToken}>
      <h1>
        {unit.name} {year} 年度汇总
      </h1>
      <UnitNav unit={unit} />
      <form method="get" action={`/admin/records/units/${unit.id}`}>
        <label for="year">年度</label>
        <input id="year" name="year" type="number" value={String(year)} min="2008" max="2100" />
        <button type="submit">查看</button>
      </form>
      <h2>第二十条第（一）项</h2>
      <table data-testid="table2-normative">
        <thead>
          <tr>
            <th scope="col">信息内容</th>
            <th scope="col">本年制发件数</th>
            <th scope="col">本年废止件数</th>
            <th scope="col">现行有效件数</th>
          </tr>
        </thead>
        <tbody>
          {NORMATIVE_KINDS.map((kind) => (
            <tr data-kind={kind}>
              <th scope="row">{NORMATIVE_KIND_LABELS[kind]}</th>
              <td>{records.normative[kind].issued}</td>
              <td>{records.normative[kind].ended}</td>
              <td>{records.normative[kind].inForce}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>第二十条第（五）（六）（八）项</h2>
      <table data-testid="table2-statistics">
        <tbody>
          {STATISTIC_KINDS.map((kind) => {
            const id = records.statistics.entryIds[kind];
            const cell = Object.values(records.statistics.blocks)
              .map((block) => block[STATISTIC_KIND_LABELS[kind]])
              .find((row) => row !== undefined);
            return (
              <tr data-kind={kind}>
                <th scope="row">{STATISTIC_KIND_LABELS[kind]}</th>
                <td>{id === undefined || cell === undefined ? '未填报' : String(Object.values(cell)[0])}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>政府信息公开行政复议、行政诉讼情况</h2>
      <table data-testid="table4">
        <thead>
          <tr>
            <th scope="col">类别</th>
            {TABLE4_RESULTS.map((result) => (
              <th scope="col">{result}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {TABLE4_GROUPS.map((group, row) => (
            <tr>
              <th scope="row">{group}</th>
              {TABLE4_RESULTS.map((_result, column) => (
                <td title={(records.table4.ids[row * width + column] ?? []).join(' ')}>
                  {records.table4.values[row * width + column]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </AdminLayout>
  );
}

function Field({
  name,
  label,
  value,
  type = 'text',
  required = false,
}: {
  name: string;
  label: string;
  value: string;
  type?: string;
  required?: boolean;
}) {
  return (
    <p>
      <label for={name}>{label}</label>
      <input id={name} name={name} type={type} value={value} required={required} />
    </p>
  );
}

function Choice({
  name,
  label,
  options,
  value,
}: {
  name: string;
  label: string;
  options: readonly (readonly [string, string])[];
  value: string;
}) {
  return (
    <p>
      <label for={name}>{label}</label>
      <select id={name} name={name}>
        {options.map(([code, text]) => (
          <option value={code} selected={code === value}>
            {text}
          </option>
        ))}
      </select>
    </p>
  );
}

export function DocumentsPage({
  actor,
  csrfToken,
  unit,
  documents,
  editing,
  today,
  notice,
}: Shell & {
  unit: RecordsUnitEntry;
  documents: readonly NormativeDocument[];
  editing: NormativeDocument | null;
  today: string;
  notice: Notice;
}) {
  const base = `/admin/records/units/${unit.id}/documents`;
  const value = (field: keyof NormativeDocument): string =>
    notice.typed?.[field] ?? (editing ? String(editing[field] ?? '') : '');
  return (
    <AdminLayout title={`${unit.name} 规章和行政规范性文件`} actor={actor} csrfToken={csrfToken}>
      <h1>{unit.name} 规章和行政规范性文件</h1>
      <UnitNav unit={unit} />
      <NoticeBlock notice={notice} />
      <table data-testid="documents">
        <thead>
          <tr>
            <th scope="col">类别</th>
            <th scope="col">文件名称</th>
            <th scope="col">文号</th>
            <th scope="col">制发机关</th>
            <th scope="col">制发日期</th>
            <th scope="col">废止日期</th>
            <th scope="col">失效日期</th>
            <th scope="col">效力（今日）</th>
            {unit.canEdit ? <th scope="col">操作</th> : null}
          </tr>
        </thead>
        <tbody>
          {documents.map((document) => (
            <tr data-id={document.id}>
              <td>{NORMATIVE_KIND_LABELS[document.kind]}</td>
              <td>{document.title}</td>
              <td>{document.documentNumber}</td>
              <td>{document.issuingUnit}</td>
              <td>{document.issuedOn}</td>
              <td>{document.repealedOn ?? ''}</td>
              <td>{document.invalidOn ?? ''}</td>
              <td>{VALIDITY_LABELS[validityOn(documentFacts(document), today)]}</td>
              {unit.canEdit ? (
                <td>
                  <a href={`${base}?edit=${document.id}`}>修改</a>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {unit.canEdit ? (
        <>
          <section aria-labelledby="document-form">
            <h2 id="document-form">{editing ? `修改“${editing.title}”` : '登记文件'}</h2>
            <form method="post" action={base} data-testid="document-form">
              <CsrfField token={csrfToken} />
              {editing ? <input type="hidden" name="documentId" value={String(editing.id)} /> : null}
              <Choice
                name="kind"
                label="类别"
                options={NORMATIVE_KINDS.map((kind) => [kind, NORMATIVE_KIND_LABELS[kind]] as const)}
                value={value('kind')}
              />
              <Field name="title" label="文件名称" value={value('title')} required />
              <Field name="documentNumber" label="文号" value={value('documentNumber')} required />
              <Field name="issuingUnit" label="制发机关" value={value('issuingUnit')} required />
              <Field name="issuedOn" label="制发日期" type="date" value={value('issuedOn')} required />
              <Field name="repealedOn" label="废止日期" type="date" value={value('repealedOn')} />
              <Field name="invalidOn" label="失效日期" type="date" value={value('invalidOn')} />
              <button type="submit">保存</button>
            </form>
          </section>
          <ImportForm
            action={`${base}/import`}
            csrfToken={csrfToken}
            columns="类别,文件名称,文号,制发机关,制发日期,废止日期,失效日期"
          />
        </>
      ) : null}
    </AdminLayout>
  );
}

const SOURCE_LABELS = { form: '表单填报', import: '文件导入' } as const;

export function StatisticsPage({
  actor,
  csrfToken,
  unit,
  entries,
  notice,
}: Shell & { unit: RecordsUnitEntry; entries: readonly StatisticEntry[]; notice: Notice }) {
  const base = `/admin/records/units/${unit.id}/statistics`;
  const years = [...new Set(entries.map((entry) => entry.year))];
  const inForce = new Set(
    years.flatMap((year) => Object.values(currentEntries(entries, year)).map((entry) => entry.id)),
  );
  return (
    <AdminLayout title={`${unit.name} 行政管理统计`} actor={actor} csrfToken={csrfToken}>
      <h1>{unit.name} 行政管理统计</h1>
      <UnitNav unit={unit} />
      <NoticeBlock notice={notice} />
      <p class="muted">同一年度同一类别以最后一次填报为准，之前的填报保留为历史记录。</p>
      <table data-testid="statistics">
        <thead>
          <tr>
            <th scope="col">年度</th>
            <th scope="col">类别</th>
            <th scope="col">数值</th>
            <th scope="col">状态</th>
            <th scope="col">来源</th>
            <th scope="col">文件</th>
            <th scope="col">SHA-256</th>
            <th scope="col">填报人</th>
            <th scope="col">填报时间</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr data-id={entry.id} data-current={inForce.has(entry.id) ? 'yes' : 'no'}>
              <td>{entry.year}</td>
              <td>{STATISTIC_KIND_LABELS[entry.kind]}</td>
              <td>{entry.kind === 'fees' ? `${entry.value} 万元` : entry.value}</td>
              <td>{inForce.has(entry.id) ? '现行' : '已被替代'}</td>
              <td>{SOURCE_LABELS[entry.source]}</td>
              <td>{entry.fileName ?? ''}</td>
              <td>
                <code>{entry.fileSha256 ?? ''}</code>
              </td>
              <td>{entry.enteredBy ?? '命令行操作员'}</td>
              <td>{entry.enteredAt.toISOString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {unit.canEdit ? (
        <>
          <section aria-labelledby="statistic-form">
            <h2 id="statistic-form">填报</h2>
            <form method="post" action={base} data-testid="statistic-form">
              <CsrfField token={csrfToken} />
              <Field name="year" label="年度" type="number" value={notice.typed?.year ?? ''} required />
              <Choice
                name="kind"
                label="类别"
                options={STATISTIC_KINDS.map((kind) => [kind, STATISTIC_KIND_LABELS[kind]] as const)}
                value={notice.typed?.kind ?? ''}
              />
              <Field name="value" label="数值（收费以万元计）" value={notice.typed?.value ?? ''} required />
              <button type="submit">保存</button>
            </form>
          </section>
          <ImportForm
            action={`${base}/import`}
            csrfToken={csrfToken}
            columns="年度,类别（行政许可、行政处罚、行政强制、行政事业性收费）,数值"
          />
        </>
      ) : null}
    </AdminLayout>
  );
}

export function CasesPage({
  actor,
  csrfToken,
  unit,
  cases,
  editing,
  notice,
}: Shell & {
  unit: RecordsUnitEntry;
  cases: readonly ReviewCase[];
  editing: ReviewCase | null;
  notice: Notice;
}) {
  const base = `/admin/records/units/${unit.id}/cases`;
  const stored = (field: keyof ReviewCase): string => (editing ? String(editing[field] ?? '') : '');
  const value = (field: string, fallback: string): string => notice.typed?.[field] ?? fallback;
  return (
    <AdminLayout title={`${unit.name} 行政复议和行政诉讼`} actor={actor} csrfToken={csrfToken}>
      <h1>{unit.name} 行政复议和行政诉讼</h1>
      <UnitNav unit={unit} />
      <NoticeBlock notice={notice} />
      <table data-testid="cases">
        <thead>
          <tr>
            <th scope="col">类别</th>
            <th scope="col">案号</th>
            <th scope="col">关联申请</th>
            <th scope="col">立案日期</th>
            <th scope="col">审结日期</th>
            <th scope="col">结果</th>
            {unit.canEdit ? <th scope="col">操作</th> : null}
          </tr>
        </thead>
        <tbody>
          {cases.map((record) => (
            <tr data-id={record.id}>
              <td>{CASE_KIND_LABELS[record.kind]}</td>
              <td>{record.caseNumber}</td>
              <td>{record.applicationQueryCode ?? ''}</td>
              <td>{record.filedOn}</td>
              <td>{record.decidedOn ?? ''}</td>
              <td>{CASE_RESULT_LABELS[record.result]}</td>
              {unit.canEdit ? (
                <td>
                  <a href={`${base}?edit=${record.id}`}>修改</a>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {unit.canEdit ? (
        <>
          <section aria-labelledby="case-form">
            <h2 id="case-form">{editing ? `修改案件 ${editing.caseNumber}` : '登记案件'}</h2>
            <p class="muted">复议后又起诉的，诉讼作为“复议后起诉”另行登记。</p>
            <form method="post" action={base} data-testid="case-form">
              <CsrfField token={csrfToken} />
              {editing ? <input type="hidden" name="caseId" value={String(editing.id)} /> : null}
              <Choice
                name="kind"
                label="类别"
                options={CASE_KINDS.map((kind) => [kind, CASE_KIND_LABELS[kind]] as const)}
                value={value('kind', stored('kind'))}
              />
              <Field
                name="caseNumber"
                label="案号"
                value={value('caseNumber', stored('caseNumber'))}
                required
              />
              <Field
                name="application"
                label="关联申请（编号或查询码，可不填）"
                value={value('application', editing?.applicationQueryCode ?? '')}
              />
              <Field
                name="filedOn"
                label="立案日期"
                type="date"
                value={value('filedOn', stored('filedOn'))}
                required
              />
              <Field
                name="decidedOn"
                label="审结日期"
                type="date"
                value={value('decidedOn', stored('decidedOn'))}
              />
              <Choice
                name="result"
                label="结果"
                options={CASE_RESULTS.map((result) => [result, CASE_RESULT_LABELS[result]] as const)}
                value={value('result', stored('result'))}
              />
              <button type="submit">保存</button>
            </form>
          </section>
          <ImportForm
            action={`${base}/import`}
            csrfToken={csrfToken}
            columns="类别,案号,立案日期,审结日期,结果,关联申请"
          />
        </>
      ) : null}
    </AdminLayout>
  );
}
