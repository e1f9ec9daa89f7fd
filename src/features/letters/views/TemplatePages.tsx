// The template editor of a unit's letters: every kind with the text in force and where it comes from,
// and one kind's text with the placeholders it may use.
import { AdminLayout, CsrfField } from '../../../web/views/admin/AdminLayout.tsx';
import type { StaffActor } from '../../accounts/model.ts';
import {
  allowedPlaceholders,
  LETTER_KIND_SPECS,
  PLACEHOLDER_DESCRIPTIONS,
} from '../../../core/letters/kinds.ts';
import type { TemplateInForce, TemplateSource } from '../model.ts';

interface Shell {
  readonly actor: StaffActor;
  readonly csrfToken: string;
}

interface UnitRef {
  readonly id: number;
  readonly name: string;
}

function sourceText(source: TemplateSource): string {
  switch (source.type) {
    case 'own':
      return '本单位自定';
    case 'inherited':
      return `沿用上级单位“${source.unitName}”的模板`;
    case 'default':
      return '系统默认模板';
  }
}

const templatesPath = (unit: UnitRef) => `/admin/units/${unit.id}/letter-templates`;

export function TemplateListPage(props: Shell & { unit: UnitRef; templates: readonly TemplateInForce[] }) {
  const { unit } = props;
  return (
    <AdminLayout title={`${unit.name} 文书模板`} actor={props.actor} csrfToken={props.csrfToken}>
      <h1>{unit.name} 文书模板</h1>
      <p class="muted">
        本单位未自定的文书沿用上级单位的模板，上级单位也未自定的使用系统默认模板。文书的标题、文号、称谓和落款由系统生成，模板只含正文。
      </p>
      <table data-testid="templates">
        <thead>
          <tr>
            <th scope="col">文书</th>
            <th scope="col">现行模板</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {props.templates.map((template) => (
            <tr key={template.kind} data-kind={template.kind} data-source={template.source.type}>
              <td>{LETTER_KIND_SPECS[template.kind].title}</td>
              <td>
                <details>
                  <summary>{sourceText(template.source)}</summary>
                  <div class="template-text">
                    {template.body.split('\n').map((line, index) => (
                      <p key={index}>{line}</p>
                    ))}
                  </div>
                </details>
              </td>
              <td>
                <a href={`${templatesPath(unit)}/${template.kind}`}>查看、修改</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a href={`/admin/units/${unit.id}`}>返回单位</a>
      </p>
    </AdminLayout>
  );
}

export interface TemplateEditPageProps extends Shell {
  readonly unit: UnitRef;
  readonly template: TemplateInForce;
  /** The text sent back after a refused save. */
  readonly body?: string;
  readonly error?: string;
}

export function TemplateEditPage({ actor, csrfToken, unit, template, body, error }: TemplateEditPageProps) {
  const spec = LETTER_KIND_SPECS[template.kind];
  const action = `${templatesPath(unit)}/${template.kind}`;
  return (
    <AdminLayout title={`${unit.name} ${spec.label}模板`} actor={actor} csrfToken={csrfToken}>
      <h1>
        {unit.name} {spec.title}模板
      </h1>
      <p data-testid="template-source">现行模板：{sourceText(template.source)}</p>
      {error ? (
        <p class="error-message" role="alert" data-testid="template-error">
          {error}
        </p>
      ) : null}
      <form method="post" action={action} data-testid="template-form">
        <CsrfField token={csrfToken} />
        <label for="body">模板正文（每行一段；占位符写作 {'{{名称}}'}）</label>
        <textarea id="body" name="body" rows={18} required aria-describedby="placeholders">
          {body ?? template.body}
        </textarea>
        <button type="submit">保存为本单位模板</button>
      </form>
      {template.source.type === 'own' ? (
        <form method="post" action={`${action}/reset`} data-testid="template-reset">
          <CsrfField token={csrfToken} />
          <button type="submit">删除本单位模板，恢复沿用上级或默认模板</button>
        </form>
      ) : null}
      <h2 id="placeholders">可用的占位符</h2>
      <table data-testid="placeholders">
        <thead>
          <tr>
            <th scope="col">占位符</th>
            <th scope="col">含义</th>
            <th scope="col">是否必须保留</th>
          </tr>
        </thead>
        <tbody>
          {allowedPlaceholders(template.kind).map((name) => (
            <tr key={name}>
              <td>
                <code>{`{{${name}}}`}</code>
              </td>
              <td>{PLACEHOLDER_DESCRIPTIONS[name] ?? ''}</td>
              <td>{spec.required.includes(name) ? '必须' : '可选'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a href={templatesPath(unit)}>返回文书模板列表</a>
      </p>
    </AdminLayout>
  );
}
