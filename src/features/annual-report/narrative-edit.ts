// Narrative sections 一, 五 and 六 edited in the back office, starting from the compiled draft. Each save is
// kept; the latest save of a section is the text in force, used by the report page and by publication.
// The quoted numbers are checked against the tables by the report's own checks, and a section nearly
// identical to the one published for the year before is warned about (内容雷同).
import type { ActingScope } from '../../app-context.ts';
import { Invalid } from '../../core/errors.ts';
import { checkReport } from '../../core/report/checks/index.ts';
import { reportFromInterchange } from '../../core/report/interchange.ts';
import { narrativeSimilarity, NEAR_IDENTICAL_THRESHOLD } from '../../core/report/narrative-similarity.ts';
import type { SectionId } from '../../core/report/format.ts';
import { inTransaction } from '../../db/transaction.ts';
import { auditActorOf, recordAudit } from '../audit/service.ts';
import { compileAnnualReport, type CompileRequest, type CompiledReport } from './compile.ts';
import { assertUnlocked } from './lock.ts';
import { insertNarrative, listNarratives, type SavedNarrative } from './narrative-repo.ts';
import { authorizePublishReport } from './publish-policy.ts';
import { findReportJson, findReportUnit } from './publish-repo.ts';

export const EDITABLE_SECTIONS = ['一', '五', '六'] as const;
export type EditableSection = (typeof EDITABLE_SECTIONS)[number];
const MAX_SECTION_LENGTH = 20_000;

export function isEditableSection(value: unknown): value is EditableSection {
  return (EDITABLE_SECTIONS as readonly unknown[]).includes(value);
}

export interface SimilarityWarning {
  readonly section: EditableSection;
  /** Similarity to the section of the latest published report of the year before, 0–1. */
  readonly score: number;
}

export interface EditedReport {
  /** The compiled report with the edited sections in place and the findings re-run on them. */
  readonly compiled: CompiledReport;
  /** The drafts the system wrote from the facts. */
  readonly drafts: Partial<Record<SectionId, string>>;
  /** The latest save of each edited section. */
  readonly edited: Partial<Record<EditableSection, SavedNarrative>>;
  /** Every save, oldest first. */
  readonly history: readonly SavedNarrative[];
  readonly similarity: readonly SimilarityWarning[];
}

/** Compiles the report and puts the edited narrative in place of the drafts. */
export async function compileWithNarratives(
  scope: ActingScope,
  request: CompileRequest,
): Promise<EditedReport> {
  const compiled = await compileAnnualReport(scope, request);
  const db = scope.context.database.db;
  const history = await listNarratives(db, request.unitId, request.year);
  const edited: Partial<Record<EditableSection, SavedNarrative>> = {};
  for (const save of history) if (isEditableSection(save.section)) edited[save.section] = save;
  const drafts = compiled.report.sections ?? {};
  const sections: Partial<Record<SectionId, string>> = { ...drafts };
  for (const section of EDITABLE_SECTIONS) {
    const text = edited[section]?.body;
    if (text !== undefined) sections[section] = text;
  }
  const report = { ...compiled.report, sections };
  const findings = checkReport({ ...report, findings: [] });

  const similarity: SimilarityWarning[] = [];
  const previous = await findReportJson(db, request.unitId, request.year - 1, null);
  if (previous !== null) {
    const before = reportFromInterchange(JSON.parse(previous.reportJson)).sections ?? {};
    for (const section of EDITABLE_SECTIONS) {
      const now = sections[section];
      const then = before[section];
      if (now === undefined || then === undefined) continue;
      const score = narrativeSimilarity(now, then);
      if (score >= NEAR_IDENTICAL_THRESHOLD) similarity.push({ section, score });
    }
  }
  return {
    compiled: { ...compiled, report: { ...report, findings }, findings },
    drafts,
    edited,
    history,
    similarity,
  };
}

export interface NarrativeSave {
  readonly unitId: number;
  readonly year: number;
  readonly section: string;
  readonly body: string;
}

/** Saves an edited section (the disclosure office of the unit or above); refused in a locked year. */
export async function saveNarrative(
  scope: ActingScope,
  request: NarrativeSave,
  now = new Date(),
): Promise<number> {
  const { db, dialect } = scope.context.database;
  return inTransaction(db, async (trx) => {
    const unit = await findReportUnit(trx, request.unitId);
    authorizePublishReport(scope.actor, unit);
    const { year, section } = request;
    if (!Number.isSafeInteger(year) || year < 2021 || year > 2100) {
      throw new Invalid('year', '年度须为 2021 年至 2100 年之间的年份');
    }
    if (!isEditableSection(section)) {
      throw new Invalid(
        'section',
        '只能编辑正文第一、五、六部分（总体情况、存在的主要问题及改进情况、其他需要报告的事项）',
      );
    }
    const body = request.body.replace(/\r\n?/g, '\n').trim();
    if (body === '') throw new Invalid('body', '正文不能为空');
    if (body.length > MAX_SECTION_LENGTH) {
      throw new Invalid('body', `正文不能超过 ${MAX_SECTION_LENGTH} 个字`);
    }
    await assertUnlocked(trx, [unit.id], [{ from: year, to: year }]);
    const actor = auditActorOf(scope.actor);
    const id = await insertNarrative(
      trx,
      dialect,
      { unitId: unit.id, year, section, body, savedBy: actor.id },
      now,
    );
    await recordAudit(
      trx,
      {
        actor,
        address: scope.address,
        action: 'annual_report.narrative.save',
        objectType: 'annual_report_narrative',
        objectId: id,
        details: { unitId: unit.id, year, section, length: body.length },
      },
      now,
    );
    return id;
  });
}
