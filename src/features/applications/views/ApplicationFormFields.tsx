// The fields of an application (条例第二十九条), shared by the public form and staff registration: plain
// HTML that works without JavaScript; every error is shown next to its field and summed up on top.
import {
  ID_TYPE_LABELS,
  OBTAIN_WAY_LABELS,
  OBTAIN_WAYS,
  ORGANISATION_TYPES,
  PERSON_ID_TYPES,
  PROVISION_FORM_LABELS,
  PROVISION_FORMS,
} from '../model.ts';
import type { ReceivingUnit } from '../repo.ts';
import type { FieldError } from '../validate.ts';

export type Values = Readonly<Record<string, string | undefined>>;

export function ErrorSummary({ errors }: { errors: readonly FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="error-message" role="alert" data-testid="form-errors">
      <p>提交未成功，请修改以下 {errors.length} 处：</p>
      <ul>
        {errors.map((error, index) => (
          <li key={`${error.field}-${index}`} data-field={error.field}>
            <a href={`#${error.field}`}>{error.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function FieldMessage({ name, errors }: { name: string; errors: readonly FieldError[] }) {
  const messages = errors.filter((e) => e.field === name);
  if (messages.length === 0) return null;
  return (
    <p class="error-message" id={`${name}-error`} data-error-for={name}>
      {messages.map((error) => error.message).join('；')}
    </p>
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
  readonly max?: string;
}

function invalidProps(name: string, errors: readonly FieldError[]) {
  const invalid = errors.some((e) => e.field === name);
  return {
    'aria-invalid': invalid ? ('true' as const) : undefined,
    'aria-describedby': invalid ? `${name}-error` : undefined,
  };
}

export function Field(props: FieldProps) {
  const common = {
    id: props.name,
    name: props.name,
    required: props.required === true,
    ...invalidProps(props.name, props.errors),
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
          max={props.max}
          value={props.values[props.name] ?? ''}
        />
      )}
    </>
  );
}

export function Choice(props: {
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

/** A file input; several files may be chosen at once. */
export function FileField(props: {
  name: string;
  label: string;
  errors: readonly FieldError[];
  hint?: string;
  required?: boolean;
}) {
  return (
    <>
      <label for={props.name}>
        {props.label}
        {props.required ? '（必传）' : '（选传）'}
      </label>
      {props.hint ? <p class="muted">{props.hint}</p> : null}
      <FieldMessage name={props.name} errors={props.errors} />
      <input
        id={props.name}
        name={props.name}
        type="file"
        multiple
        accept=".pdf,.jpg,.jpeg,.png,.docx,application/pdf,image/jpeg,image/png"
        {...invalidProps(props.name, props.errors)}
      />
    </>
  );
}

/** What every file input says about the accepted files. */
export function fileRulesHint(maxUploadBytes: number, maxFiles: number): string {
  const megabytes = Math.round(maxUploadBytes / 1048576);
  return `可上传 PDF、JPG、PNG 或 Word（DOCX）文件，每个不超过 ${megabytes}MB，全部附件合计不超过 ${maxFiles} 个。`;
}

function UnitSelect({
  units,
  values,
  errors,
}: {
  units: readonly ReceivingUnit[];
  values: Values;
  errors: readonly FieldError[];
}) {
  const top = Math.min(...units.map((unit) => unit.path.split('/').length));
  const depth = (unit: ReceivingUnit) => unit.path.split('/').length - top;
  return (
    <>
      <label for="unitId">向哪个机关申请（必填）</label>
      <FieldMessage name="unitId" errors={errors} />
      <select id="unitId" name="unitId" {...invalidProps('unitId', errors)}>
        {units.length === 1 ? null : <option value="">请选择</option>}
        {units.map((unit) => (
          <option key={unit.id} value={String(unit.id)} selected={values.unitId === String(unit.id)}>
            {`${'　'.repeat(Math.max(0, depth(unit)))}${unit.name}`}
          </option>
        ))}
      </select>
    </>
  );
}

/** The applicant, a proxy's agent, the contacts and the information sought, in the order of Art. 29. */
export function ApplicationFieldsets({
  units,
  values,
  errors,
}: {
  units: readonly ReceivingUnit[];
  values: Values;
  errors: readonly FieldError[];
}) {
  const f = { values, errors };
  return (
    <>
      <h2>受理机关</h2>
      <UnitSelect units={units} {...f} />
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
      <AgentFieldset {...f} />
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
    </>
  );
}

/** 代理申请: the agent's name and identity document; the power of attorney is uploaded below. */
function AgentFieldset({ values, errors }: { values: Values; errors: readonly FieldError[] }) {
  const f = { values, errors };
  return (
    <fieldset id="byAgent" data-testid="agent">
      <legend>代理申请</legend>
      <label>
        <input type="checkbox" name="byAgent" value="yes" checked={values.byAgent === 'yes'} />{' '}
        由代理人代为申请
      </label>
      <p class="muted">代为申请的，须填写代理人姓名和证件，并上传申请人签署的授权委托书。</p>
      <FieldMessage name="byAgent" errors={errors} />
      <Field name="agentName" label="代理人姓名" {...f} />
      <label for="agentIdType">代理人证件类型</label>
      <FieldMessage name="agentIdType" errors={errors} />
      <select id="agentIdType" name="agentIdType">
        {PERSON_ID_TYPES.map((type) => (
          <option key={type} value={type} selected={(values.agentIdType ?? 'resident-id') === type}>
            {ID_TYPE_LABELS[type]}
          </option>
        ))}
      </select>
      <Field name="agentIdNumber" label="代理人证件号码" {...f} />
    </fieldset>
  );
}
