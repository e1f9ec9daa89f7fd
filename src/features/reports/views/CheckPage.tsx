import { RULES, type RuleId } from '../../../core/report/rules.ts';
import type { Finding } from '../../../core/report/types.ts';
import { Layout } from '../../../web/views/Layout.tsx';
import { ReportTables } from '../render/index.ts';
import type { CheckOutcome } from '../service.ts';

export interface CheckPageProps {
  readonly maxUploadMb: number;
  readonly outcome?: CheckOutcome;
  /** A problem with the submission itself (nothing given, file too large…). */
  readonly inputError?: string;
  readonly text?: string;
}

function ruleTitle(rule: string): string {
  return rule in RULES ? RULES[rule as RuleId].title : rule;
}

function place(finding: Finding): string {
  const parts = [finding.table ? `表${finding.table}` : null, finding.row, finding.column];
  return parts.filter((p) => p !== null).join(' / ') || '—';
}

function FindingsTable({ findings }: { findings: readonly Finding[] }) {
  if (findings.length === 0) {
    return (
      <p class="ok" data-testid="no-findings">
        未发现问题：各表勾稽关系正确，法定行列齐全。
      </p>
    );
  }
  return (
    <table class="findings" data-testid="findings">
      <caption>检查发现的问题</caption>
      <thead>
        <tr>
          <th scope="col">级别</th>
          <th scope="col">规则</th>
          <th scope="col">位置</th>
          <th scope="col">应为</th>
          <th scope="col">实为</th>
          <th scope="col">说明</th>
        </tr>
      </thead>
      <tbody>
        {findings.map((finding, index) => (
          <tr key={index} class={`finding-${finding.severity}`} data-rule={finding.rule}>
            <td>{finding.severity === 'error' ? '错误' : '提示'}</td>
            <td>
              <span title={finding.rule}>{ruleTitle(finding.rule)}</span>
            </td>
            <td>{place(finding)}</td>
            <td class="num">{finding.expected ?? ''}</td>
            <td class="num">{finding.actual ?? ''}</td>
            <td>{finding.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Result({ outcome }: { outcome: CheckOutcome }) {
  if (outcome.kind === 'unreadable') {
    return (
      <section aria-labelledby="result-heading" data-testid="result">
        <h2 id="result-heading">无法读取</h2>
        <p class="error-message" role="alert" data-testid="unreadable-reason">
          {outcome.reason}
        </p>
      </section>
    );
  }
  const { report, errors, warnings } = outcome;
  const findings = report.findings ?? [];
  return (
    <section aria-labelledby="result-heading" data-testid="result">
      <h2 id="result-heading">检查结果</h2>
      <dl class="summary">
        <dt>机关</dt>
        <dd data-testid="agency">{report.agency ?? '未识别'}</dd>
        <dt>年度</dt>
        <dd data-testid="year">{report.year ?? '未识别'}</dd>
        <dt>格式</dt>
        <dd data-testid="format">
          {report.format === '2021' ? '2021年版国家格式' : '2019年版（试行）国家格式'}
        </dd>
        <dt>结论</dt>
        <dd data-testid="verdict" class={errors > 0 ? 'verdict-error' : 'verdict-ok'}>
          {errors > 0 ? `发现错误 ${errors} 处` : '未发现错误'}
          {warnings > 0 ? `，提示 ${warnings} 处` : ''}
        </dd>
      </dl>
      <FindingsTable findings={findings} />
      <ReportTables report={report} findings={findings} />
    </section>
  );
}

export function CheckPage({ maxUploadMb, outcome, inputError, text }: CheckPageProps) {
  return (
    <Layout title="年度报告检查">
      <h1>政府信息公开工作年度报告检查</h1>
      <p>
        {`支持2021年版和2019年版（试行）国家格式。可粘贴网页上复制的文字，或上传 txt、md、html、docx、pdf 文件（不超过${maxUploadMb}MB）。扫描版PDF没有文字层，需先做文字识别。`}
      </p>
      <form method="post" action="/report-check" enctype="multipart/form-data" data-testid="check-form">
        {inputError ? (
          <p class="error-message" role="alert" data-testid="input-error">
            {inputError}
          </p>
        ) : null}
        <label for="text">粘贴报告全文</label>
        <textarea id="text" name="text" rows={12}>
          {text ?? ''}
        </textarea>
        <label for="file">或上传报告文件</label>
        <input id="file" name="file" type="file" accept=".txt,.md,.html,.htm,.docx,.pdf" />
        <label for="previous">上一年度报告（可选，用于跨年度核对）</label>
        <input id="previous" name="previous" type="file" accept=".txt,.md,.html,.htm,.docx,.pdf" />
        <button type="submit">检查</button>
      </form>
      {outcome ? <Result outcome={outcome} /> : null}
    </Layout>
  );
}
