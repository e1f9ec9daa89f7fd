// Letter templates of units: a unit's own text for a kind, else the nearest ancestor's, else the
// default. The disclosure office (政务公开办负责人) over a unit edits its texts; every change is audited
// with the text before and after.
import type { ActingScope } from '../../app-context.ts';
import { NotFound } from '../../core/errors.ts';
import { DEFAULT_TEMPLATES } from '../../core/letters/default-templates.ts';
import { isLetterKind, LETTER_KINDS, type LetterKind } from '../../core/letters/kinds.ts';
import { validateTemplate } from '../../core/letters/template.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import { auditActorOf, recordAudit } from '../audit/service.ts';
import type { TemplateInForce } from './model.ts';
import { authorizeTemplates } from './policy.ts';
import {
  deleteTemplate,
  findIssuingUnit,
  findTemplates,
  findUnitNames,
  saveTemplate,
  type StoredTemplate,
} from './repo.ts';

/** The ids on a unit's materialised path, from the root down to the unit itself. */
function lineOf(unit: { readonly path: string }): number[] {
  return unit.path
    .split('/')
    .filter((part) => part !== '')
    .map(Number);
}

async function inForce(
  db: Executor,
  unit: { readonly id: number; readonly path: string },
  kinds: readonly LetterKind[],
): Promise<TemplateInForce[]> {
  const line = lineOf(unit);
  const stored = await findTemplates(db, line, kinds.length === 1 ? kinds[0] : undefined);
  const nearest = new Map<LetterKind, StoredTemplate>();
  for (const template of stored) {
    const held = nearest.get(template.kind);
    if (held === undefined || line.indexOf(template.unitId) > line.indexOf(held.unitId)) {
      nearest.set(template.kind, template);
    }
  }
  const names = await findUnitNames(
    db,
    [...nearest.values()].map((template) => template.unitId).filter((id) => id !== unit.id),
  );
  return kinds.map((kind): TemplateInForce => {
    const template = nearest.get(kind);
    if (template === undefined) return { kind, body: DEFAULT_TEMPLATES[kind], source: { type: 'default' } };
    if (template.unitId === unit.id) return { kind, body: template.body, source: { type: 'own' } };
    const unitName = names.get(template.unitId) ?? '';
    return { kind, body: template.body, source: { type: 'inherited', unitId: template.unitId, unitName } };
  });
}

/** The template a unit issues letters of `kind` with. */
export async function templateInForce(
  db: Executor,
  unit: { readonly id: number; readonly path: string },
  kind: LetterKind,
): Promise<TemplateInForce> {
  const [template] = await inForce(db, unit, [kind]);
  if (template === undefined) throw new Error(`no template of ${kind}`);
  return template;
}

function kindOf(value: string): LetterKind {
  if (!isLetterKind(value)) throw new NotFound('未找到该文书类型');
  return value;
}

async function templateUnit(db: Executor, scope: ActingScope, unitId: number) {
  const unit = await findIssuingUnit(db, unitId);
  authorizeTemplates(scope.actor, unit);
  return { id: unit.id, name: unit.name, path: unit.path };
}

export interface UnitTemplates {
  readonly unit: { readonly id: number; readonly name: string };
  readonly templates: readonly TemplateInForce[];
}

/** Every kind's text in force for the unit and where it comes from. */
export async function listUnitTemplates(scope: ActingScope, unitId: number): Promise<UnitTemplates> {
  const db = scope.context.database.db;
  const unit = await templateUnit(db, scope, unitId);
  return { unit, templates: await inForce(db, unit, LETTER_KINDS) };
}

export async function getUnitTemplate(
  scope: ActingScope,
  unitId: number,
  kindName: string,
): Promise<UnitTemplates & { readonly template: TemplateInForce }> {
  const kind = kindOf(kindName);
  const db = scope.context.database.db;
  const unit = await templateUnit(db, scope, unitId);
  const template = await templateInForce(db, unit, kind);
  return { unit, templates: [template], template };
}

/** Saves the unit's own text of the kind; an invalid text is refused (Invalid('body')) and nothing changes. */
export async function saveUnitTemplate(
  scope: ActingScope,
  unitId: number,
  kindName: string,
  body: string,
  now = new Date(),
): Promise<void> {
  const kind = kindOf(kindName);
  const { db, dialect } = scope.context.database;
  await inTransaction(db, async (trx) => {
    const unit = await templateUnit(trx, scope, unitId);
    const text = validateTemplate(kind, body);
    const before = await templateInForce(trx, unit, kind);
    const updatedBy = scope.actor.kind === 'staff' ? scope.actor.userId : null;
    await saveTemplate(trx, dialect, { unitId: unit.id, kind, body: text, updatedBy }, now);
    await recordAudit(
      trx,
      {
        actor: auditActorOf(scope.actor),
        address: scope.address,
        action: 'letter-template.update',
        objectType: 'unit',
        objectId: unit.id,
        details: { kind, beforeSource: before.source.type, before: before.body, after: text },
      },
      now,
    );
  });
}

/** Drops the unit's own text of the kind: the inherited (or default) text is in force again. */
export async function resetUnitTemplate(
  scope: ActingScope,
  unitId: number,
  kindName: string,
  now = new Date(),
): Promise<void> {
  const kind = kindOf(kindName);
  await inTransaction(scope.context.database.db, async (trx) => {
    const unit = await templateUnit(trx, scope, unitId);
    const before = await templateInForce(trx, unit, kind);
    if (!(await deleteTemplate(trx, unit.id, kind))) return;
    const after = await templateInForce(trx, unit, kind);
    await recordAudit(
      trx,
      {
        actor: auditActorOf(scope.actor),
        address: scope.address,
        action: 'letter-template.reset',
        objectType: 'unit',
        objectId: unit.id,
        details: { kind, before: before.body, afterSource: after.source.type, after: after.body },
      },
      now,
    );
  });
}
