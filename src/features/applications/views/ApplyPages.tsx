// The public pages of applications: the form (条例第二十九条), the acknowledgment (回执) and the status page.
// Plain HTML forms that work without JavaScript; every error is shown next to its field.
import type { ComponentChildren } from 'preact';
import { Layout } from '../../../web/views/Layout.tsx';
import { MAX_ATTACHMENTS } from '../attachments.ts';
import { CHANNEL_LABELS } from '../model.ts';
import type { ReceivingUnit } from '../repo.ts';
import type { Acknowledgment, ApplicationStatus } from '../service.ts';
import type { FieldError } from '../validate.ts';
import {
  ApplicationFieldsets,
  ErrorSummary,
  Field,
  FileField,
  fileRulesHint,
  type Values,
} from './ApplicationFormFields.tsx';
import { chineseDate, ClockSummary } from './ClockSummary.tsx';

export interface ApplyFormPageProps {
  readonly units: readonly ReceivingUnit[];
  /** The per-file size limit, from the configuration. */
  readonly maxUploadBytes: number;
  readonly values?: Values;
  readonly errors?: readonly FieldError[];
}

export function ApplyFormPage({ units, maxUploadBytes, values = {}, errors = [] }: ApplyFormPageProps) {
  const files = fileRulesHint(maxUploadBytes, MAX_ATTACHMENTS);
  return (
    <Layout title="申请公开政府信息">
      <h1>申请公开政府信息</h1>
      <p>
        依据《中华人民共和国政府信息公开条例》第二十七条、第二十九条，公民、法人或者其他组织可以向行政机关申请获取政府信息。
        提交后您将得到一份回执和查询码；行政机关一般应在收到申请之日起 20 个工作日内答复（条例第三十三条）。
      </p>
      <p>
        <a href="/apply/guide">申请须知：申请方式、办理流程、期限、费用和救济途径</a>
      </p>
      <ErrorSummary errors={errors} />
      <form method="post" action="/apply" enctype="multipart/form-data" data-testid="apply-form" novalidate>
        <ApplicationFieldsets units={units} values={values} errors={errors} />
        <h2>附件</h2>
        <p class="muted">附件将加密保存，仅办理人员可以查看。{files}</p>
        <FileField
          name="identityProof"
          label="身份证明"
          hint="如身份证正反面的照片或扫描件；代理申请的，请一并上传代理人的身份证明。"
          errors={errors}
        />
        <FileField
          name="powerOfAttorney"
          label="授权委托书"
          hint="代理申请的必须上传，由申请人签名或者盖章。"
          errors={errors}
        />
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
          <ClockSummary
            clock={status.clock}
            receivedOn={status.receivedOn}
            extensionReason={status.extensionReason}
          />
          <p class="muted">
            以上日期均由收到申请日期和办理记录按工作日自动计算，截至{' '}
            {chineseDate(status.clock.ok ? status.clock.today : status.receivedOn)}。
          </p>
          {status.letters.length > 0 ? (
            <>
              <h3>告知书和答复书</h3>
              <ul data-testid="letters">
                {status.letters.map((letter) => (
                  <li key={letter.token}>
                    {chineseDate(letter.issuedOn)} {letter.title}
                    {letter.number ? `（${letter.number}）` : ''}：
                    <a href={`/apply/letters/${letter.token}`}>查看</a>{' '}
                    <a href={`/apply/letters/${letter.token}/docx`}>下载 Word 文档</a>
                  </li>
                ))}
              </ul>
              <p class="muted">下载链接 1 小时内有效，过期请重新查询。</p>
            </>
          ) : null}
        </section>
      ) : null}
      {notFound ? (
        <p class="error-message" role="alert" data-testid="status-not-found">
          {notFound}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <p>
        <a href="/apply/guide">申请须知：办理流程、答复期限和救济途径</a>
      </p>
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
