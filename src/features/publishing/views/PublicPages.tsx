// The public 政府信息公开 column of a unit (国办公开办函〔2019〕61号): its four sub-columns, the catalogue
// of each with keyset pagination, and the item page with the catalogue metadata. No script needed.
import { Layout } from '../../../web/views/Layout.tsx';
import {
  DISCLOSURE_COLUMN,
  SUB_COLUMNS,
  SUB_COLUMN_LABELS,
  type SubColumn,
} from '../../../core/publishing/categories.ts';
import { METADATA_LABELS, VALIDITY_LABELS } from '../../../core/publishing/metadata.ts';
import type { CataloguePage, PublicColumn } from '../catalogue.ts';
import type { PublishingUnit } from '../repo.ts';
import type { Item, PublishedSummary } from '../model.ts';
import { categoryLabel, chineseDay, paragraphsOf } from './format.ts';
import { RichBody } from './RichBody.tsx';
import { imageSourcesOf, typeNameOf } from '../attachments.ts';
import type { ItemAttachment } from '../attachments-repo.ts';
import { attachmentHref, sanitizeBody } from '../rich-text.ts';

const columnHref = (unitId: number, subColumn: SubColumn) => `/disclosure/units/${unitId}/${subColumn}`;

function ItemList({ items }: { items: readonly PublishedSummary[] }) {
  if (items.length === 0) return <p class="muted">暂无信息。</p>;
  return (
    <ul class="item-list">
      {items.map((item) => (
        <li key={item.id} data-item={item.id}>
          <a href={`/disclosure/items/${item.id}`}>{item.title}</a>{' '}
          <span class="muted">
            <time dateTime={item.publishedOn}>{item.publishedOn}</time>
          </span>
        </li>
      ))}
    </ul>
  );
}

