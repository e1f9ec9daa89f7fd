// The public list of open 政府信息查阅点, grouped by unit: where and when the public can consult government
// information in person.
import { Layout } from '../../../web/views/Layout.tsx';
import type { OpenQueryPoint } from '../repo.ts';

export function QueryPointsPage({ points }: { points: readonly OpenQueryPoint[] }) {
  const groups: { unitId: number; unitName: string; points: OpenQueryPoint[] }[] = [];
  for (const point of points) {
    const last = groups.at(-1);
    if (last !== undefined && last.unitId === point.unitId) last.points.push(point);
    else groups.push({ unitId: point.unitId, unitName: point.unitName, points: [point] });
  }
  return (
    <Layout title="政府信息查阅点">
      <h1>政府信息查阅点</h1>
      <p>公众可在下列查阅点现场查阅已公开的政府信息。</p>
      {groups.length === 0 ? <p data-testid="no-points">暂无开放的查阅点。</p> : null}
      {groups.map((group) => (
        <section aria-labelledby={`unit-${group.unitId}`} data-unit={group.unitId}>
          <h2 id={`unit-${group.unitId}`}>{group.unitName}</h2>
          <table data-testid={`points-${group.unitId}`}>
            <caption>{group.unitName}的政府信息查阅点</caption>
            <thead>
              <tr>
                <th scope="col">名称</th>
                <th scope="col">地点</th>
                <th scope="col">开放时间</th>
                <th scope="col">设施设备</th>
                <th scope="col">联系电话</th>
              </tr>
            </thead>
            <tbody>
              {group.points.map((point) => (
                <tr data-id={point.id}>
                  <th scope="row">{point.name}</th>
                  <td>{point.location}</td>
                  <td>{point.hours}</td>
                  <td>{point.equipment}</td>
                  <td>{point.phone}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </Layout>
  );
}
