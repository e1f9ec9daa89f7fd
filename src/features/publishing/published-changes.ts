// Changes to a published item: a correction (the old content kept as a version, 更正于 shown for a
// material change) and withdrawal. The 索引号 and the publication date never change; a change that would
// alter a published and locked annual report waits for an unlock (report-lock.ts).
import type { ActingScope } from '../../app-context.ts';
import { Unprocessable } from '../../core/errors.ts';
import { loadDictionaries } from '../checks/service.ts';
import { checkItem } from '../../core/publishing/item-checks.ts';
import { inTransaction } from '../../db/transaction.ts';
import { chinaDate } from '../applications/clock.ts';
import { recordAudit } from '../audit/service.ts';
import { indexItem, removeFromIndex } from '../search/service.ts';
import { imageSourcesOf } from './attachments.ts';
import { listItemAttachments } from './attachments-repo.ts';
import { parseItemForm, type ItemForm } from './form.ts';
import { authorizeItem } from './policy.ts';
import { listSubcategories, lockItem, updateItemContent, updateItemState } from './repo.ts';
import { assertNormativeChangeUnlocked } from './report-lock.ts';
import { audit, keepCurrentVersion, refuseUnlessStatus, requiredReason } from './item-support.ts';

/**
 * Corrects a published item: the old content is kept as a version, the item takes the new content and
 * the next version number. A material change shows “更正于 <date>” (today, set by the system) on the
 * public page. The 索引号 and the publication date never change. The new text must pass the checks.
 */
export async function correctItem(
  scope: ActingScope,
  itemId: number,
  form: ItemForm,
  now = new Date(),
): Promise<void> {
  const { db, dialect } = scope.context.database;
  // Read before the transaction: the dictionaries are cached per database, not per transaction.
  const dictionaries = await loadDictionaries(db, now);
  await inTransaction(db, async (trx) => {
    const item = await lockItem(trx, dialect, itemId);
    authorizeItem(scope.actor, 'manage', item);
    const reason = requiredReason(form.reason, '请填写更正原因', '更正原因');
    const material = form.material === '1' || form.material === 'on';
    refuseUnlessStatus(item, ['published'], '更正');
    const subcategories = await listSubcategories(trx, item.unitId);
    const content = parseItemForm(form, {
      unitKind: item.unitKind,
      subcategories,
      today: chinaDate(now),
      imageSources: imageSourcesOf(item.id, await listItemAttachments(trx, item.id)),
    });
    await assertNormativeChangeUnlocked(
      trx,
      item.unitId,
      item.publishedOn ?? chinaDate(now),
      subcategories,
      item,
      content,
    );
    const errors = checkItem(content, { dictionaries, today: now }).filter(
      (finding) => finding.severity === 'error',
    );
    if (errors.length > 0) {
      throw new Unprocessable(
        `更正后的内容仍有 ${errors.length} 处错误：${errors
          .map((finding) => `“${finding.text}”（${finding.message}）`)
          .join('；')}`,
      );
    }
    await keepCurrentVersion(trx, scope, item, { reason, material }, now);
    await updateItemContent(trx, dialect, item.id, content, now);
    const correctedOn = material ? chinaDate(now) : item.correctedOn;
    await updateItemState(trx, dialect, item.id, { version: item.version + 1, correctedOn }, now);
    await indexItem(trx, dialect, item.id);
    await recordAudit(
      trx,
      audit(scope, 'publishing.correct', item.id, {
        fromVersion: item.version,
        toVersion: item.version + 1,
        material,
        reason,
        correctedOn,
        previousCorrectedOn: item.correctedOn,
        indexNumber: item.indexNumber,
        publishedOn: item.publishedOn,
      }),
      now,
    );
  });
}

/** Takes a published item off the public side, with the reason; the record and its history stay. */
export async function withdrawItem(
  scope: ActingScope,
  itemId: number,
  form: { readonly reason?: unknown },
  now = new Date(),
): Promise<void> {
  const { db, dialect } = scope.context.database;
  await inTransaction(db, async (trx) => {
    const item = await lockItem(trx, dialect, itemId);
    authorizeItem(scope.actor, 'manage', item);
    const reason = requiredReason(form.reason, '请填写撤回原因', '撤回原因');
    refuseUnlessStatus(item, ['published'], '撤回');
    await assertNormativeChangeUnlocked(
      trx,
      item.unitId,
      item.publishedOn ?? chinaDate(now),
      await listSubcategories(trx, item.unitId),
      item,
      null,
    );
    await updateItemState(
      trx,
      dialect,
      item.id,
      { status: 'withdrawn', withdrawnAt: now, withdrawnReason: reason },
      now,
    );
    await removeFromIndex(trx, dialect, item.id);
    await recordAudit(
      trx,
      audit(scope, 'publishing.withdraw', item.id, {
        reason,
        withdrawnOn: chinaDate(now),
        indexNumber: item.indexNumber,
        publishedOn: item.publishedOn,
      }),
      now,
    );
  });
}
