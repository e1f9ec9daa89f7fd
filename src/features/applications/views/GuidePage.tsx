// The public guide to applying (政府信息公开申请指南): how to apply and when an application counts as
// received, what happens to it, the time limits, the fees and the remedies, each with its article; and
// the contacts of the chosen agency's disclosure office from its unit record. Our own wording.
import {
  ANSWER_WORKDAYS,
  CONSULTATION_REPLY_WORKDAYS,
  CORRECTION_NOTICE_WORKDAYS,
  FEE_PAYMENT_WORKDAYS,
  MAX_EXTENSION_WORKDAYS,
} from '../../../core/clock/clock-reading.ts';
import { RECEIPT_RULES, REGISTERED_CHANNELS } from '../../../core/disclosure/receipt-date.ts';
import { cumulativeFeeByCount, feeByPages } from '../../../core/fees/processing-fee.ts';
import { Layout } from '../../../web/views/Layout.tsx';
import type { Unit } from '../../units/model.ts';
import { CHANNEL_LABELS } from '../model.ts';

const LAW = '《中华人民共和国政府信息公开条例》';

export interface GuidePageProps {
  readonly units: readonly Unit[];
  readonly selected: Unit | null;
  /** A unit was asked for that does not exist. */
  readonly unknownUnit: boolean;
}

function UnitContacts({ unit }: { unit: Unit }) {
  const c = unit.contact;
  const rows: readonly (readonly [string, string | null, string])[] = [
    ['政府信息公开工作机构', c.officeName, 'office-name'],
    ['办公地址', c.address, 'office-address'],
    ['办公时间', c.hours, 'office-hours'],
    ['联系电话', c.phone, 'office-phone'],
    ['传真', c.fax, 'office-fax'],
    ['电子邮箱', c.email, 'office-email'],
    ['邮政编码', c.postcode, 'office-postcode'],
  ];
  return (
    <section aria-labelledby="contacts-title" data-testid="unit-contacts">
      <h2 id="contacts-title">{unit.name}受理申请的联系方式</h2>
      <dl class="summary">
        {rows.map(([label, value, testId]) => [
          <dt key={`${testId}-t`}>{label}</dt>,
          <dd key={`${testId}-d`} data-testid={testId}>
            {value ?? '未公布'}
          </dd>,
        ])}
      </dl>
      <p>
        <a href="/apply">在线提交申请</a>（受理机关请选择“{unit.name}”）
      </p>
    </section>
  );
}

function UnitSelector({ units, selected }: { units: readonly Unit[]; selected: Unit | null }) {
  const top = Math.min(...units.map((unit) => unit.path.split('/').length));
  return (
    <form method="get" action="/apply/guide" data-testid="unit-selector">
      <label for="unit">查看哪个机关的联系方式</label>
      <select id="unit" name="unit">
        <option value="">请选择</option>
        {units.map((unit) => (
          <option key={unit.id} value={String(unit.id)} selected={selected?.id === unit.id}>
            {`${'　'.repeat(Math.max(0, unit.path.split('/').length - top))}${unit.name}`}
          </option>
        ))}
      </select>{' '}
      <button type="submit">查看</button>
    </form>
  );
}

