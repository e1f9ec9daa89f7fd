import { UNIT_KIND_LABELS, UNIT_KINDS } from '../../../features/units/model.ts';
import { AdminLayout, CsrfField } from './AdminLayout.tsx';

export function LoginPage({ error, next, username }: { error?: string; next?: string; username?: string }) {
  return (
    <AdminLayout title="登录" actor={null}>
      <h1>后台登录</h1>
      {error ? (
        <p class="error-message" role="alert" data-testid="login-error">
          {error}
        </p>
      ) : null}
      <form method="post" action="/admin/login" data-testid="login-form">
        <input type="hidden" name="next" value={next ?? '/admin'} />
        <label for="username">用户名</label>
        <input id="username" name="username" autoComplete="username" required value={username ?? ''} />
        <label for="password">密码</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
        <button type="submit">登录</button>
      </form>
    </AdminLayout>
  );
}

export function SecondFactorPage({ csrfToken, error }: { csrfToken: string; error?: string }) {
  return (
    <AdminLayout title="两步验证" actor={null}>
      <h1>两步验证</h1>
      <p>请输入身份验证器应用中显示的 6 位动态码，或一个未使用过的恢复码。</p>
      {error ? (
        <p class="error-message" role="alert" data-testid="second-factor-error">
          {error}
        </p>
      ) : null}
      <form method="post" action="/admin/second-factor">
        <CsrfField token={csrfToken} />
        <label for="code">动态码或恢复码</label>
        <input id="code" name="code" autoComplete="one-time-code" inputMode="numeric" required />
        <button type="submit">验证</button>
      </form>
    </AdminLayout>
  );
}

export function TotpEnrolPage(props: { csrfToken: string; secret: string; qrSvg: string; error?: string }) {
  return (
    <AdminLayout title="设置两步验证" actor={null}>
      <h1>设置两步验证</h1>
      <p>
        您的账号须启用两步验证。请用身份验证器应用扫描二维码，或手工输入密钥，然后输入应用显示的 6 位动态码。
      </p>
      {/* The QR code is an SVG made on the server from the otpauth URI; it carries no script. */}
      <div class="qr" data-testid="totp-qr" dangerouslySetInnerHTML={{ __html: props.qrSvg }} />
      <p>
        密钥：<code data-testid="totp-secret">{props.secret}</code>
      </p>
      {props.error ? (
        <p class="error-message" role="alert">
          {props.error}
        </p>
      ) : null}
      <form method="post" action="/admin/totp">
        <CsrfField token={props.csrfToken} />
        <label for="code">动态码</label>
        <input id="code" name="code" autoComplete="one-time-code" inputMode="numeric" required />
        <button type="submit">启用</button>
      </form>
    </AdminLayout>
  );
}

export function RecoveryCodesPage({ codes }: { codes: readonly string[] }) {
  return (
    <AdminLayout title="恢复码" actor={null}>
      <h1>两步验证已启用</h1>
      <p>
        请把下面的恢复码打印或抄写后妥善保管。手机丢失时可用恢复码登录，每个只能用一次。此页面只显示这一次。
      </p>
      <ul class="recovery-codes" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p>
        <a href="/admin">进入工作台</a>
      </p>
    </AdminLayout>
  );
}

export function PasswordPage(props: { csrfToken: string; expired: boolean; error?: string; done?: boolean }) {
  return (
    <AdminLayout title="修改密码" actor={null}>
      <h1>修改密码</h1>
      {props.expired ? (
        <p class="error-message">
          请先修改密码：您的密码已超过规定的使用期限，或是管理员为您设置的初始密码。
        </p>
      ) : null}
      {props.done ? (
        <p class="ok" data-testid="password-changed">
          密码已修改。<a href="/admin">返回工作台</a>
        </p>
      ) : null}
      {props.error ? (
        <p class="error-message" role="alert" data-testid="password-error">
          {props.error}
        </p>
      ) : null}
      <form method="post" action="/admin/password">
        <CsrfField token={props.csrfToken} />
        <label for="currentPassword">当前密码</label>
        <input
          id="currentPassword"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
        />
        <label for="newPassword">新密码</label>
        <input id="newPassword" name="newPassword" type="password" autoComplete="new-password" required />
        <label for="confirmPassword">再次输入新密码</label>
        <input
          id="confirmPassword"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
        />
        <button type="submit">修改密码</button>
      </form>
    </AdminLayout>
  );
}

export function SetupPage(props: {
  token: string;
  askUnit: boolean;
  error?: string;
  values?: Record<string, string>;
}) {
  const v = props.values ?? {};
  return (
    <AdminLayout title="首次设置" actor={null}>
      <h1>首次设置：创建系统管理员</h1>
      <p>本系统没有任何默认账号和默认密码。请设置第一个系统管理员；此链接只能使用一次。</p>
      {props.error ? (
        <p class="error-message" role="alert" data-testid="setup-error">
          {props.error}
        </p>
      ) : null}
      <form method="post" action={`/admin/setup/${props.token}`} data-testid="setup-form">
        {props.askUnit ? (
          <>
            <label for="unitName">本机关（最上级单位）名称</label>
            <input id="unitName" name="unitName" required value={v.unitName ?? ''} />
            <label for="unitKind">单位类型</label>
            <select id="unitKind" name="unitKind">
              {UNIT_KINDS.map((kind) => (
                <option key={kind} value={kind} selected={v.unitKind === kind}>
                  {UNIT_KIND_LABELS[kind]}
                </option>
              ))}
            </select>
          </>
        ) : null}
        <label for="username">管理员用户名</label>
        <input id="username" name="username" autoComplete="username" required value={v.username ?? ''} />
        <label for="displayName">姓名</label>
        <input id="displayName" name="displayName" required value={v.displayName ?? ''} />
        <label for="password">密码</label>
        <input id="password" name="password" type="password" autoComplete="new-password" required />
        <label for="confirmPassword">再次输入密码</label>
        <input
          id="confirmPassword"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
        />
        <button type="submit">创建管理员</button>
      </form>
    </AdminLayout>
  );
}
