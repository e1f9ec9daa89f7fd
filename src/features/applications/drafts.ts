// 《政府信息公开条例》第四十四条: information that applicants ask for and that may be disclosed can be
// moved into proactive disclosure. A handler turns a decided application whose answer disclosed the
// information (in whole or in part) into a draft item for the editors; the draft carries the request and
// what was provided, never anything about the applicant.
import type { ActingScope } from '../../app-context.ts';
import { findOutcome, type OutcomeGroup } from '../../core/disclosure/outcomes.ts';
import { Conflict, Unprocessable } from '../../core/errors.ts';
import { inTransaction } from '../../db/transaction.ts';
import { auditActorOf, recordAudit } from '../audit/service.ts';
import { authorizeDraftFromApplication, authorizeDraftList, draftScopes } from './drafts-policy.ts';
import {
  findDraftOfApplication,
  findDraftSource,
  insertDraftFromApplication,
  listDrafts,
  type DraftSource,
} from './drafts-repo.ts';
import type { RequestedInformation } from './model.ts';
import { canReadApplication } from './policy.ts';

/** The outcome groups whose information was (at least partly) disclosed and so may become a draft. */
export const DRAFTABLE_GROUPS: readonly OutcomeGroup[] = ['予以公开', '部分公开'];

const TITLE_LENGTH = 60;

/** The request's title, or else the first line of its description, shortened for a title. */
export function draftTitleOf(request: RequestedInformation): string {
  const title = request.title?.trim() ?? '';
  if (title !== '') return title;
  const line = request.description.trim().split(/\r?\n/)[0]?.trim() ?? '';
  const chars = Array.from(line);
  return chars.length > TITLE_LENGTH ? `${chars.slice(0, TITLE_LENGTH).join('')}…` : line;
}

/** The draft's text: the request, the decision and what was provided, nothing about the applicant. */
export function draftBodyOf(source: DraftSource, outcomeLabel: string): string {
  const { request } = source;
  const lines: [string, string | null][] = [
    ['所需政府信息', request.description.trim()],
    ['信息名称', request.title],
    ['文号', request.documentNumber],
    ['索引号', request.indexNumber],
    ['答复结果', `${outcomeLabel}（${source.closedOn ?? ''}）`],
    ['已提供的信息', source.provided],
  ];
  return lines
    .filter((line): line is [string, string] => line[1] !== null && line[1].trim() !== '')
    .map(([label, value]) => `${label}：${value.trim()}`)
    .join('\n');
}

/** Why an application cannot become a draft, or null when it can. */
function refusalOf(source: DraftSource): string | null {
  const outcome = source.outcome === null ? undefined : findOutcome(source.outcome);
  if (source.status !== 'closed' || outcome === undefined) {
    return '该申请尚未作出答复决定，不能转为主动公开草稿';
  }
  if (!DRAFTABLE_GROUPS.includes(outcome.group)) {
    return `该申请的办理结果为“${outcome.label}”；只有予以公开或部分公开的信息才能转为主动公开草稿（《中华人民共和国政府信息公开条例》第四十四条）`;
  }
  return null;
}

/** Whether an application's outcome lets it become a draft (for showing the button). */
export function isDraftable(application: {
  readonly status: string;
  readonly outcome: string | null;
}): boolean {
  const outcome = application.outcome === null ? undefined : findOutcome(application.outcome);
  return application.status === 'closed' && outcome !== undefined && DRAFTABLE_GROUPS.includes(outcome.group);
}

/** Turns a decided application into a draft proactive-disclosure item; returns the draft's id. */
export async function createDraftFromApplication(
  scope: ActingScope,
  applicationId: number,
  now = new Date(),
): Promise<number> {
  const { db, dialect } = scope.context.database;
  return inTransaction(db, async (trx) => {
    const source = await findDraftSource(trx, applicationId);
    authorizeDraftFromApplication(scope.actor, source);
    const refusal = refusalOf(source);
    if (refusal !== null) throw new Unprocessable(refusal);
    const existing = await findDraftOfApplication(trx, applicationId);
    const conflict = (id: number | null) =>
      new Conflict(`该申请已转为主动公开草稿${id === null ? '' : `（草稿 ${id}）`}，不能重复生成`);
    if (existing !== null) throw conflict(existing);
    const outcomeLabel = findOutcome(source.outcome ?? '')?.label ?? '';
    const id = await insertDraftFromApplication(
      trx,
      dialect,
      {
        unitId: source.unitId,
        applicationId,
        title: draftTitleOf(source.request),
        body: draftBodyOf(source, outcomeLabel),
        createdBy: scope.actor.kind === 'staff' ? scope.actor.userId : null,
      },
      now,
    );
    // Another handler's draft committed between the check and the insert.
    if (id === null) throw conflict(null);
    await recordAudit(
      trx,
      {
        actor: auditActorOf(scope.actor),
        address: scope.address,
        action: 'disclosure_draft.create',
        objectType: 'disclosure_draft',
        objectId: id,
        details: {
          origin: 'from_application',
          applicationId,
          unitId: source.unitId,
          outcome: source.outcome,
        },
      },
      now,
    );
    return id;
  });
}

/** A draft as the list shows it. */
export interface DisclosureDraft {
  readonly id: number;
  readonly unitName: string;
  readonly title: string;
  readonly body: string;
  readonly status: string;
  readonly fromApplication: boolean;
  /** The application it came from, when the reader may see that application. */
  readonly application: { readonly id: number; readonly queryCode: string } | null;
  readonly createdAt: Date;
  /** The proactive-disclosure item made from it (publishing), once one was. */
  readonly item: { readonly id: number; readonly published: boolean } | null;
  readonly unitId: number;
}

/** The drafts of the units where the actor edits, supervises or handles applications. */
export async function listDisclosureDrafts(scope: ActingScope): Promise<DisclosureDraft[]> {
  authorizeDraftList(scope.actor);
  const drafts = await listDrafts(scope.context.database.db, draftScopes(scope.actor));
  return drafts.map((draft) => ({
    id: draft.id,
    unitName: draft.unitName,
    title: draft.title,
    body: draft.body,
    status: draft.status,
    fromApplication: draft.origin === 'from_application',
    application:
      draft.applicationId !== null &&
      draft.queryCode !== null &&
      draft.applicationUnitPath !== null &&
      canReadApplication(scope.actor, { unitPath: draft.applicationUnitPath })
        ? { id: draft.applicationId, queryCode: draft.queryCode }
        : null,
    createdAt: draft.createdAt,
    unitId: draft.unitId,
    item: draft.itemId === null ? null : { id: draft.itemId, published: draft.itemStatus === 'published' },
  }));
}
