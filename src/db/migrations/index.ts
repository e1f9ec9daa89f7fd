// The ordered list of migrations. Append only: a migration is never edited after it has landed.
import type { MigrationContext } from '../dialect.ts';
import * as reportCheckRuns from './20261128_0001_report_check_runs.ts';
import * as units from './20261128_0002_units.ts';
import * as accounts from './20261128_0003_accounts.ts';
import * as auditLog from './20261128_0004_audit_log.ts';
import * as userPersonalData from './20261129_0005_user_personal_data.ts';
import * as setupTokens from './20261129_0006_setup_tokens.ts';
import * as auditArchives from './20261129_0007_audit_archives.ts';
import * as applications from './20261129_0008_applications.ts';
import * as applicationWorkflow from './20261130_0009_application_workflow.ts';
import * as lettersIssuer from './20261130_0010_letters_issuer.ts';
import * as applicationAgents from './20261130_0013_application_agents.ts';
import * as disclosureDraftOrigin from './20261130_0014_disclosure_draft_origin.ts';
import * as publishing from './20261130_0015_publishing.ts';
import * as correctionsChannels from './20261130_0016_corrections_channels.ts';
import * as searchIndex from './20261130_0017_search_index.ts';
import * as records from './20261130_0018_records.ts';
import * as annualReports from './20261130_0019_annual_reports.ts';
import * as supervision from './20261130_0020_supervision.ts';
import * as freshness from './20261130_0021_freshness.ts';
import * as assessment from './20261130_0022_assessment.ts';
import * as newMediaAccounts from './20261130_0023_new_media_accounts.ts';
import * as publishingItemsRich from './20261130_0025_publishing_items_rich.ts';
import * as dictionaries from './20261130_0026_dictionaries.ts';
import * as annualReportLock from './20261130_0024_annual_report_lock.ts';
import * as externalReports from './20261130_0027_external_reports.ts';
import * as publishingImports from './20261130_0028_publishing_imports.ts';
import * as contentScans from './20261130_0029_content_scans.ts';
import * as searchKeyOrder from './20261207_0030_search_key_order.ts';
import * as applicationRoutingIndex from './20261207_0031_application_routing_index.ts';
import * as scanChangeCursor from './20261207_0032_scan_change_cursor.ts';
import * as passwordSetByAdmin from './20261207_0033_password_set_by_admin.ts';

export interface MigrationModule {
  up(context: MigrationContext): Promise<void>;
}

export const MIGRATIONS: Readonly<Record<string, MigrationModule>> = {
  '20261128_0001_report_check_runs': reportCheckRuns,
  '20261128_0002_units': units,
  '20261128_0003_accounts': accounts,
  '20261128_0004_audit_log': auditLog,
  '20261129_0005_user_personal_data': userPersonalData,
  '20261129_0006_setup_tokens': setupTokens,
  '20261129_0007_audit_archives': auditArchives,
  '20261129_0008_applications': applications,
  '20261130_0009_application_workflow': applicationWorkflow,
  '20261130_0010_letters_issuer': lettersIssuer,
  '20261130_0013_application_agents': applicationAgents,
  '20261130_0014_disclosure_draft_origin': disclosureDraftOrigin,
  '20261130_0015_publishing': publishing,
  '20261130_0016_corrections_channels': correctionsChannels,
  '20261130_0017_search_index': searchIndex,
  '20261130_0018_records': records,
  '20261130_0019_annual_reports': annualReports,
  '20261130_0020_supervision': supervision,
  '20261130_0021_freshness': freshness,
  '20261130_0022_assessment': assessment,
  '20261130_0023_new_media_accounts': newMediaAccounts,
  '20261130_0025_publishing_items_rich': publishingItemsRich,
  '20261130_0026_dictionaries': dictionaries,
  '20261130_0024_annual_report_lock': annualReportLock,
  '20261130_0027_external_reports': externalReports,
  '20261130_0028_publishing_imports': publishingImports,
  '20261130_0029_content_scans': contentScans,
  '20261207_0030_search_key_order': searchKeyOrder,
  '20261207_0031_application_routing_index': applicationRoutingIndex,
  '20261207_0032_scan_change_cursor': scanChangeCursor,
  '20261207_0033_password_set_by_admin': passwordSetByAdmin,
};
