import { Layout } from './Layout.tsx';

// Chinese text has no spaces between lines, so long paragraphs are kept as strings, not JSX text.
const INTRO =
  '公开（Gongkai）是供行政机关开展政府信息公开工作的开源平台：主动公开、依申请公开、行政复议和诉讼记录、' +
  '工作监督，以及按国家格式从业务记录直接生成政府信息公开工作年度报告。';
const CHECK_INTRO =
  '粘贴或上传任一机关已发布的政府信息公开工作年度报告（文本、网页、Word、PDF），按国家格式核对各表勾稽关系、' +
  '法定行列是否齐全，并标出有问题的单元格。';

export function HomePage({ checks }: { checks: { total: number; withErrors: number } }) {
  return (
    <Layout title="首页">
      <h1>政府信息公开平台</h1>
      <p>{INTRO}</p>
      <section aria-labelledby="check-heading">
        <h2 id="check-heading">年度报告检查</h2>
        <p>{CHECK_INTRO}</p>
        <p>
          <a class="button" href="/report-check">
            开始检查
          </a>
        </p>
        <p class="muted" data-testid="check-count">
          本平台已检查报告 {checks.total} 份，其中发现错误的 {checks.withErrors} 份。
        </p>
      </section>
    </Layout>
  );
}