function Channels() {
  return (
    <table data-testid="guide-channels">
      <caption>申请方式与收到申请之日（{LAW}第三十一条）</caption>
      <thead>
        <tr>
          <th scope="col">申请方式</th>
          <th scope="col">以哪一天为收到申请之日</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">{CHANNEL_LABELS.online}</th>
          <td>在本网站提交即自动确认并出具回执，提交之日为收到申请之日（第三十一条第（三）项）。</td>
        </tr>
        {REGISTERED_CHANNELS.map((channel) => (
          <tr key={channel}>
            <th scope="row">{CHANNEL_LABELS[channel]}</th>
            <td>
              {RECEIPT_RULES[channel].explanation}
              <span class="muted">（{RECEIPT_RULES[channel].basis}）</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function TimeLimits() {
  const rows: readonly (readonly [string, string, string])[] = [
    [
      '答复',
      `能够当场答复的当场答复；不能当场答复的，自收到申请之日起 ${ANSWER_WORKDAYS} 个工作日内答复`,
      '第三十三条第一款',
    ],
    [
      '延长答复期限',
      `需要延长的，经政府信息公开工作机构负责人同意并告知申请人，最长延长 ${MAX_EXTENSION_WORKDAYS} 个工作日`,
      '第三十三条第一款',
    ],
    [
      '告知补正',
      `申请内容不明确的，自收到申请之日起 ${CORRECTION_NOTICE_WORKDAYS} 个工作日内一次性告知需要补正的事项和合理的补正期限`,
      '第三十条',
    ],
    ['第三方提出意见', `自收到征求意见书之日起 ${CONSULTATION_REPLY_WORKDAYS} 个工作日内`, '第三十二条'],
    [
      '其他机关提出意见',
      `共同制作信息的其他机关自收到征求意见书之日起 ${CONSULTATION_REPLY_WORKDAYS} 个工作日内`,
      '第三十四条',
    ],
  ];
  return (
    <table data-testid="guide-time-limits">
      <caption>办理期限</caption>
      <thead>
        <tr>
          <th scope="col">事项</th>
          <th scope="col">期限</th>
          <th scope="col">依据</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([what, limit, article]) => (
          <tr key={what}>
            <th scope="row">{what}</th>
            <td>{limit}</td>
            <td>
              {LAW}
              {article}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function GuidePage({ units, selected, unknownUnit }: GuidePageProps) {
  return (
    <Layout title="政府信息公开申请须知">
      <h1>政府信息公开申请须知</h1>
      <p>
        本页说明依{LAW}
        申请获取政府信息的方式、办理流程、期限、费用和救济途径。选择机关后可查看其受理申请的联系方式。
      </p>
      <UnitSelector units={units} selected={selected} />
      {unknownUnit ? (
        <p class="error-message" role="alert" data-testid="unknown-unit">
          未找到所选机关，请从列表中重新选择。
        </p>
      ) : null}
      {selected ? <UnitContacts unit={selected} /> : null}

      <h2>一、如何申请</h2>
      <p>
        公民、法人或者其他组织可以向行政机关申请获取政府信息（第二十七条）。申请应当以书面形式提出，写明申请人的姓名或者名称、身份证明和联系方式，所需政府信息的名称、文号或者其他便于查找的特征描述，以及希望的提供形式和获取方式（第二十九条）；不需要说明用途。
      </p>
      <p>
        书面申请确有困难的，可以口头提出，由政府信息公开工作机构代为填写（第二十九条第一款）。委托他人代为申请的，请提交授权委托书以及申请人和代理人的身份证明。
      </p>
      <Channels />

      <h2>二、办理流程</h2>
      <ol data-testid="guide-steps">
        <li>
          <strong>登记和回执。</strong>
          网络申请提交后即出具回执和查询码；以其他方式提出的，由工作人员登记后告知查询码。凭查询码和联系电话后四位可以在
          <a href="/apply/status">查询页面</a>查看办理进度。
        </li>
        <li>
          <strong>补正。</strong>
          申请内容不明确的，行政机关给予指导和释明，并一次性告知需要补正的事项和期限；答复期限自收到补正后的申请之日起重新计算，无正当理由逾期不补正的视为放弃申请（第三十条）。
        </li>
        <li>
          <strong>征求意见。</strong>
          公开可能损害第三方合法权益的，行政机关书面征求第三方的意见（第三十二条）；信息由几个机关共同制作的，可以征求其他机关的意见（第三十四条）。征求意见所需时间不计算在答复期限内（第三十三条第二款）。
        </li>
        <li>
          <strong>延期。</strong>
          不能按期答复的，经政府信息公开工作机构负责人同意可以延长一次，并书面告知申请人（第三十三条第一款）。
        </li>
        <li>
          <strong>答复。</strong>
          行政机关根据不同情况作出答复：予以公开、部分公开、不予公开并说明理由、告知无法提供或者不予处理等（第三十六条至第三十八条）。
        </li>
      </ol>

      <h2>三、期限</h2>
      <p class="muted">期限按工作日计算，不含周末和法定节假日，含调休上班日；从收到申请的次日起算。</p>
      <TimeLimits />

      <h2>四、费用</h2>
      <p>
        依申请提供政府信息不收取费用。申请公开政府信息的数量、频次明显超过合理范围的，行政机关可以收取信息处理费（第四十二条；《政府信息公开信息处理费管理办法》，国办函〔2020〕109号）。每件申请只选择下列一种方式计收，不能同时适用：
      </p>
      <ul data-testid="guide-fees">
        <li>
          <strong>按件计收：</strong>同一申请人一个自然月内累计申请 10 件以下（含）的不收费；第 11 至 30
          件每件 100 元；第 31 件起每 10 件为一档，每高一档每件加收 100 元（第 31 至 40 件每件 200 元，第 41
          至 50 件每件 300 元，依此类推）。例如一个月内累计 35 件，共收 {cumulativeFeeByCount(35)} 元。
        </li>
        <li>
          <strong>按量计收：</strong>同一件申请 30 页以下（含）的不收费；第 31 至 100 页每页 10 元；第 101 至
          200 页每页 20 元；第 201 页起每页 40 元。例如 250 页，共收 {feeByPages(250)} 元。
        </li>
      </ul>
      <p>
        需要收费的，行政机关出具收费通知书，写明收费依据、标准、金额和缴费方式；自收费通知书送达至缴费之间的时间不计入答复期限，申请人在{' '}
        {FEE_PAYMENT_WORKDAYS} 个工作日内未缴费的视为放弃申请。
      </p>

      <h2>五、救济途径</h2>
      <p>
        认为行政机关在政府信息公开工作中侵犯自己合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼（第五十一条）：
      </p>
      <ul data-testid="guide-remedies">
        <li>
          行政复议：自知道该行政行为之日起 60
          日内提出（《中华人民共和国行政复议法》第二十条）；地方人民政府工作部门作出的，一般向本级人民政府申请，垂直管理部门的向其上一级主管部门申请。
        </li>
        <li>
          行政诉讼：自知道作出行政行为之日起 6
          个月内直接向人民法院提起（《中华人民共和国行政诉讼法》第四十六条）。
        </li>
      </ul>
    </Layout>
  );
}
