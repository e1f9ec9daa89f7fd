// The letters a workflow step sends (补正告知书, 征求意见书, 收费通知书, 延期答复告知书, 第三十五条告知书,
// 答复书): issued inside the step's transaction, so a step and its letter exist together or not at all.
import type { PlainDate } from '../../core/calendar/plain-date.ts';
import { issueLetter, type LetterKind } from '../letters/service.ts';
import { openPersonal } from '../privacy/personal-field.ts';
import { actorUserId, appendStep, type Loaded } from './workflow-core.ts';

export interface DecisionFacts {
  readonly outcomeCode: string;
  readonly decidedOn: PlainDate;
  readonly provided?: string | null;
  readonly withheld?: string | null;
  readonly withheldReason?: string | null;
  readonly responsibleAgency?: string | null;
  readonly note?: string | null;
}

export async function issueStepLetter(
  loaded: Loaded,
  kind: LetterKind,
  issuedOn: PlainDate,
  values: Readonly<Record<string, string>>,
  options: { readonly addressee?: string; readonly decision?: DecisionFacts } = {},
): Promise<{ id: number; number: string | null }> {
  const { scope, application } = loaded;
  const addressee = options.addressee ?? openPersonal(scope.context.keys, application.sealed.applicantName);
  const letter = await issueLetter(
    loaded.trx,
    scope.context,
    {
      applicationId: application.id,
      unitId: application.unitId,
      kind,
      issuedOn,
      issuedBy: actorUserId(scope),
      facts: {
        addressee,
        queryCode: application.queryCode,
        receivedOn: application.receivedOn,
        request: application.request.description,
        values,
        ...(options.decision ? { decision: options.decision } : {}),
      },
    },
    loaded.now,
  );
  await appendStep(loaded, {
    type: 'letter_issued',
    date: issuedOn,
    ref: String(letter.id),
    details: { kind, number: letter.number, title: letter.title },
  });
  return { id: letter.id, number: letter.number };
}
