import { ROLE_LABELS } from '../../../core/access/roles.ts';
import type { StaffActor } from '../../accounts/model.ts';
import { AdminLayout, CsrfField } from '../../../web/views/admin/AdminLayout.tsx';
import { UNIT_KIND_LABELS, UNIT_KINDS, type Unit } from '../model.ts';
import type { UnitAction } from '../policy.ts';

interface Shell {
  readonly actor: StaffActor;
  readonly csrfToken: string;
}

function depthOf(unit: Unit, top: number): number {
  return unit.path.split('/').filter(Boolean).length - top;
}

export function DashboardPage({
  actor,
  csrfToken,
  unitCount,
  missingCalendarYears,
  canEditCalendar,
}: Shell & { unitCount: number; missingCalendarYears: readonly number[]; canEditCalendar: boolean }) {
  return (
    <AdminLayout title="工作台" actor={actor} csrfToken={csrfToken}>
      <h1>工作台</h1>
      {missingCalendarYears.map((year) => (
        <p key={year} class="error-message" role="alert" data-testid={`calendar-missing-${year}`}>
          {year} 年的节假日安排尚未录入工作日历：答复期限落在该年的申请暂无法计算期限。
          {canEditCalendar ? (
            <a href={`/admin/calendar?year=${year}`}>请依国务院办公厅公布的通知录入并确认全年已录入</a>
          ) : (
            '请告知系统管理员依国务院办公厅公布的通知录入。'
          )}
        </p>
      ))}
      <p>您好，{actor.displayName}。</p>
      <h2>我的角色</h2>
      <ul data-testid="my-roles">
        {actor.grants.map((grant) => (
          <li key={`${grant.role}-${grant.unitId}`}>
            {ROLE_LABELS[grant.role]}（单位编号 {grant.unitId} 及其下级单位）
          </li>
        ))}
      </ul>
      <p>
        <a href="/admin/units">可见单位 {unitCount} 个</a>
      </p>
      <form method="post" action="/admin/logout-everywhere">
        <CsrfField token={csrfToken} />
        <button type="submit">在所有设备上退出</button>
      </form>
    </AdminLayout>
  );
}

export function UnitListPage({
  actor,
  csrfToken,
  units,
  canImport,
  error,
  imported,
}: Shell & { units: readonly Unit[]; canImport: boolean; error?: string; imported?: number }) {
  const top = Math.min(...units.map((u) => u.path.split('/').filter(Boolean).length));
  return (
    <AdminLayout title="单位" actor={actor} csrfToken={csrfToken}>
      <h1>单位</h1>
      {units.length === 0 ? <p>暂无可见单位。</p> : null}
      <ul class="unit-tree" data-testid="unit-list">
        {units.map((unit) => (
          <li key={unit.id} style={undefined} data-depth={depthOf(unit, top)}>
            <a href={`/admin/units/${unit.id}`}>{unit.name}</a>（{UNIT_KIND_LABELS[unit.kind]}）
          </li>
        ))}
      </ul>
      {canImport ? (
        <section aria-labelledby="import-units">
          <h2 id="import-units">从 CSV 导入单位</h2>
          <p class="muted">
            表头可用 单位名称,单位类型,上级单位,统一社会信用代码,行政区划代码,联系电话… 或
            name,kind,parent,uscc,…；全部成功才导入， 出错时指出行号和字段。
          </p>
          {error ? (
            <p class="error-message" role="alert" data-testid="import-error">
              {error}
            </p>
          ) : null}
          {imported !== undefined ? (
            <p class="ok" data-testid="import-done">
              已导入 {imported} 个单位。
            </p>
          ) : null}
          <form
            method="post"
            action={`/admin/units/import?_csrf=${encodeURIComponent(csrfToken)}`}
            enctype="multipart/form-data"
          >
            <label for="csv">CSV 文件（UTF-8）</label>
            <input id="csv" name="file" type="file" accept=".csv,text/csv" required />
            <button type="submit">导入</button>
          </form>
        </section>
      ) : null}
    </AdminLayout>
  );
}

export interface UnitPageProps extends Shell {
  readonly unit: Unit;
  readonly children: readonly Unit[];
  readonly allowed: readonly UnitAction[];
  /** Units the unit may be moved under (the actor administers them; not its own subtree). */
  readonly moveTargets: readonly Unit[];
  readonly error?: string;
}

