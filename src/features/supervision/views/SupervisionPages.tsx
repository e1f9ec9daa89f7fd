// Back-office pages of the supervision registers: the units in reach, and per unit the training sessions,
// the information query points and the service guide counts, each with its form.
import type { StaffActor } from '../../accounts/model.ts';
import { AdminLayout, CsrfField } from '../../../web/views/admin/AdminLayout.tsx';
import {
  GUIDE_KIND_LABELS,
  GUIDE_KINDS,
  QUERY_POINT_STATUS_LABELS,
  QUERY_POINT_STATUSES,
  type GuideCountEntry,
  type QueryPoint,
  type SupervisionUnit,
  type TrainingSession,
} from '../model.ts';
import { currentGuideCounts, type SupervisionUnitEntry } from '../service.ts';

interface Shell {
  readonly actor: StaffActor;
  readonly csrfToken: string;
}

/** What a refused form shows above the page's form, and what was typed into it. */
export interface Notice {
  readonly error?: { readonly field: string; readonly message: string };
  readonly typed?: Readonly<Record<string, string | undefined>>;
}

function ErrorBlock({ notice }: { notice: Notice }) {
  return notice.error ? (
    <p class="error-message" role="alert" data-testid="form-error" data-field={notice.error.field}>
      {notice.error.message}
    </p>
  ) : null;
}

