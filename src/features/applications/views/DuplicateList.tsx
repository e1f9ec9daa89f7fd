// A warning list of possible repeated applications (条例第三十六条第（五）项) with links to each: the
// handler compares and decides; nothing is refused because of it.
import type { PossibleDuplicate } from '../duplicates.ts';
import { chineseDate } from './ClockSummary.tsx';

const SAME_BY_LABELS = { phone: '联系电话相同', 'id-number': '证件号码相同' } as const;

export function DuplicateList({ duplicates }: { duplicates: readonly PossibleDuplicate[] }) {
  if (duplicates.length === 0) return null;
  return (
    <section class="warning" aria-labelledby="duplicates-title" data-testid="possible-duplicates">
      <h2 id="duplicates-title">可能重复的申请（{duplicates.length} 件）</h2>
      <p>
        同一申请人在前后一年内提出过内容相近的申请。请核对是否属于重复申请（《中华人民共和国政府信息公开条例》第三十六条第（五）项）；这只是提示，是否重复由办理人判断。
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">查询码</th>
            <th scope="col">受理机关</th>
            <th scope="col">收到申请日期</th>
            <th scope="col">所需信息</th>
            <th scope="col">相同之处</th>
            <th scope="col">内容相似度</th>
          </tr>
        </thead>
        <tbody>
          {duplicates.map((duplicate) => (
            <tr key={duplicate.id} data-duplicate={duplicate.id}>
              <td>
                <a href={`/admin/applications/${duplicate.id}`}>{duplicate.queryCode}</a>
              </td>
              <td>{duplicate.unitName}</td>
              <td>{chineseDate(duplicate.receivedOn)}</td>
              <td>{duplicate.description}</td>
              <td>{duplicate.sameBy.map((by) => SAME_BY_LABELS[by]).join('、')}</td>
              <td class="num">{Math.round(duplicate.similarity * 100)}%</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
