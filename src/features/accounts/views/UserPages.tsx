import { ROLE_LABELS, ROLES, type Grant } from '../../../core/access/roles.ts';
import { AdminLayout, CsrfField } from '../../../web/views/admin/AdminLayout.tsx';
import type { Unit } from '../../units/model.ts';
import type { StaffActor } from '../model.ts';
import type { PersonalData, UserListItem } from '../personal-data.ts';

interface Shell {
  readonly actor: StaffActor;
  readonly csrfToken: string;
}

function grantsText(grants: readonly Grant[], units: ReadonlyMap<number, string>): string {
  return grants.map((g) => `${units.get(g.unitId) ?? `单位${g.unitId}`}·${ROLE_LABELS[g.role]}`).join('；');
}

export interface UserListPageProps extends Shell {
  readonly users: readonly UserListItem[];
  /** Units in which the actor may create accounts and grant roles. */
  readonly manageableUnits: readonly Unit[];
  readonly unitNames: ReadonlyMap<number, string>;
  readonly error?: string;
  readonly values?: Readonly<Record<string, string>>;
}

export function UserListPage(props: UserListPageProps) {
  const v = props.values ?? {};
  return (
    <AdminLayout title="账号" actor={props.actor} csrfToken={props.csrfToken}>
      <h1>账号</h1>
      <p class="muted">个人信息默认脱敏显示；查看完整信息须说明理由，并记入审计日志。</p>
      <table data-testid="user-list">
        <thead>
          <tr>
            <th scope="col">用户名</th>
            <th scope="col">姓名</th>
            <th scope="col">角色</th>
            <th scope="col">身份证号</th>
            <th scope="col">手机</th>
            <th scope="col">状态</th>
          </tr>
        </thead>
        <tbody>
          {props.users.map((user) => (
            <tr key={user.id}>
              <td>
                <a href={`/admin/users/${user.id}`}>{user.username}</a>
              </td>
              <td>{user.displayName}</td>
              <td>{grantsText(user.grants, props.unitNames)}</td>
              <td>{user.idNumber ?? '—'}</td>
              <td>{user.phone ?? '—'}</td>
              <td>{user.disabledAt ? '已停用' : user.totpEnabled ? '正常（已启用两步验证）' : '正常'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 id="new-user">新建账号</h2>
      {props.error ? (
        <p class="error-message" role="alert" data-testid="user-error">
          {props.error}
        </p>
      ) : null}
      <form method="post" action="/admin/users" data-testid="new-user-form">
        <CsrfField token={props.csrfToken} />
        <label for="username">用户名（3–32 位小写字母、数字、. _ -）</label>
        <input id="username" name="username" required value={v.username ?? ''} />
        <label for="displayName">姓名</label>
        <input id="displayName" name="displayName" required value={v.displayName ?? ''} />
        <label for="password">初始密码</label>
        <input id="password" name="password" type="password" autoComplete="new-password" required />
        <label for="unitId">所在单位</label>
        <select id="unitId" name="unitId">
          {props.manageableUnits.map((unit) => (
            <option key={unit.id} value={String(unit.id)} selected={v.unitId === String(unit.id)}>
              {unit.name}
            </option>
          ))}
        </select>
        <label for="role">角色</label>
        <select id="role" name="role">
          {ROLES.map((role) => (
            <option key={role} value={role} selected={v.role === role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
        <label for="idNumber">居民身份证号码（可选，加密保存）</label>
        <input id="idNumber" name="idNumber" autoComplete="off" />
        <label for="phone">联系电话（可选，加密保存）</label>
        <input id="phone" name="phone" autoComplete="off" />
        <label for="email">电子邮箱（可选，加密保存）</label>
        <input id="email" name="email" autoComplete="off" />
        <button type="submit">新建</button>
      </form>
    </AdminLayout>
  );
}

export interface UserPageProps extends Shell {
  readonly user: UserListItem;
  readonly unitNames: ReadonlyMap<number, string>;
  readonly revealed?: PersonalData;
  readonly error?: string;
}

export function UserPage({ actor, csrfToken, user, unitNames, revealed, error }: UserPageProps) {
  return (
    <AdminLayout title={user.username} actor={actor} csrfToken={csrfToken}>
      <h1 data-testid="user-name">
        {user.displayName}（{user.username}）
      </h1>
      {error ? (
        <p class="error-message" role="alert" data-testid="user-error">
          {error}
        </p>
      ) : null}
      <dl class="summary">
        <dt>角色</dt>
        <dd>{grantsText(user.grants, unitNames)}</dd>
        <dt>身份证号</dt>
        <dd data-testid="id-number">{revealed?.idNumber ?? user.idNumber ?? '—'}</dd>
        <dt>联系电话</dt>
        <dd data-testid="phone">{revealed?.phone ?? user.phone ?? '—'}</dd>
        <dt>电子邮箱</dt>
        <dd>{revealed?.email ?? user.email ?? '—'}</dd>
        <dt>状态</dt>
        <dd>{user.disabledAt ? '已停用' : '正常'}</dd>
      </dl>
      {revealed ? null : (
        <form method="post" action={`/admin/users/${user.id}/reveal`} data-testid="reveal-form">
          <CsrfField token={csrfToken} />
          <label for="reason">查看完整个人信息的理由（记入审计日志）</label>
          <input id="reason" name="reason" required />
          <button type="submit">查看完整信息</button>
        </form>
      )}
      {user.disabledAt ? null : (
        <form method="post" action={`/admin/users/${user.id}/disable`}>
          <CsrfField token={csrfToken} />
          <button type="submit">停用此账号</button>
        </form>
      )}
    </AdminLayout>
  );
}
