// The public pages of applications: the form (条例第二十九条), the acknowledgment (回执) and the status page.
// Plain HTML forms that work without JavaScript; every error is shown next to its field.
import type { ComponentChildren } from 'preact';
import { Layout } from '../../../web/views/Layout.tsx';
import {
  CHANNEL_LABELS,
  ID_TYPE_LABELS,
  OBTAIN_WAY_LABELS,
  OBTAIN_WAYS,
  ORGANISATION_TYPES,
  PERSON_ID_TYPES,
  PROVISION_FORM_LABELS,
  PROVISION_FORMS,
} from '../model.ts';
import type { ReceivingUnit } from '../repo.ts';
import type { Acknowledgment, ApplicationStatus } from '../service.ts';
import type { FieldError } from '../validate.ts';
import { chineseDate, ClockSummary } from './ClockSummary.tsx';

type Values = Readonly<Record<string, string | undefined>>;

function ErrorSummary({ errors }: { errors: readonly FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="error-message" role="alert" data-testid="form-errors">
      <p>提交未成功，请修改以下 {errors.length} 处：</p>
      <ul>
        {errors.map((error) => (
          <li key={error.field} data-field={error.field}>
            <a href={`#${error.field}`}>{error.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  readonly name: string;
  readonly label: string;
  readonly values: Values;
  readonly errors: readonly FieldError[];
  readonly hint?: string;
  readonly required?: boolean;
  readonly type?: string;
  readonly multiline?: boolean;
  readonly autoComplete?: string;
}

function FieldMessage({ name, errors }: { name: string; errors: readonly FieldError[] }) {
  const error = errors.find((e) => e.field === name);
  return error ? (
    <p class="error-message" id={`${name}-error`} data-error-for={name}>
      {error.message}
    </p>
  ) : null;
}

function Field(props: FieldProps) {
  const invalid = props.errors.some((e) => e.field === props.name);
  const common = {
    id: props.name,
    name: props.name,
    required: props.required === true,
    'aria-invalid': invalid ? ('true' as const) : undefined,
    'aria-describedby': invalid ? `${props.name}-error` : undefined,
  };
  return (
    <>
      <label for={props.name}>
        {props.label}
        {props.required ? '（必填）' : '（选填）'}
      </label>
      {props.hint ? <p class="muted">{props.hint}</p> : null}
      <FieldMessage name={props.name} errors={props.errors} />
      {props.multiline ? (
        <textarea {...common} rows={5}>
          {props.values[props.name] ?? ''}
        </textarea>
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          autoComplete={props.autoComplete}
          value={props.values[props.name] ?? ''}
        />
      )}
    </>
  );
}

function Choice(props: {
  name: string;
  legend: string;
  options: readonly (readonly [string, string])[];
  values: Values;
  errors: readonly FieldError[];
}) {
  return (
    <fieldset id={props.name}>
      <legend>{props.legend}</legend>
      <FieldMessage name={props.name} errors={props.errors} />
      {props.options.map(([value, label]) => (
        <label key={value}>
          <input type="radio" name={props.name} value={value} checked={props.values[props.name] === value} />{' '}
          {label}
        </label>
      ))}
    </fieldset>
  );
}

export interface ApplyFormPageProps {
  readonly units: readonly ReceivingUnit[];
  readonly values?: Values;
  readonly errors?: readonly FieldError[];
}

export function ApplyFormPage({ units, values = {}, errors = [] }: ApplyFormPageProps) {
  const f = { values, errors };
  const depth = (unit: ReceivingUnit) => unit.path.split('/').length - 3;
  return (
    <Layout title="申请公开政府信息">
      <h1>申请公开政府信息</h1>
      <p>
        依据《中华人民共和国政府信息公开条例》第二十七条、第二十九条，公民、法人或者其他组织可以向行政机关申请获取政府信息。
        提交后您将得到一份回执和查询码；行政机关一般应在收到申请之日起 20 个工作日内答复（条例第三十三条）。
      </p>
      <ErrorSummary errors={errors} />
      <form method="post" action="/apply" data-testid="apply-form" novalidate>
        <h2>受理机关</h2>
        <label for="unitId">向哪个机关申请（必填）</label>
        <FieldMessage name="unitId" errors={errors} />
        <select id="unitId" name="unitId">
          <option value="">请选择</option>
          {units.map((unit) => (
            <option key={unit.id} value={String(unit.id)} selected={values.unitId === String(unit.id)}>
              {`${'　'.repeat(Math.max(0, depth(unit)))}${unit.name}`}
            </option>
          ))}
        </select>
        <h2>申请人信息</h2>
        <Choice
          name="applicantKind"
          legend="申请人类型（必填）"
          options={[
            ['person', '公民'],
            ['organisation', '法人或者其他组织'],
          ]}
          {...f}
        />
        <Field name="applicantName" label="姓名或组织名称" required autoComplete="name" {...f} />
        <h3>公民填写</h3>
        <label for="idType">证件类型</label>
        <FieldMessage name="idType" errors={errors} />
        <select id="idType" name="idType">
          {PERSON_ID_TYPES.map((type) => (
            <option key={type} value={type} selected={(values.idType ?? 'resident-id') === type}>
              {ID_TYPE_LABELS[type]}
            </option>
          ))}
        </select>
        <Field
          name="idNumber"
          label="证件号码"
          hint="居民身份证号码为 18 位，将核对出生日期和校验码。"
          {...f}
        />
        <h3>法人或者其他组织填写</h3>
        <label for="applicantType">组织类别</label>
        <FieldMessage name="applicantType" errors={errors} />
        <select id="applicantType" name="applicantType">
          <option value="">请选择</option>
          {ORGANISATION_TYPES.map((type) => (
            <option key={type} value={type} selected={values.applicantType === type}>
              {type}
            </option>
          ))}
        </select>
        <Field name="orgUscc" label="统一社会信用代码" hint="18 位，将核对校验码。" {...f} />
        <Field name="contactName" label="法定代表人或者联系人" {...f} />
        <h2>联系方式</h2>
        <Field
          name="phone"
          label="联系电话"
          required
          type="tel"
          autoComplete="tel"
          hint="查询办理进度时需要输入此号码的后四位。"
          {...f}
        />
        <Field name="email" label="电子邮箱" type="email" autoComplete="email" {...f} />
        <Field name="address" label="通信地址" autoComplete="street-address" {...f} />
        <Field name="postcode" label="邮政编码" autoComplete="postal-code" {...f} />
        <Field name="fax" label="传真" {...f} />
        <h2>所需政府信息</h2>
        <Field
          name="description"
          label="所需政府信息的内容描述"
          required
          multiline
          hint="请尽量写明信息的内容、所属时间和制作机关，便于准确查找。"
          {...f}
        />
        <Field name="title" label="信息名称" {...f} />
        <Field name="documentNumber" label="文号" {...f} />
        <Field name="indexNumber" label="索引号" {...f} />
        <Choice
          name="provisionForm"
          legend="提供政府信息的形式（必填）"
          options={PROVISION_FORMS.map((form) => [form, PROVISION_FORM_LABELS[form]] as const)}
          {...f}
        />
        <Choice
          name="obtainWay"
          legend="获取信息的方式（必填）"
          options={OBTAIN_WAYS.map((way) => [way, OBTAIN_WAY_LABELS[way]] as const)}
          {...f}
        />
        <Field name="purpose" label="用途" hint="法律不要求说明用途，可不填。" multiline {...f} />
        <button type="submit">提交申请</button>
      </form>
    </Layout>
  );
}

function Receipt({ children }: { children: ComponentChildren }) {
  return <section aria-labelledby="receipt-title">{children}</section>;
}

export function AcknowledgmentPage({ ack }: { ack: Acknowledgment }) {
  return (
    <Layout title="申请回执">
      <Receipt>
        <h1 id="receipt-title">政府信息公开申请回执</h1>
        <p class="ok">您的申请已提交并保存。请记下查询码，凭查询码和联系电话后四位查询办理进度。</p>
        <dl class="summary">
          <dt>查询码</dt>
          <dd data-testid="query-code">{ack.queryCode}</dd>
          <dt>受理机关</dt>
          <dd>{ack.unitName}</dd>
          <dt>申请方式</dt>
          <dd>{CHANNEL_LABELS[ack.channel]}</dd>
        </dl>
        <ClockSummary clock={ack.clock} receivedOn={ack.receivedOn} />
        <p>
          <a href="/apply/status">查询办理进度</a>
        </p>
      </Receipt>
    </Layout>
  );
}

export interface StatusPageProps {
  readonly values?: Values;
  readonly errors?: readonly FieldError[];
  /** Unknown code, or a code with the wrong digits: one message for both. */
  readonly notFound?: string;
  readonly status?: ApplicationStatus;
}

export function StatusPage({ values = {}, errors = [], notFound, status }: StatusPageProps) {
  const f = { values, errors };
  return (
    <Layout title="查询申请办理进度">
      <h1>查询申请办理进度</h1>
      {status ? (
        <section data-testid="status">
          <h2>查询码 {status.queryCode}</h2>
          <dl class="summary">
            <dt>受理机关</dt>
            <dd>{status.unitName}</dd>
            <dt>申请方式</dt>
            <dd>{CHANNEL_LABELS[status.channel]}</dd>
            <dt>所需信息</dt>
            <dd>{status.description}</dd>
          </dl>
          <ClockSummary clock={status.clock} receivedOn={status.receivedOn} />
          <p class="muted">
            以上日期均由收到申请日期和办理记录按工作日自动计算，截至{' '}
            {chineseDate(status.clock.ok ? status.clock.today : status.receivedOn)}。
          </p>
        </section>
      ) : null}
      {notFound ? (
        <p class="error-message" role="alert" data-testid="status-not-found">
          {notFound}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <form method="post" action="/apply/status" data-testid="status-form" novalidate>
        <Field name="queryCode" label="查询码" required hint="见申请回执，12 位字母和数字。" {...f} />
        <Field
          name="phoneTail"
          label="联系电话后四位"
          required
          hint="申请时填写的联系电话的最后四位数字。"
          {...f}
        />
        <button type="submit">查询</button>
      </form>
    </Layout>
  );
}
