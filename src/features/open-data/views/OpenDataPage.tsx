// The public index of open data: each unit with a published annual report, its years and downloads.
import { Layout } from '../../../web/views/Layout.tsx';
import type { PublishedYear } from '../repo.ts';

export function openDataPath(unitId: number, year: number, type: 'csv' | 'json'): string {
  return `/disclosure/open-data/units/${unitId}/${year}.${type}`;
}

export function OpenDataPage({ years }: { readonly years: readonly PublishedYear[] }) {
  return (
    <Layout title="开放数据">
      <h1>开放数据</h1>
      <p>
        下列数据取自各单位已发布的政府信息公开工作年度报告（表二、表三），以及当年各渠道主动公开信息的发布数量。
        CSV 文件为 UTF-8 编码（带字节顺序标记），可直接用电子表格软件打开。数据不含个人信息。
      </p>
      {years.length === 0 ? (
        <p class="muted">尚无已发布的年度报告。</p>
      ) : (
        <table data-testid="open-data">
          <caption>可下载的开放数据</caption>
          <thead>
            <tr>
              <th scope="col">单位</th>
              <th scope="col">年度</th>
              <th scope="col">下载</th>
            </tr>
          </thead>
          <tbody>
            {years.map((entry) => (
              <tr key={`${entry.unitId}-${entry.year}`} data-unit={entry.unitId} data-year={entry.year}>
                <th scope="row">{entry.unitName}</th>
                <td>
                  <a
                    href={`/disclosure/units/${entry.unitId}/annual-reports/${entry.year}`}
                  >{`${entry.year}年度报告`}</a>
                </td>
                <td>
                  <a
                    href={openDataPath(entry.unitId, entry.year, 'csv')}
                  >{`${entry.unitName}${entry.year}年 CSV`}</a>{' '}
                  <a
                    href={openDataPath(entry.unitId, entry.year, 'json')}
                  >{`${entry.unitName}${entry.year}年 JSON`}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
