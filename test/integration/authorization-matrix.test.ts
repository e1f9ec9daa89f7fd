// Every back-office route and API endpoint (read from the router) against every role, in the user's
// own unit, a sub-unit and an unrelated unit: allowed, or answered exactly like a missing record (404).
// A route without a row here fails the test, so new routes cannot skip the matrix.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/core/access/roles.ts';
import { createUser } from '../../src/features/accounts/service.ts';
import { submitApplication } from '../../src/features/applications/registration-online.ts';
import { submitOnlineApplication } from '../../src/features/applications/service.ts';
import { requestCohandling } from '../../src/features/applications/workflow.ts';
import { createItem } from '../../src/features/publishing/service.ts';
import { addItemAttachment } from '../../src/features/publishing/attachments.ts';
import { insertImport } from '../../src/features/publishing/import-repo.ts';
import { addChannel, recordAccountEvent } from '../../src/features/channels/service.ts';
import { checkEventDocument } from '../../src/features/channels/documents.ts';
import { openCorrectionTask } from '../../src/features/corrections/service.ts';
import { chinaDate } from '../../src/features/applications/clock.ts';
import { DEFAULT_TEMPLATES } from '../../src/core/letters/default-templates.ts';
import { issueLetter } from '../../src/features/letters/service.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { createApp } from '../../src/web/app.ts';
import { operatorScope } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { tinyPng } from '../support/files.ts';
import { multipartBody } from '../support/multipart.ts';
import { form, signInOverHttp, type SignedIn } from '../support/staff-session.ts';

type Place = 'own' | 'sub' | 'unrelated';

type Expectation = (role: Role, place: Place) => boolean;

const everyone: Expectation = () => true;
const inScope: Expectation = (_role, place) => place !== 'unrelated';
const auditorOnly: Expectation = (role) => role === 'security-auditor';
// The working-day calendar belongs to the system administrators of a top-level unit; the administrator
// here holds the role in the district below the city, so every role is refused (test/integration/
// calendar.test.ts covers the allowed side).
const installationAdmin: Expectation = () => false;
const adminInScope: Expectation = (role, place) => role === 'system-admin' && place !== 'unrelated';
const handlesApplications = (role: Role) => role === 'handler' || role === 'supervisor' || role === 'leader';
const supervisorInScope: Expectation = (role, place) => role === 'supervisor' && place !== 'unrelated';
const handlesInScope: Expectation = (role, place) =>
  (role === 'handler' || role === 'supervisor') && place !== 'unrelated';
const approvesInScope: Expectation = (role, place) =>
  (role === 'supervisor' || role === 'leader') && place !== 'unrelated';
const PUBLISHING_READERS: readonly Role[] = ['editor', 'reviewer', 'leader', 'supervisor'];
const editsInScope: Expectation = (role, place) => role === 'editor' && place !== 'unrelated';
const reviewsInScope: Expectation = (role, place) =>
  (role === 'reviewer' || role === 'leader') && place !== 'unrelated';
const managesInScope: Expectation = (role, place) =>
  (role === 'editor' || role === 'supervisor') && place !== 'unrelated';
const RECORD_READERS: readonly Role[] = ['supervisor', 'editor', 'leader'];
const readsRecordsInScope: Expectation = (role, place) =>
  RECORD_READERS.includes(role) && place !== 'unrelated';
const keepsRecordsInScope: Expectation = (role, place) =>
  (role === 'supervisor' || role === 'editor') && place !== 'unrelated';
/** The acts on an application that its handlers and the disclosure office do. */
const HANDLING_ACTS = [
  'transfer',
  'return',
  'cohandling',
  'legal-consultation',
  'correction-request',
  'corrected',
  'consultation-start',
  'consultation-end',
  'fee-notice',
  'fee-paid',
  'reasons-request',
  'decision',
] as const;

/** The open routes (public pages, API, sign-in) are not part of the staff matrix. */
const PUBLIC =
  /^(\/$|\/healthz|\/display$|\/disclosure(\/|$)|\/assets\/|\/docs|\/report-check|\/apply(\/status|\/guide)?$|\/apply\/letters\/:token(\/docx)?$|\/api\/v1\/report-checks|\/admin\/(login|logout|logout-everywhere|second-factor|totp|password|setup\/:token)$)/;