export function UnitPage({ actor, csrfToken, unit, children, allowed, moveTargets, error }: UnitPageProps) {
  const c = unit.contact;
  const rows: [string, string | null][] = [
    ['单位类型', UNIT_KIND_LABELS[unit.kind]],
    ['统一社会信用代码', unit.uscc],
    ['行政区划代码', unit.regionCode],
    ['政府信息公开工作机构', c.officeName],
    ['办公地址', c.address],
    ['办公时间', c.hours],
    ['联系电话', c.phone],
    ['传真', c.fax],
    ['电子邮箱', c.email],
    ['邮政编码', c.postcode],
  ];
  return (
    <AdminLayout title={unit.name} actor={actor} csrfToken={csrfToken}>
      <h1 data-testid="unit-name">{unit.name}</h1>
      <dl class="summary">
        {rows.map(([label, value]) => [
          <dt key={`${label}-t`}>{label}</dt>,
          <dd key={`${label}-d`}>{value ?? '—'}</dd>,
        ])}
      </dl>
      <h2>下级单位</h2>
      <ul>
        {children.map((child) => (
          <li key={child.id}>
            <a href={`/admin/units/${child.id}`}>{child.name}</a>
          </li>
        ))}
      </ul>
      {error ? (
        <p class="error-message" role="alert" data-testid="unit-error">
          {error}
        </p>
      ) : null}
      {allowed.includes('update') ? <EditUnitForm unit={unit} csrfToken={csrfToken} /> : null}
      {allowed.includes('move') && moveTargets.length > 0 ? (
        <section aria-labelledby="move-unit">
          <h2 id="move-unit">调整上级单位</h2>
          <form method="post" action={`/admin/units/${unit.id}/move`}>
            <CsrfField token={csrfToken} />
            <label for="parentId">新的上级单位</label>
            <select id="parentId" name="parentId">
              {moveTargets.map((target) => (
                <option key={target.id} value={String(target.id)}>
                  {target.name}
                </option>
              ))}
            </select>
            <button type="submit">移动</button>
          </form>
        </section>
      ) : null}
      {allowed.includes('add-child') ? (
        <section aria-labelledby="add-child">
          <h2 id="add-child">新增下级单位</h2>
          <form method="post" action={`/admin/units/${unit.id}/children`} data-testid="add-child-form">
            <CsrfField token={csrfToken} />
            <label for="name">单位名称</label>
            <input id="name" name="name" required />
            <label for="kind">单位类型</label>
            <select id="kind" name="kind">
              {UNIT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {UNIT_KIND_LABELS[kind]}
                </option>
              ))}
            </select>
            <label for="uscc">统一社会信用代码</label>
            <input id="uscc" name="uscc" />
            <button type="submit">新增</button>
          </form>
        </section>
      ) : null}
    </AdminLayout>
  );
}

const CONTACT_FIELDS: readonly [keyof Unit['contact'], string][] = [
  ['officeName', '政府信息公开工作机构'],
  ['address', '办公地址'],
  ['hours', '办公时间'],
  ['phone', '联系电话'],
  ['fax', '传真'],
  ['email', '电子邮箱'],
  ['postcode', '邮政编码'],
];

function EditUnitForm({ unit, csrfToken }: { unit: Unit; csrfToken: string }) {
  return (
    <section aria-labelledby="edit-unit">
      <h2 id="edit-unit">修改单位信息</h2>
      <form method="post" action={`/admin/units/${unit.id}`} data-testid="edit-unit-form">
        <CsrfField token={csrfToken} />
        <label for="e-name">单位名称</label>
        <input id="e-name" name="name" required value={unit.name} />
        <label for="e-kind">单位类型</label>
        <select id="e-kind" name="kind">
          {UNIT_KINDS.map((kind) => (
            <option key={kind} value={kind} selected={unit.kind === kind}>
              {UNIT_KIND_LABELS[kind]}
            </option>
          ))}
        </select>
        <label for="e-uscc">统一社会信用代码</label>
        <input id="e-uscc" name="uscc" value={unit.uscc ?? ''} />
        <label for="e-regionCode">行政区划代码</label>
        <input id="e-regionCode" name="regionCode" value={unit.regionCode ?? ''} />
        {CONTACT_FIELDS.map(([field, label]) => (
          <span key={field}>
            <label for={`e-${field}`}>{label}</label>
            <input id={`e-${field}`} name={field} value={unit.contact[field] ?? ''} />
          </span>
        ))}
        <button type="submit">保存</button>
      </form>
    </section>
  );
}
