// Already-published items that may answer the application, for the handler to check first.
import type { PublishedMatch } from '../published-matches.ts';

export function PublishedMatchList({ matches }: { matches: readonly PublishedMatch[] }) {
  return (
    <section data-testid="published-matches">
      <h2>可能已主动公开的信息</h2>
      <p class="muted">
        以下信息已由本机关或上级机关主动公开，可能就是申请人所需的信息；如是，可按条例第三十六条第（一）项告知获取方式和途径。
      </p>
      <ul>
        {matches.map((match) => (
          <li key={match.id}>
            <a href={`/disclosure/items/${match.id}`}>{match.title}</a>（{match.unitName}
            {match.indexNumber ? `，索引号 ${match.indexNumber}` : ''}
            {match.publishedOn ? `，${match.publishedOn} 发布` : ''}）
            {match.by === 'number' ? '：申请中写明的文号或索引号与之相同' : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