export function ColumnIndexPage({ units }: { units: readonly PublishingUnit[] }) {
  return (
    <Layout title={DISCLOSURE_COLUMN}>
      <h1>{DISCLOSURE_COLUMN}</h1>
      {units.length === 0 ? (
        <p class="muted">暂无单位。</p>
      ) : (
        <ul data-testid="column-units">
          {units.map((unit) => (
            <li key={unit.id}>
              <a href={`/disclosure/units/${unit.id}`}>{unit.name}</a>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export function ColumnHomePage({ column }: { column: PublicColumn }) {
  const { unit } = column;
  return (
    <Layout title={`${unit.name} ${DISCLOSURE_COLUMN}`}>
      <h1>
        {unit.name} · {DISCLOSURE_COLUMN}
      </h1>
      <nav aria-label={DISCLOSURE_COLUMN}>
        <ul data-testid="sub-columns">
          {SUB_COLUMNS.map((subColumn) => (
            <li key={subColumn}>
              <a href={columnHref(unit.id, subColumn)}>{SUB_COLUMN_LABELS[subColumn]}</a>
            </li>
          ))}
        </ul>
      </nav>
      {SUB_COLUMNS.map((subColumn) => (
        <section key={subColumn} aria-labelledby={`col-${subColumn}`}>
          <h2 id={`col-${subColumn}`}>
            <a href={columnHref(unit.id, subColumn)}>{SUB_COLUMN_LABELS[subColumn]}</a>
          </h2>
          {subColumn === 'guide' ? (
            <p>
              <a href={`/apply/guide?unit=${unit.id}`}>查看本机关依申请公开指南</a>
            </p>
          ) : null}
          {subColumn === 'statutory' ? (
            <ul class="category-list" data-testid="categories">
              {column.categories.map((category) => (
                <li key={category.code}>
                  <a href={`${columnHref(unit.id, 'statutory')}?category=${category.code}`}>
                    {category.name}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
          <ItemList items={column.latest[subColumn]} />
        </section>
      ))}
    </Layout>
  );
}

function pageHref(
  page: CataloguePage,
  overrides: { category?: string | null; year?: number | null; after?: string | null },
) {
  const params = new URLSearchParams();
  const category = overrides.category === undefined ? page.filter.category : overrides.category;
  const year = overrides.year === undefined ? page.filter.year : overrides.year;
  if (category !== null) params.set('category', category);
  if (year !== null) params.set('year', String(year));
  if (overrides.after) params.set('after', overrides.after);
  const query = params.toString();
  return `${columnHref(page.unit.id, page.subColumn)}${query === '' ? '' : `?${query}`}`;
}

export function CatalogueListPage({ page }: { page: CataloguePage }) {
  const label = SUB_COLUMN_LABELS[page.subColumn];
  const category = page.categories.find((candidate) => candidate.code === page.filter.category);
  return (
    <Layout title={`${page.unit.name} ${label}`}>
      <p>
        <a href={`/disclosure/units/${page.unit.id}`}>
          {page.unit.name} · {DISCLOSURE_COLUMN}
        </a>
      </p>
      <h1>{label}</h1>
      {page.subColumn === 'guide' ? (
        <p>
          <a href={`/apply/guide?unit=${page.unit.id}`}>查看本机关依申请公开指南</a>
        </p>
      ) : null}
      {page.subColumn === 'annual-report' ? (
        <p>
          <a href={`/disclosure/units/${page.unit.id}/annual-reports`}>
            由记录编制发布的政府信息公开工作年度报告
          </a>
        </p>
      ) : null}
      {page.subColumn === 'statutory' ? (
        <nav aria-label="主题分类">
          <ul class="category-list">
            <li>
              {page.filter.category === null ? (
                <strong>全部</strong>
              ) : (
                <a href={pageHref(page, { category: null })}>全部</a>
              )}
            </li>
            {page.categories.map((candidate) => (
              <li key={candidate.code}>
                {candidate.code === page.filter.category ? (
                  <strong>{candidate.name}</strong>
                ) : (
                  <a href={pageHref(page, { category: candidate.code })}>{candidate.name}</a>
                )}{' '}
                <span class="muted">（{candidate.basis}）</span>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {page.years.length > 0 ? (
        <nav aria-label="年份">
          <ul class="year-list">
            <li>
              {page.filter.year === null ? (
                <strong>全部年份</strong>
              ) : (
                <a href={pageHref(page, { year: null })}>全部年份</a>
              )}
            </li>
            {page.years.map((year) => (
              <li key={year}>
                {year === page.filter.year ? (
                  <strong>{year}年</strong>
                ) : (
                  <a href={pageHref(page, { year })}>{year}年</a>
                )}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {category ? <h2>{category.name}</h2> : null}
      {page.items.length === 0 ? (
        <p class="muted" data-testid="empty-catalogue">
          暂无信息。
        </p>
      ) : (
        <table data-testid="catalogue">
          <thead>
            <tr>
              <th scope="col">{METADATA_LABELS.indexNumber}</th>
              <th scope="col">{METADATA_LABELS.title}</th>
              <th scope="col">{METADATA_LABELS.writtenOn}</th>
              <th scope="col">{METADATA_LABELS.publishedOn}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((item) => (
              <tr key={item.id} data-item={item.id}>
                <td>{item.indexNumber}</td>
                <td>
                  <a href={`/disclosure/items/${item.id}`}>{item.title}</a>
                  <br />
                  <span class="muted">{item.summary}</span>
                </td>
                <td>{item.writtenOn ?? ''}</td>
                <td>
                  <time dateTime={item.publishedOn}>{item.publishedOn}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page.next !== null ? (
        <p>
          <a href={pageHref(page, { after: page.next })} rel="next" data-testid="next-page">
            下一页
          </a>
        </p>
      ) : null}
    </Layout>
  );
}

function sizeText(bytes: number): string {
  return bytes < 1048576 ? `${Math.max(1, Math.round(bytes / 1024))}KB` : `${(bytes / 1048576).toFixed(1)}MB`;
}

export function PublicItemPage({
  item,
  attachments = [],
}: {
  item: Item;
  attachments?: readonly ItemAttachment[];
}) {
  const validity =
    item.validity === null
      ? null
      : [
          VALIDITY_LABELS[item.validity],
          item.effectiveOn ? `生效日期：${chineseDay(item.effectiveOn)}` : null,
          item.invalidOn
            ? `${item.validity === 'repealed' ? '废止' : '失效'}日期：${chineseDay(item.invalidOn)}`
            : null,
        ]
          .filter((part) => part !== null)
          .join('；');
  const rows: [string, string | null][] = [
    [METADATA_LABELS.indexNumber, item.indexNumber],
    [METADATA_LABELS.title, item.title],
    [METADATA_LABELS.summary, item.summary],
    [METADATA_LABELS.publisher, item.unitName],
    [METADATA_LABELS.writtenOn, chineseDay(item.writtenOn)],
    [METADATA_LABELS.publishedOn, chineseDay(item.publishedOn)],
    [METADATA_LABELS.documentNumber, item.documentNumber],
    [
      METADATA_LABELS.category,
      categoryLabel(item.categoryCode, item.subcategoryName) || SUB_COLUMN_LABELS[item.subColumn],
    ],
    [METADATA_LABELS.genre, item.genre],
    [METADATA_LABELS.keywords, item.keywords],
    [METADATA_LABELS.validity, validity],
    [METADATA_LABELS.disclosureMethod, item.disclosureMethod],
    [METADATA_LABELS.disclosurePeriod, item.disclosurePeriod],
    [METADATA_LABELS.format, item.format],
  ];
  return (
    <Layout title={item.title}>
      <p>
        <a href={`/disclosure/units/${item.unitId}`}>
          {item.unitName} · {DISCLOSURE_COLUMN}
        </a>{' '}
        › <a href={columnHref(item.unitId, item.subColumn)}>{SUB_COLUMN_LABELS[item.subColumn]}</a>
      </p>
      <table class="metadata" data-testid="metadata">
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td data-field={label}>{value ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <article>
        <h1>{item.title}</h1>
        <p class="muted">
          发布日期：
          <time dateTime={item.publishedOn ?? ''} data-testid="published-on">
            {chineseDay(item.publishedOn)}
          </time>
          {item.correctedOn !== null ? (
            <>
              {' '}
              <span data-testid="corrected-on">更正于 {chineseDay(item.correctedOn)}</span>
            </>
          ) : null}{' '}
          <a href={`/disclosure/items/${item.id}/correction`} data-testid="correction-link">
            纠错
          </a>
        </p>
        {item.bodyHtml !== null ? (
          <RichBody html={sanitizeBody(item.bodyHtml, imageSourcesOf(item.id, attachments))} />
        ) : (
          paragraphsOf(item.body).map((paragraph, index) => <p key={index}>{paragraph}</p>)
        )}
        {attachments.length > 0 ? (
          <section aria-labelledby="item-attachments">
            <h2 id="item-attachments">附件</h2>
            <ul data-testid="public-attachments">
              {attachments.map((attachment) => (
                <li key={attachment.id}>
                  <a href={attachmentHref(item.id, attachment.id)} download>
                    {attachment.fileName}
                  </a>
                  （{typeNameOf(attachment.mediaType)}，{sizeText(attachment.sizeBytes)}）
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </article>
    </Layout>
  );
}