const MATRIX: Readonly<Record<string, Expectation>> = {
  'GET /admin': everyone,
  'GET /admin/units': everyone,
  'GET /admin/units/:id': inScope,
  'POST /admin/units/:id/children': adminInScope,
  // Before the renaming below: the CSV names the parent by its name.
  'POST /admin/units/import': (role) => role === 'system-admin',
  'POST /admin/units/:id': adminInScope,
  // The form names the new parent: the own unit for the sub-unit; a unit out of reach otherwise.
  'POST /admin/units/:id/move': (role, place) => role === 'system-admin' && place === 'sub',
  'GET /admin/audit': auditorOnly,
  'GET /admin/audit/export.csv': auditorOnly,
  'GET /admin/users': (role) => role === 'system-admin',
  'POST /admin/users': adminInScope,
  'GET /admin/users/:id': adminInScope,
  'POST /admin/users/:id/reveal': adminInScope,
  'GET /admin/applications': handlesApplications,
  'GET /admin/applications/:id': (role, place) => handlesApplications(role) && place !== 'unrelated',
  // Registration of applications received by other channels: the unit is named in the form.
  'GET /admin/applications/new': (role) => role === 'handler' || role === 'supervisor',
  'POST /admin/applications/new': handlesInScope,
  'GET /admin/applications/:id/duplicates': (role, place) =>
    handlesApplications(role) && place !== 'unrelated',
  'GET /admin/applications/:id/attachments/:attachmentId': (role, place) =>
    handlesApplications(role) && place !== 'unrelated',
  'GET /admin/worklist': handlesApplications,
  ...Object.fromEntries(HANDLING_ACTS.map((act) => [`POST /admin/applications/:id/${act}`, handlesInScope])),
  'POST /admin/applications/:id/assign': (role, place) => handlesApplications(role) && place !== 'unrelated',
  'POST /admin/applications/:id/extension': approvesInScope,
  'POST /admin/applications/:id/deadline': approvesInScope,
  'GET /admin/cohandling': (role) => role === 'handler' || role === 'supervisor',
  'GET /admin/units/:id/annual-report': approvesInScope,
  'POST /admin/units/:id/annual-report/publish': supervisorInScope,
  'POST /admin/units/:id/annual-report/unlock': supervisorInScope,
  'POST /admin/units/:id/annual-report/narrative': supervisorInScope,
  'GET /admin/units/:id/annual-report/deadlines': supervisorInScope,
  'GET /admin/units/:id/report-rollup': approvesInScope,
  'GET /admin/units/:id/report-rollup/xlsx': approvesInScope,
  'POST /admin/units/:id/report-rollup/import': supervisorInScope,
  'POST /admin/cohandling/:id/reply': handlesInScope,
  'POST /admin/applications/:id/disclosure-draft': (role, place) =>
    (role === 'handler' || role === 'supervisor') && place !== 'unrelated',
  'GET /admin/disclosure-drafts': (role) => role === 'editor' || role === 'supervisor' || role === 'handler',
  'GET /admin/calendar': installationAdmin,
  'POST /admin/calendar/days': installationAdmin,
  'POST /admin/calendar/days/remove': installationAdmin,
  'POST /admin/calendar/years': installationAdmin,
  'POST /admin/calendar/years/withdraw': installationAdmin,
  'GET /admin/applications/:id/letters/:letterId': (role, place) =>
    handlesApplications(role) && place !== 'unrelated',
  'GET /admin/applications/:id/letters/:letterId/docx': (role, place) =>
    handlesApplications(role) && place !== 'unrelated',
  'POST /admin/applications/:id/letters/:letterId/delivery': handlesInScope,
  'GET /admin/units/:id/letter-templates': supervisorInScope,
  'GET /admin/units/:id/letter-templates/:kind': supervisorInScope,
  'POST /admin/units/:id/letter-templates/:kind': supervisorInScope,
  'POST /admin/units/:id/letter-templates/:kind/reset': supervisorInScope,
  'GET /admin/publishing': (role) => PUBLISHING_READERS.includes(role),
  'GET /admin/publishing/units/:id/new': editsInScope,
  'POST /admin/publishing/units/:id/items': editsInScope,
  'GET /admin/publishing/items/:id': (role, place) =>
    PUBLISHING_READERS.includes(role) && place !== 'unrelated',
  'POST /admin/publishing/items/:id': editsInScope,
  'POST /admin/publishing/items/:id/submit': editsInScope,
  'POST /admin/publishing/items/:id/assign': (role, place) =>
    (role === 'reviewer' || role === 'supervisor') && place !== 'unrelated',
  'POST /admin/publishing/items/:id/decision': reviewsInScope,
  'POST /admin/publishing/items/:id/override': reviewsInScope,
  'POST /admin/publishing/items/:id/correct': managesInScope,
  'POST /admin/publishing/items/:id/withdraw': managesInScope,
  'POST /admin/publishing/items/:id/attachments': editsInScope,
  'POST /admin/publishing/items/:id/attachments/:attachmentId/remove': editsInScope,
  'GET /admin/publishing/items/:id/attachments/:attachmentId': (role, place) =>
    PUBLISHING_READERS.includes(role) && place !== 'unrelated',
  'GET /admin/units/:id/review-chain': supervisorInScope,
  'GET /admin/publishing/units/:id/imports/new': managesInScope,
  'POST /admin/publishing/units/:id/imports': managesInScope,
  'GET /admin/publishing/units/:id/imports/:importId': managesInScope,
  'POST /admin/units/:id/review-chain': supervisorInScope,
  'GET /admin/corrections': (role) => role === 'editor' || role === 'supervisor',
  'GET /admin/corrections/:id': managesInScope,
  'POST /admin/corrections/:id/triage': managesInScope,
  'POST /admin/corrections/:id/fix': managesInScope,
  'POST /admin/corrections/:id/reply': managesInScope,
  'POST /admin/corrections/:id/reveal': managesInScope,
  // The check dictionaries belong to the installation, like the calendar: test/integration/dictionaries.test.ts
  // covers the allowed side.
  'GET /admin/dictionaries': installationAdmin,
  'GET /admin/dictionaries/export.csv': installationAdmin,
  'POST /admin/dictionaries/entries': installationAdmin,
  'GET /admin/dictionaries/entries/:id': installationAdmin,
  'POST /admin/dictionaries/entries/:id': installationAdmin,
  'POST /admin/dictionaries/entries/:id/delete': installationAdmin,
  'POST /admin/dictionaries/import': installationAdmin,
  'POST /admin/dictionaries/import/confirm': installationAdmin,
  // The internal scans cover every unit's items: test/integration/scans.test.ts
  'GET /admin/scans': installationAdmin,
  // The freshness monitor: editors, leaders and the disclosure office; only the office sets a column's kind.
  'GET /admin/freshness': (role) => role === 'editor' || role === 'leader' || role === 'supervisor',
  'GET /admin/units/:id/freshness': (role, place) =>
    (role === 'editor' || role === 'leader' || role === 'supervisor') && place !== 'unrelated',
  'POST /admin/units/:id/freshness/kind': supervisorInScope,
  'GET /admin/channels': (role) => role === 'editor' || role === 'supervisor',
  'GET /admin/channels/units/:id': managesInScope,
  'POST /admin/channels/units/:id': managesInScope,
  'POST /admin/channels/units/:id/import': managesInScope,
  'POST /admin/channels/:id': managesInScope,
  'POST /admin/channels/:id/publications': managesInScope,
  'POST /admin/channels/:id/events': managesInScope,
  'GET /admin/channels/events/:id/document': managesInScope,
  'GET /admin/channels/units/:id/activity': managesInScope,
  'GET /admin/dashboard': (role) =>
    role === 'editor' || role === 'handler' || role === 'supervisor' || role === 'leader',
  'GET /admin/records': (role) => RECORD_READERS.includes(role),
  'GET /admin/records/units/:id': readsRecordsInScope,
  'GET /admin/records/units/:id/documents': readsRecordsInScope,
  'GET /admin/records/units/:id/statistics': readsRecordsInScope,
  'GET /admin/records/units/:id/cases': readsRecordsInScope,
  'POST /admin/records/units/:id/documents': keepsRecordsInScope,
  'POST /admin/records/units/:id/statistics': keepsRecordsInScope,
  'POST /admin/records/units/:id/cases': keepsRecordsInScope,
  'POST /admin/records/units/:id/documents/import': keepsRecordsInScope,
  'POST /admin/records/units/:id/statistics/import': keepsRecordsInScope,
  'POST /admin/records/units/:id/cases/import': keepsRecordsInScope,
  'GET /admin/supervision': (role) => RECORD_READERS.includes(role),
  'GET /admin/supervision/units/:id/trainings': readsRecordsInScope,
  'GET /admin/supervision/units/:id/query-points': readsRecordsInScope,
  'GET /admin/supervision/units/:id/guides': readsRecordsInScope,
  'POST /admin/supervision/units/:id/trainings': keepsRecordsInScope,
  'POST /admin/supervision/units/:id/query-points': keepsRecordsInScope,
  'POST /admin/supervision/units/:id/guides': keepsRecordsInScope,
  'GET /admin/assessment': (role) => role === 'supervisor' || role === 'leader',
  'GET /admin/assessment/units/:id': approvesInScope,
  'GET /admin/assessment/units/:id/rules': approvesInScope,
  'GET /admin/assessment/units/:id/score': approvesInScope,
  'GET /admin/assessment/units/:id/ranking.xlsx': approvesInScope,
  'GET /admin/assessment/units/:id/notice.docx': approvesInScope,
  'POST /admin/assessment/units/:id/rules': supervisorInScope,
  'POST /admin/assessment/units/:id/runs': supervisorInScope,
  // Last: it changes the accounts the rows above look at.
  'POST /admin/users/:id/disable': adminInScope,
};

