// The disclosure office's page of a unit's review chain (三校三审): one select per position, in order.
import type { StaffActor } from '../../accounts/model.ts';
import { AdminLayout, CsrfField } from '../../../web/views/admin/AdminLayout.tsx';
import { REVIEW_STAGES, REVIEW_STAGE_LABELS } from '../../../core/publishing/review-chain.ts';
import { FormError, type FormProblem } from './AdminPages.tsx';

/** Positions offered: every stage at most once. */
export const CHAIN_POSITIONS = REVIEW_STAGES.length;

export function ReviewChainPage({
  actor,
  csrfToken,
  chain,
  values,
  error,
}: {
  actor: StaffActor;
  csrfToken: string;
  chain: { unitId: number; unitName: string; stages: readonly string[]; isDefault: boolean };
  /** The stages as typed, when the form came back refused. */
  values?: readonly string[];
  error?: FormProblem;
}) {
  const shown = values ?? chain.stages;
  return (
    <AdminLayout title="审核流程" actor={actor} csrfToken={csrfToken}>
      <h1>审核流程（{chain.unitName}）</h1>
      <p data-testid="current-chain">
        当前流程：
        {chain.stages
          .map((stage) => REVIEW_STAGE_LABELS[stage as keyof typeof REVIEW_STAGE_LABELS])
          .join(' → ')}
        {chain.isDefault ? '（系统默认）' : ''}
      </p>
      <p class="muted">
        修改只影响此后送审的信息；审核中的信息按送审时的流程进行。流程必须包含保密审查（条例第十七条）。
      </p>
      <form method="post" action={`/admin/units/${chain.unitId}/review-chain`}>
        <CsrfField token={csrfToken} />
        <FormError error={error} />
        {Array.from({ length: CHAIN_POSITIONS }, (_, index) => (
          <p key={index}>
            <label for={`f-stage${index + 1}`}>第 {index + 1} 个环节</label>{' '}
            <select id={`f-stage${index + 1}`} name={`stage${index + 1}`}>
              <option value="">（不设）</option>
              {REVIEW_STAGES.map((stage) => (
                <option key={stage} value={stage} selected={shown[index] === stage}>
                  {REVIEW_STAGE_LABELS[stage]}
                </option>
              ))}
            </select>
          </p>
        ))}
        <button type="submit">保存审核流程</button>
      </form>
    </AdminLayout>
  );
}