function UnitNav({ unit }: { unit: SupervisionUnitEntry }) {
  const base = `/admin/supervision/units/${unit.id}`;
  return (
    <nav aria-label="监督保障登记">
      <ul>
        <li>
          <a href={`${base}/trainings`}>培训</a>
        </li>
        <li>
          <a href={`${base}/query-points`}>政府信息查阅点</a>
        </li>
        <li>
          <a href={`${base}/guides`}>办事指南</a>
        </li>
      </ul>
    </nav>
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

export function SupervisionIndexPage({
  actor,
  csrfToken,
  units,
}: Shell & { units: readonly SupervisionUnitEntry[] }) {
  return (
    <AdminLayout title="监督保障" actor={actor} csrfToken={csrfToken}>
      <h1>监督保障</h1>
      <p class="muted">政府信息公开培训、政府信息查阅点和办事指南数量。</p>
      <ul data-testid="supervision-units">
        {units.map((unit) => (
          <li>
            <a href={`/admin/supervision/units/${unit.id}/trainings`}>{unit.name}</a>
            {unit.canEdit ? null : <span class="muted">（只读）</span>}
          </li>
        ))}
      </ul>
    </AdminLayout>
  );
}

export function TrainingsPage({
  actor,
  csrfToken,
  unit,
  sessions,
  editing,
  choices,
  notice,
}: Shell & {
  unit: SupervisionUnitEntry;
  sessions: readonly TrainingSession[];
  editing: TrainingSession | null;
  choices: readonly SupervisionUnit[];
  notice: Notice;
}) {
  const base = `/admin/supervision/units/${unit.id}/trainings`;
  const value = (field: 'heldOn' | 'topic' | 'participants'): string =>
    notice.typed?.[field] ?? (editing ? String(editing[field]) : '');
  const taking = new Set(editing?.units.map((taken) => taken.id) ?? []);
  return (
    <AdminLayout title={`${unit.name} 培训`} actor={actor} csrfToken={csrfToken}>
      <h1>{unit.name} 政府信息公开培训</h1>
      <UnitNav unit={unit} />
      <ErrorBlock notice={notice} />
      <table data-testid="trainings">
        <caption>本单位组织的培训</caption>
        <thead>
          <tr>
            <th scope="col">培训日期</th>
            <th scope="col">培训主题</th>
            <th scope="col">参训人数</th>
            <th scope="col">参训单位</th>
            {unit.canEdit ? <th scope="col">操作</th> : null}
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => (
            <tr data-id={session.id}>
              <td>{session.heldOn}</td>
              <td>{session.topic}</td>
              <td>{session.participants}</td>
              <td>{session.units.map((taken) => taken.name).join('、')}</td>
              {unit.canEdit ? (
                <td>
                  <a href={`${base}?edit=${session.id}`}>修改</a>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {unit.canEdit ? (
        <section aria-labelledby="training-form">
          <h2 id="training-form">{editing ? `修改“${editing.topic}”` : '登记培训'}</h2>
          <form method="post" action={base} data-testid="training-form">
            <CsrfField token={csrfToken} />
            {editing ? <input type="hidden" name="sessionId" value={String(editing.id)} /> : null}
            <Field name="heldOn" label="培训日期" type="date" value={value('heldOn')} required />
            <Field name="topic" label="培训主题" value={value('topic')} required />
            <Field
              name="participants"
              label="参训人数"
              type="number"
              value={value('participants')}
              required
            />
            <p>
              <label for="units">参训单位（可多选）</label>
              <select id="units" name="units" multiple size={Math.min(8, Math.max(2, choices.length))}>
                {choices.map((choice) => (
                  <option value={String(choice.id)} selected={taking.has(choice.id)}>
                    {choice.name}
                  </option>
                ))}
              </select>
            </p>
            <button type="submit">保存</button>
          </form>
        </section>
      ) : null}
    </AdminLayout>
  );
}

export function QueryPointsAdminPage({
  actor,
  csrfToken,
  unit,
  points,
  editing,
  notice,
}: Shell & {
  unit: SupervisionUnitEntry;
  points: readonly QueryPoint[];
  editing: QueryPoint | null;
  notice: Notice;
}) {
  const base = `/admin/supervision/units/${unit.id}/query-points`;
  const value = (field: keyof QueryPoint): string =>
    notice.typed?.[field] ?? (editing ? String(editing[field]) : '');
  return (
    <AdminLayout title={`${unit.name} 政府信息查阅点`} actor={actor} csrfToken={csrfToken}>
      <h1>{unit.name} 政府信息查阅点</h1>
      <UnitNav unit={unit} />
      <ErrorBlock notice={notice} />
      <table data-testid="query-points">
        <thead>
          <tr>
            <th scope="col">名称</th>
            <th scope="col">地点</th>
            <th scope="col">开放时间</th>
            <th scope="col">设施设备</th>
            <th scope="col">联系电话</th>
            <th scope="col">状态</th>
            {unit.canEdit ? <th scope="col">操作</th> : null}
          </tr>
        </thead>
        <tbody>
          {points.map((point) => (
            <tr data-id={point.id}>
              <td>{point.name}</td>
              <td>{point.location}</td>
              <td>{point.hours}</td>
              <td>{point.equipment}</td>
              <td>{point.phone}</td>
              <td>{QUERY_POINT_STATUS_LABELS[point.status]}</td>
              {unit.canEdit ? (
                <td>
                  <a href={`${base}?edit=${point.id}`}>修改</a>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {unit.canEdit ? (
        <section aria-labelledby="point-form">
          <h2 id="point-form">{editing ? `修改“${editing.name}”` : '登记查阅点'}</h2>
          <form method="post" action={base} data-testid="point-form">
            <CsrfField token={csrfToken} />
            {editing ? <input type="hidden" name="pointId" value={String(editing.id)} /> : null}
            <Field name="name" label="查阅点名称" value={value('name')} required />
            <Field name="location" label="地点" value={value('location')} required />
            <Field name="hours" label="开放时间" value={value('hours')} required />
            <Field name="equipment" label="设施设备" value={value('equipment')} />
            <Field name="phone" label="联系电话" type="tel" value={value('phone')} required />
            <Choice
              name="status"
              label="状态"
              options={QUERY_POINT_STATUSES.map(
                (status) => [status, QUERY_POINT_STATUS_LABELS[status]] as const,
              )}
              value={value('status')}
            />
            <button type="submit">保存</button>
          </form>
        </section>
      ) : null}
    </AdminLayout>
  );
}

export function GuidesPage({
  actor,
  csrfToken,
  unit,
  entries,
  notice,
}: Shell & { unit: SupervisionUnitEntry; entries: readonly GuideCountEntry[]; notice: Notice }) {
  const base = `/admin/supervision/units/${unit.id}/guides`;
  const inForce = new Set(currentGuideCounts(entries).map((entry) => entry.id));
  return (
    <AdminLayout title={`${unit.name} 办事指南`} actor={actor} csrfToken={csrfToken}>
      <h1>{unit.name} 办事指南数量</h1>
      <UnitNav unit={unit} />
      <ErrorBlock notice={notice} />
      <p class="muted">同一年度同一类别以最后一次填报为准，之前的填报保留为历史记录。</p>
      <table data-testid="guides">
        <thead>
          <tr>
            <th scope="col">年度</th>
            <th scope="col">类别</th>
            <th scope="col">数量</th>
            <th scope="col">状态</th>
            <th scope="col">填报人</th>
            <th scope="col">填报时间</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr data-id={entry.id} data-current={inForce.has(entry.id) ? 'yes' : 'no'}>
              <td>{entry.year}</td>
              <td>{GUIDE_KIND_LABELS[entry.kind]}</td>
              <td>{entry.value}</td>
              <td>{inForce.has(entry.id) ? '现行' : '已被替代'}</td>
              <td>{entry.enteredBy ?? '命令行操作员'}</td>
              <td>{entry.enteredAt.toISOString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {unit.canEdit ? (
        <section aria-labelledby="guide-form">
          <h2 id="guide-form">填报</h2>
          <form method="post" action={base} data-testid="guide-form">
            <CsrfField token={csrfToken} />
            <Field name="year" label="年度" type="number" value={notice.typed?.year ?? ''} required />
            <Choice
              name="kind"
              label="类别"
              options={GUIDE_KINDS.map((kind) => [kind, GUIDE_KIND_LABELS[kind]] as const)}
              value={notice.typed?.kind ?? ''}
            />
            <Field name="value" label="数量" type="number" value={notice.typed?.value ?? ''} required />
            <button type="submit">保存</button>
          </form>
        </section>
      ) : null}
    </AdminLayout>
  );
}
