// The public search of the 政府信息公开 column: one GET form (works without script), results with the
// terms marked, and numbered pages.
import type { Run } from '../../../core/search/snippet.ts';
import { Layout } from '../../../web/views/Layout.tsx';
import type { SearchFilter, SearchPage as SearchPageModel } from '../service.ts';

function Marked({ runs }: { runs: readonly Run[] }) {
  return <>{runs.map((run, index) => (run.hit ? <mark key={index}>{run.text}</mark> : run.text))}</>;
}

/** The URL of the same search on another page. */
export function searchHref(filter: SearchFilter, page: number): string {
  const params = new URLSearchParams();
  if (filter.q !== '') params.set('q', filter.q);
  if (filter.unitId !== null) params.set('unit', String(filter.unitId));
  if (filter.categoryCode !== null) params.set('category', filter.categoryCode);
  if (filter.year !== null) params.set('year', String(filter.year));
  if (filter.genre !== null) params.set('genre', filter.genre);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query === '' ? '/disclosure/search' : `/disclosure/search?${query}`;
}

function Pages({ model }: { model: SearchPageModel }) {
  if (model.pageCount <= 1) return null;
  const current = model.filter.page;
  const pages = Array.from({ length: model.pageCount }, (_, index) => index + 1).filter(
    (page) => page === 1 || page === model.pageCount || Math.abs(page - current) <= 3,
  );
  return (
    <nav aria-label="结果分页" class="pages">
      <ul>
        {pages.map((page) => (
          <li key={page}>
            {page === current ? (
              <strong aria-current="page">{page}</strong>
            ) : (
              <a href={searchHref(model.filter, page)}>{page}</a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function SearchPage({ model }: { model: SearchPageModel }) {
  const { filter, facets } = model;
  return (
    <Layout title={filter.q === '' ? '信息检索' : `检索：${filter.q}`}>
      <h1>政府信息公开 · 信息检索</h1>
      <form method="get" action="/disclosure/search" class="search-form" role="search">
        <label for="q">检索词</label>
        <input id="q" name="q" type="search" value={filter.q} maxLength={200} />
        <div class="search-filters">
          <div>
            <label for="unit">发布机关（含下级机关）</label>
            <select id="unit" name="unit">
              <option value="">全部机关</option>
              {facets.units.map((unit) => (
                <option key={unit.id} value={String(unit.id)} selected={filter.unitId === unit.id}>
                  {unit.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="category">主题分类</label>
            <select id="category" name="category">
              <option value="">全部分类</option>
              {model.categories.map((category) => (
                <option
                  key={category.code}
                  value={category.code}
                  selected={filter.categoryCode === category.code}
                >
                  {category.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="year">发布年份</label>
            <select id="year" name="year">
              <option value="">全部年份</option>
              {facets.years.map((year) => (
                <option key={year} value={String(year)} selected={filter.year === year}>
                  {year}年
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="genre">体裁</label>
            <select id="genre" name="genre">
              <option value="">全部体裁</option>
              {facets.genres.map((genre) => (
                <option key={genre} value={genre} selected={filter.genre === genre}>
                  {genre}
                </option>
              ))}
            </select>
          </div>
        </div>
        <button type="submit">检索</button>
      </form>
      {model.problem !== null ? (
        <p class="error-message" role="alert" data-testid="search-problem">
          {model.problem}
        </p>
      ) : null}
      {model.searched ? (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">检索结果</h2>
          <p data-testid="search-total">
            共找到 {model.total} 条信息
            {model.pageCount > 1 ? `，第 ${filter.page} / ${model.pageCount} 页` : ''}。
          </p>
          {model.hits.length === 0 ? (
            <p class="muted">没有找到符合条件的信息，请换用其他检索词或放宽筛选条件。</p>
          ) : (
            <ol class="search-results" data-testid="search-results">
              {model.hits.map((hit) => (
                <li key={hit.itemId} data-item={hit.itemId}>
                  <h3>
                    <a href={`/disclosure/items/${hit.itemId}`}>
                      <Marked runs={hit.title} />
                    </a>
                  </h3>
                  <p class="snippet">
                    <Marked runs={hit.snippet} />
                  </p>
                  <p class="muted">
                    {hit.unitName} · 索引号 {hit.indexNumber}
                    {hit.documentNumber === null ? '' : ` · ${hit.documentNumber}`} · 发布日期{' '}
                    <time dateTime={hit.publishedOn}>{hit.publishedOn}</time>
                  </p>
                </li>
              ))}
            </ol>
          )}
          <Pages model={model} />
        </section>
      ) : null}
    </Layout>
  );
}