/** Routes whose place is given in the form rather than in the path. */
const PLACE_IN_FORM = new Set(['POST /admin/users', 'POST /admin/applications/new']);

/**
 * Answers that show the policy let a request through and the record's state refused it. The applications
 * here are undecided, so turning one into an Art. 44 draft is refused (422; 409 once one is drafted).
 */
const REFUSED_BY_STATE: Readonly<Record<string, readonly number[]>> = {
  'POST /admin/applications/:id/disclosure-draft': [409, 422],
  // The workflow acts get empty forms here (400 naming the field) or meet a state that refuses them (409):
  // the matrix checks the policy only; test/integration/application-workflow.test.ts checks the acts.
  ...Object.fromEntries(
    [...HANDLING_ACTS, 'assign', 'extension', 'deadline'].map((act) => [
      `POST /admin/applications/:id/${act}`,
      [400, 409],
    ]),
  ),
  'POST /admin/cohandling/:id/reply': [400, 409],
  // A letter's delivery is recorded once: the second allowed role meets the recorded delivery.
  'POST /admin/applications/:id/letters/:letterId/delivery': [409],
  // Publishing acts get empty forms (400) or meet a state that refuses them (409; 422 for a stage the
  // role may not decide): test/integration/publishing.test.ts checks the acts themselves.
  'POST /admin/publishing/units/:id/items': [400],
  'POST /admin/publishing/items/:id': [400, 409],
  'POST /admin/publishing/items/:id/submit': [409],
  'POST /admin/publishing/items/:id/assign': [400, 409],
  'POST /admin/publishing/items/:id/decision': [400, 409, 422],
  'POST /admin/publishing/items/:id/override': [400, 409],
  'POST /admin/publishing/items/:id/correct': [400, 409],
  'POST /admin/publishing/items/:id/withdraw': [400, 409],
  // Item files: the upload gets a plain form, no file (400): test/integration/publishing-rich.test.ts
  // uploads real ones. An empty chain is refused (400) after the policy let the request through.
  'POST /admin/publishing/items/:id/attachments': [400],
  'POST /admin/publishing/items/:id/attachments/:attachmentId/remove': [409],
  // The import upload gets a plain form, no file (400): test/integration/publishing-import.test.ts
  'POST /admin/publishing/units/:id/imports': [400],
  'POST /admin/units/:id/review-chain': [400],
  // The import routes get a plain form here instead of a file (400): test/integration/records.test.ts
  // imports real CSV and XLSX files.
  'POST /admin/records/units/:id/documents/import': [400],
  'POST /admin/records/units/:id/statistics/import': [400],
  'POST /admin/records/units/:id/cases/import': [400],
  // Corrections: the first allowed role closes the task with its reply; later ones meet a closed task (409).
  'POST /admin/corrections/:id/triage': [409],
  'POST /admin/corrections/:id/fix': [409],
  'POST /admin/corrections/:id/reply': [409],
  // The matrix's units keep no records, so their reports have errors and are not published (422):
  // test/integration/annual-report-publish.test.ts publishes a clean one.
  'POST /admin/units/:id/annual-report/publish': [422],
  // Nothing is published here, so there is no lock to lift (409): annual-report-lock.test.ts unlocks one.
  'POST /admin/units/:id/annual-report/unlock': [409],
  // Rollups: the import gets a plain form, no report file (400): test/integration/annual-report-rollup.test.ts
  // imports the reference report.
  'POST /admin/units/:id/report-rollup/import': [400],
  // Channels: the import gets no file (400): test/integration/channels.test.ts checks the imports.
  'POST /admin/channels/units/:id/import': [400],
  // Assessment: a unit whose rules were not saved yet cannot be computed (422):
  // test/integration/assessment.test.ts saves rules and computes.
  'POST /admin/assessment/units/:id/runs': [422],
};

describe(`authorisation matrix on ${testDialect}`, () => {
  let context: TestContext;
  let app: FastifyInstance;
  const units: Partial<Record<Place, Unit>> = {};
  /** Accounts holding a role in each place, the targets of the /admin/users/:id routes. */
  const targets: Partial<Record<Place, number>> = {};
  /** An application received by each place, the targets of the /admin/applications/:id route. */
  const applications: Partial<Record<Place, number>> = {};
  /** A co-handling task asked of each place, the targets of the /admin/cohandling/:id routes. */
  const tasks: Partial<Record<Place, number>> = {};
  /** A draft proactive-disclosure item of each place, the targets of the /admin/publishing/items/:id routes. */
  const items: Partial<Record<Place, number>> = {};
  /** A file of each place's item, the target of the item attachment routes. */
  const itemFiles: Partial<Record<Place, number>> = {};
  /** An import of items into each place, the target of the import progress page. */
  const imports: Partial<Record<Place, number>> = {};
  /** A letter of each place's application, the targets of the /admin/applications/:id/letters routes. */
  const letters: Partial<Record<Place, number>> = {};
  /** A correction task and a channel of each place, the targets of /admin/corrections/:id and /admin/channels/:id. */
  const corrections: Partial<Record<Place, number>> = {};
  const channels: Partial<Record<Place, number>> = {};
  /** A new-media account of each place and an event of it with a document. */
  const accounts: Partial<Record<Place, number>> = {};
  const accountEvents: Partial<Record<Place, number>> = {};
  /** An application with a file in each place, the targets of the attachment download route. */
  const filed: Partial<Record<Place, { applicationId: number; attachmentId: number }>> = {};
  let created = 0;
  let city: Unit | undefined;

  async function importAs(session: SignedIn | undefined, role: Role) {
    const csv = `单位名称,单位类型,上级单位\n${role}导入单位,other,${units.own?.name ?? ''}\n`;
    const { body, contentType } = multipartBody([
      { name: 'file', fileName: 'units.csv', data: Buffer.from(csv) },
    ]);
    return app.inject({
      method: 'POST',
      url: `/admin/units/import?_csrf=${encodeURIComponent(session?.csrf ?? '')}`,
      headers: { cookie: session?.cookie ?? '', 'content-type': contentType },
      payload: body,
    });
  }

  function payloadFor(route: string, role: Role, place: Place): Record<string, string> {
    switch (route) {
      case 'POST /admin/units/:id/children':
        return { name: `新单位${role}${place}`, kind: 'other' };
      case 'POST /admin/users':
        created += 1;
        return {
          username: `new-${created}`,
          displayName: `新用户${created}`,
          password: 'Tz8&river-Pine-2026',
          unitId: String(units[place]?.id),
          role: 'editor',
        };
      case 'POST /admin/units/:id':
        return {
          name: `${place}单位（改）`,
          kind: place === 'own' ? 'county' : place === 'sub' ? 'department' : 'city',
        };
      case 'POST /admin/units/:id/move':
        return { parentId: String(place === 'sub' ? units.own?.id : city?.id) };
      case 'POST /admin/calendar/days':
        return { date: '2026-10-09', kind: 'holiday', notice: '国办发明电〔2026〕1号' };
      case 'POST /admin/calendar/days/remove':
        return { date: '2026-10-09' };
      case 'POST /admin/calendar/years':
        return { year: '2027', notice: '国办发明电〔2026〕2号' };
      case 'POST /admin/calendar/years/withdraw':
        return { year: '2027' };
      case 'POST /admin/applications/:id/letters/:letterId/delivery':
        return { deliveredOn: chinaDate(new Date()), method: '邮寄' };
      case 'POST /admin/units/:id/letter-templates/:kind':
        return { body: DEFAULT_TEMPLATES.decision };
      case 'POST /admin/corrections/:id/fix':
        return { fixNote: '已更正链接' };
      case 'POST /admin/corrections/:id/reply':
        return { outcome: 'replied', reply: '已更正，感谢指正' };
      case 'POST /admin/corrections/:id/reveal':
        return { reason: '核实纠错内容' };
      case 'POST /admin/dictionaries/entries':
      case 'POST /admin/dictionaries/entries/:id':
        return { term: '示例错词', category: 'typo' };
      case 'POST /admin/units/:id/freshness/kind':
        return { column: 'sub:guide', kind: 'news' };
      case 'POST /admin/channels/units/:id':
        return { kind: 'new-media', platform: 'other', name: `${role}账号` };
      case 'POST /admin/channels/:id':
        return { kind: 'traditional', name: `${place}日报（${role}）` };
      case 'POST /admin/channels/:id/events':
        return { kind: 'changed', occurredOn: chinaDate(new Date()), note: `名称变更（${role}）` };
      case 'POST /admin/channels/:id/publications':
        return { publishedOn: '2026-03-05', title: '一条报道' };
      case 'POST /admin/units/:id/annual-report/publish':
        return { year: '2025' };
      case 'POST /admin/units/:id/annual-report/unlock':
        return { year: '2025', reason: '更正行政许可统计' };
      case 'POST /admin/units/:id/annual-report/narrative':
        return { year: '2025', section: '五', body: '本年度存在的主要问题是公开内容不够及时。' };
      case 'POST /admin/users/:id/reveal':
        return { reason: '核对申请人身份' };
      case 'POST /admin/applications/new':
        return {
          unitId: String(units[place]?.id),
          channel: 'in-person',
          receivedOn: chinaDate(new Date()),
          applicantKind: 'person',
          applicantName: '登记申请人',
          idType: 'passport',
          idNumber: 'E87654321',
          phone: '13812345678',
          description: `当面提交的申请（${role}）`,
          provisionForm: 'paper',
          obtainWay: 'collect',
        };
      case 'POST /admin/records/units/:id/documents':
        return {
          kind: 'normative',
          title: `授权测试文件${role}`,
          documentNumber: '甲政规〔2026〕1号',
          issuingUnit: '甲区人民政府',
          issuedOn: '2026-01-05',
        };
      case 'POST /admin/records/units/:id/statistics':
        return { year: '2026', kind: 'licensing', value: '3' };
      case 'POST /admin/records/units/:id/cases':
        return { kind: 'review', caseNumber: `授权测试${role}`, filedOn: '2026-01-05', result: 'pending' };
      case 'POST /admin/supervision/units/:id/trainings':
        return { heldOn: '2026-03-05', topic: `授权测试培训${role}`, participants: '20' };
      case 'POST /admin/supervision/units/:id/query-points':
        return {
          name: `${role}查阅点`,
          location: '政务服务中心一楼',
          hours: '工作日 9:00-17:00',
          phone: '010-12345678',
          status: 'open',
        };
      case 'POST /admin/assessment/units/:id/rules':
        return {
          'use.publications': '1',
          'weight.publications': '100',
          'full.publications': '10',
          'zero.publications': '0',
        };
      case 'POST /admin/assessment/units/:id/runs':
        return { period: '2026-Q1' };
      case 'POST /admin/supervision/units/:id/guides':
        return { year: '2026', kind: 'guides', value: '12' };
      default:
        return {};
    }
  }
  const sessions = new Map<Role, SignedIn>();

  beforeAll(async () => {
    context = await createTestContext({ totpRequiredRoles: [] });
    app = await createApp(context);
    const operator = operatorScope(context);
    city = await addUnit(operator, { parentId: null, name: '甲市人民政府', kind: 'city' });
    units.own = await addUnit(operator, { parentId: city.id, name: '甲区人民政府', kind: 'county' });
    units.sub = await addUnit(operator, { parentId: units.own.id, name: '甲区教育局', kind: 'department' });
    units.unrelated = await addUnit(operator, { parentId: null, name: '乙市人民政府', kind: 'city' });
    for (const place of ['own', 'sub', 'unrelated'] as const) {
      const target = await createUser(operator, {
        username: `target-${place}`,
        displayName: `目标${place}`,
        password: 'Tz8&river-Pine-2026',
        phone: '13912345678',
        grants: [{ unitId: (units[place] as Unit).id, role: 'editor' }],
      });
      targets[place] = target.id;
      const application = await submitOnlineApplication(
        { context, address: '127.0.0.1' },
        {
          unitId: String((units[place] as Unit).id),
          applicantKind: 'person',
          applicantName: '申请人',
          idType: 'passport',
          idNumber: 'E12345678',
          phone: '13912345678',
          description: '所需信息',
          provisionForm: 'electronic',
          obtainWay: 'collect',
        },
      );
      applications[place] = application.id;
      const withFile = await submitApplication(
        { context, address: '127.0.0.1' },
        {
          unitId: String((units[place] as Unit).id),
          applicantKind: 'person',
          applicantName: '申请人',
          idType: 'passport',
          idNumber: 'E12345678',
          phone: '13912345678',
          description: '附有身份证明的申请',
          provisionForm: 'electronic',
          obtainWay: 'collect',
        },
        {
          files: [{ field: 'identityProof', fileName: 'id.png', data: tinyPng(), truncated: false }],
          tooManyFiles: false,
        },
      );
      const attachment = await context.database.db
        .selectFrom('application_attachments')
        .select('id')
        .where('application_id', '=', withFile.id)
        .executeTakeFirstOrThrow();
      filed[place] = { applicationId: withFile.id, attachmentId: attachment.id };
    }
    for (const place of ['own', 'sub', 'unrelated'] as const) {
      const asking = place === 'unrelated' ? applications.own : applications.unrelated;
      const task = await requestCohandling(operator, asking ?? 0, {
        unitId: String((units[place] as Unit).id),
        request: '请提供相关材料',
      });
      tasks[place] = task.taskId;
      items[place] = await createItem(operator, (units[place] as Unit).id, {
        categoryCode: 'a20-01',
        title: '授权测试信息',
        summary: '概述',
        body: '正文',
      });
      itemFiles[place] = await addItemAttachment(
        operator,
        items[place],
        { fileName: '附件.png', data: tinyPng() },
        {},
      );
      imports[place] = await insertImport(
        context.database.db,
        context.database.dialect,
        {
          unitId: (units[place] as Unit).id,
          fileName: '旧平台.csv',
          fileSha256: '0'.repeat(64),
          createdBy: null,
        },
        new Date(),
      );
      const today = chinaDate(new Date());
      const letter = await inTransaction(context.database.db, (trx) =>
        issueLetter(
          trx,
          context,
          {
            applicationId: applications[place] ?? 0,
            unitId: (units[place] as Unit).id,
            kind: 'correction',
            issuedOn: today,
            issuedBy: null,
            facts: {
              addressee: '申请人',
              queryCode: 'MATRIX',
              receivedOn: today,
              request: '所需信息',
              values: { 补正事项: '请写明文件名称', 补正期限: '15个工作日' },
            },
          },
          new Date(),
        ),
      );
      letters[place] = letter.id;
      const unitId = (units[place] as Unit).id;
      corrections[place] = (
        await inTransaction(context.database.db, (trx) =>
          openCorrectionTask(trx, { unitId, itemId: null, source: 'dead-link', description: '链接失效' }),
        )
      ).id;
      channels[place] = await addChannel(operator, unitId, { kind: 'traditional', name: `${place}日报` });
      accounts[place] = await addChannel(operator, unitId, {
        kind: 'new-media',
        platform: 'weibo',
        name: `${place}发布`,
      });
      accountEvents[place] = await recordAccountEvent(
        operator,
        accounts[place],
        { kind: 'changed', occurredOn: chinaDate(new Date()), note: '备案变更' },
        () => checkEventDocument({ fileName: '备案表.png', data: tinyPng() }),
      );
    }
    for (const role of ROLES) {
      const username = `user-${role}`;
      const password = `Gk!Xq7-Passw0rd-2026-${ROLES.indexOf(role)}`;
      await createUser(operator, {
        username,
        displayName: role,
        password,
        // The audit log is read by the installation's auditors only: that role is held in the top-level
        // unit above `own` (which keeps own and sub in its scope and unrelated outside it).
        grants: [{ unitId: role === 'security-auditor' ? city.id : units.own.id, role }],
      });
      sessions.set(role, await signInOverHttp(app, username, password));
    }
  });
  afterAll(async () => {
    await app.close();
    await context.destroy();
  });

  it('has a row for every staff route', () => {
    const staffRoutes = app.routeTable
      .filter((route) => route.method !== 'HEAD' && !PUBLIC.test(route.url))
      .map((route) => `${route.method} ${route.url}`);
    expect(staffRoutes.filter((route) => !(route in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((route) => !staffRoutes.includes(route))).toEqual([]);
  });

  // One test per route, in the matrix's order (later rows may rely on the state earlier rows left).
  it.each(Object.keys(MATRIX))('allows or answers 404 as the matrix says: %s', async (route) => {
    const failures: string[] = [];
    const expected = MATRIX[route];
    if (expected === undefined) throw new Error(route);
    const [method, url] = route.split(' ') as [string, string];
    for (const role of ROLES) {
      const places: Place[] =
        url.includes(':id') || PLACE_IN_FORM.has(route) ? ['own', 'sub', 'unrelated'] : ['own'];
      for (const place of places) {
        const session = sessions.get(role);
        const id = url.startsWith('/admin/users/')
          ? targets[place]
          : url.startsWith('/admin/applications/')
            ? applications[place]
            : url.startsWith('/admin/cohandling/')
              ? tasks[place]
              : url.startsWith('/admin/publishing/items/')
                ? items[place]
                : url.startsWith('/admin/corrections/')
                  ? corrections[place]
                  : url.startsWith('/admin/channels/:id/events')
                    ? accounts[place]
                    : url.startsWith('/admin/channels/events/')
                      ? accountEvents[place]
                      : url.startsWith('/admin/channels/:id')
                        ? channels[place]
                        : units[place]?.id;
        const response =
          route === 'POST /admin/units/import'
            ? await importAs(session, role)
            : await app.inject({
                method: method as 'GET' | 'POST',
                url: url
                  .replace(
                    ':id',
                    String(
                      url.includes(':attachmentId') && !url.startsWith('/admin/publishing/')
                        ? filed[place]?.applicationId
                        : id,
                    ),
                  )
                  .replace(
                    ':attachmentId',
                    String(
                      url.startsWith('/admin/publishing/') ? itemFiles[place] : filed[place]?.attachmentId,
                    ),
                  )
                  .replace(':letterId', String(letters[place]))
                  .replace(':importId', String(imports[place]))
                  .replace(':kind', 'decision'),
                headers: {
                  cookie: session?.cookie ?? '',
                  'content-type': 'application/x-www-form-urlencoded',
                },
                ...(method === 'POST'
                  ? {
                      payload: form({ _csrf: session?.csrf ?? '', ...payloadFor(route, role, place) }),
                    }
                  : {}),
              });
        const allowed =
          response.statusCode < 400 || (REFUSED_BY_STATE[route] ?? []).includes(response.statusCode);
        const want = expected(role, place);
        if (allowed !== want || (!allowed && response.statusCode !== 404)) {
          failures.push(`${route} ${role}@${place}: ${response.statusCode}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('sends anyone without a session to the sign-in page, and refuses a POST without the CSRF token', async () => {
    const anonymous = await app.inject({ method: 'GET', url: '/admin/units' });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toContain('/admin/login');
    const admin = sessions.get('system-admin');
    const forged = await app.inject({
      method: 'POST',
      url: `/admin/units/${units.own?.id}/children`,
      headers: { cookie: admin?.cookie ?? '', 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ name: '伪造单位', kind: 'other' }),
    });
    expect(forged.statusCode).toBe(403);
  });
});
