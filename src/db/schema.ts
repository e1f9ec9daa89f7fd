// Kysely table types. Timestamps are ISO-8601 strings in SQLite and Date objects from PostgreSQL's
// timestamptz; repos convert them with toDate() so that no row leaves a repo raw.
import type { Generated } from 'kysely';

type Timestamp = string | Date;

export interface ReportCheckRunTable {
  id: Generated<number>;
  source: string;
  file_name: string | null;
  format: string | null;
  report_year: number | null;
  agency: string | null;
  outcome: string;
  errors: number;
  warnings: number;
  created_at: Generated<Timestamp>;
}

export interface UnitTable {
  id: Generated<number>;
  parent_id: number | null;
  path: string;
  name: string;
  kind: string;
  uscc: string | null;
  region_code: string | null;
  office_name: string | null;
  office_address: string | null;
  office_hours: string | null;
  office_phone: string | null;
  office_fax: string | null;
  office_email: string | null;
  office_postcode: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** 1 for a vertically managed body (customs, tax…): reconsideration lies with the body above. */
  vertically_managed: Generated<number>;
  /** The prefix of letter numbers, e.g. 皇政公开 in 皇政公开〔2024〕12号. */
  letter_prefix: string | null;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  password_changed_at: Timestamp;
  /** Set when an administrator chose the password; the person must change it at the next sign-in. */
  password_set_by_admin_at: Timestamp | null;
  totp_secret_sealed: string | null;
  totp_enabled_at: Timestamp | null;
  totp_last_step: number | null;
  disabled_at: Timestamp | null;
  created_at: Timestamp;
  /** Personal data: sealed with the data keys (never plaintext) and a blind index for look-up. */
  id_number_sealed: string | null;
  id_number_index: string | null;
  phone_sealed: string | null;
  phone_index: string | null;
  email_sealed: string | null;
  email_index: string | null;
}

export interface UserRoleTable {
  user_id: number;
  unit_id: number;
  role: string;
  granted_by: number | null;
  granted_at: Timestamp;
}

export interface PasswordHistoryTable {
  id: Generated<number>;
  user_id: number;
  password_hash: string;
  created_at: Timestamp;
}

export interface RecoveryCodeTable {
  id: Generated<number>;
  user_id: number;
  code_hash: string;
}

export interface SessionTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  mfa_passed_at: Timestamp | null;
  address: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface SignInFailureTable {
  id: Generated<number>;
  username: string;
  address: string | null;
  at: Timestamp;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  address: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  result: string;
  details: string;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
  updated_at: Timestamp | null;
}

export interface SetupTokenTable {
  token_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface AuditArchiveTable {
  id: Generated<number>;
  up_to_seq: number;
  up_to_hash: string;
  entry_count: number;
  file_name: string;
  archived_before: string;
  archived_at: Timestamp;
}

/** A disclosure application (依申请公开). Personal data only sealed (`*_sealed`) and blind-indexed. */
export interface ApplicationTable {
  id: Generated<number>;
  query_code: string;
  unit_id: number;
  channel: string;
  /** The legal receipt date (Art. 31 rule of the channel), 'YYYY-MM-DD'. */
  received_on: string;
  applicant_kind: string;
  applicant_type: string;
  applicant_name_sealed: string;
  id_type: string;
  id_number_sealed: string | null;
  id_number_index: string | null;
  org_uscc: string | null;
  contact_name_sealed: string | null;
  phone_sealed: string;
  phone_index: string;
  /** The last 4 digits of the phone, the status page's second factor. */
  phone_tail_sealed: string;
  phone_tail_index: string;
  email_sealed: string | null;
  email_index: string | null;
  address_sealed: string | null;
  postcode_sealed: string | null;
  fax_sealed: string | null;
  description: string;
  title: string | null;
  document_number: string | null;
  index_number: string | null;
  provision_form: string;
  obtain_way: string;
  purpose: string | null;
  created_at: Timestamp;
  /** 'open' until decided (or otherwise closed), then 'closed'. */
  status: Generated<string>;
  handler_id: number | null;
  /** Cache of the due date derived from the ledger (never typed in); null while none is shown. */
  due_on: string | null;
  /** Cache of the derived clock state: running / paused / awaiting_correction / decided / invalid. */
  clock_state: string | null;
  /** The outcome code (see core/disclosure/outcomes.ts) once decided. */
  outcome: string | null;
  closed_on: string | null;
  /** The staff member who registered an application that arrived by another channel than the form. */
  registered_by: number | null;
  /** What fixes the legal receipt date under Art. 31 for this channel (e.g. the signed mail slip). */
  receipt_basis: string | null;
}

/** The agent of a proxy application (代理申请): personal data only sealed, the number blind-indexed. */
export interface ApplicationAgentTable {
  application_id: number;
  name_sealed: string;
  id_type: string;
  id_number_sealed: string;
  id_number_index: string;
  created_at: Timestamp;
}

/** The clock ledger of an application: dated events from which the due date is derived. */
export interface ApplicationEventTable {
  id: Generated<number>;
  application_id: number;
  type: string;
  date: string;
  workdays: number | null;
  due: string | null;
  reason: string | null;
  recorded_by: number | null;
  created_at: Timestamp;
  /** Consultation: third_party / agency. */
  party: string | null;
  /** Tells concurrent consultations apart; names the letter or task a step refers to. */
  ref: string | null;
  unit_id: number | null;
  to_unit_id: number | null;
  /** The handler assigned, or the approver of an extension. */
  user_id: number | null;
  /** JSON text with step-specific details. */
  details: string | null;
}

export interface ApplicationDecisionTable {
  application_id: number;
  outcome: string;
  decided_on: string;
  provided: string | null;
  withheld: string | null;
  withheld_reason: string | null;
  responsible_agency: string | null;
  note: string | null;
  decided_by: number | null;
  created_at: Timestamp;
}

/** 协办: a task for another unit, with an internal deadline derived from the legal one. */
export interface CohandlingTaskTable {
  id: Generated<number>;
  application_id: number;
  unit_id: number;
  request: string;
  due_on: string;
  status: Generated<string>;
  reply: string | null;
  replied_by: number | null;
  replied_at: Timestamp | null;
  created_by: number | null;
  created_at: Timestamp;
}

/** A letter or notice as issued: the rendered text is kept as it was sent. */
export interface ApplicationLetterTable {
  id: Generated<number>;
  application_id: number;
  kind: string;
  number: string | null;
  issued_on: string;
  title: string;
  /** Personal data (the applicant's name; the letter's text names them): sealed. */
  addressee: string | null;
  body: string;
  issued_by: number | null;
  delivered_on: string | null;
  delivery_method: string | null;
  delivered_by: number | null;
  created_at: Timestamp;
  /** The unit that signed the letter, its name and the contact details as printed (0010). */
  unit_id: number | null;
  agency_name: string | null;
  contact: string | null;
}

export interface LetterCounterTable {
  unit_id: number;
  year: number;
  last: number;
}

export interface LetterTemplateTable {
  id: Generated<number>;
  unit_id: number;
  kind: string;
  body: string;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface ApplicationFeeTable {
  id: Generated<number>;
  application_id: number;
  method: string;
  quantity: number;
  amount_yuan: number;
  notice_on: string;
  paid_on: string | null;
  payment_ref: string | null;
  created_by: number | null;
  created_at: Timestamp;
}

export interface ApplicationAttachmentTable {
  id: Generated<number>;
  application_id: number;
  kind: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  /** The file's bytes, base64, sealed with the data keys. */
  content_sealed: string;
  uploaded_by: number | null;
  created_at: Timestamp;
}

export interface DisclosureDraftTable {
  id: Generated<number>;
  unit_id: number;
  application_id: number | null;
  title: string;
  body: string;
  status: Generated<string>;
  created_by: number | null;
  created_at: Timestamp;
  /** 'from_application' for an Art. 44 draft made from a decided application; 'manual' otherwise. */
  origin: Generated<string>;
}

export interface CalendarOverrideTable {
  date: string;
  /** 'workday' (调休上班日 or another working day) or 'holiday' (a holiday or other day off). */
  kind: string;
  name: string | null;
  /** The notice the day comes from (e.g. 国办发明电〔2025〕7号). */
  notice: string;
  updated_by: number | null;
  updated_at: Timestamp;
}

/** A year whose arrangement an admin has entered in full (a year beyond the shipped data). */
export interface CalendarYearTable {
  year: number;
  notice: string;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface OutboxTable {
  id: Generated<number>;
  kind: string;
  /** Unique: the same reminder is enqueued at most once, however many processes try. */
  dedupe_key: string;
  recipient_user_id: number | null;
  subject: string;
  body: string;
  created_at: Timestamp;
  claimed_by: string | null;
  claimed_until: Timestamp | null;
  attempts: Generated<number>;
  sent_at: Timestamp | null;
  sent_via: string | null;
  last_error: string | null;
  /** Personal data: the e-mail address of someone without an account (a 纠错 reporter), sealed. */
  recipient_address_sealed: string | null;
}

export interface JobLeaseTable {
  name: string;
  holder: string | null;
  lease_until: Timestamp | null;
  last_run_at: Timestamp | null;
  last_result: string | null;
}

export interface PublishingSubcategoryTable {
  id: Generated<number>;
  unit_id: number;
  parent_code: string;
  name: string;
  created_at: Timestamp;
}

export interface PublishingItemTable {
  id: Generated<number>;
  unit_id: number;
  status: string;
  sub_column: string;
  category_code: string | null;
  subcategory_id: number | null;
  title: string;
  summary: string;
  body: string;
  document_number: string | null;
  written_on: string | null;
  genre: string | null;
  keywords: string | null;
  validity: string | null;
  effective_on: string | null;
  invalid_on: string | null;
  disclosure_method: string;
  disclosure_period: string;
  format: string;
  version: number;
  /** The submission round: every submission for review starts a new one. */
  round: number;
  /** JSON array of the review stages the current submission goes through (the unit's chain when submitted). */
  chain: string | null;
  submitted_by: number | null;
  assignee_id: number | null;
  index_number: string | null;
  published_year: number | null;
  serial: number | null;
  published_at: Timestamp | null;
  published_on: string | null;
  corrected_on: string | null;
  withdrawn_at: Timestamp | null;
  withdrawn_reason: string | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Sanitised HTML of a rich-text body (publishing/rich-text.ts); null for plain text. `body` is its text. */
  body_html: string | null;
  /** The Art. 44 draft (disclosure_drafts) the item was made from. */
  draft_id: number | null;
  /** The import (publishing_imports) an item published on another platform came from. */
  import_id: number | null;
}

export interface PublishingVersionTable {
  id: Generated<number>;
  item_id: number;
  version: number;
  /** JSON of the item's content as it was in this version. */
  content: string;
  reason: string | null;
  /** 1 when the change that ended this version was material (the public page shows 更正于). */
  material: number;
  created_by: number | null;
  created_at: Timestamp;
}

export interface PublishingReviewChainTable {
  unit_id: number;
  /** JSON array of stage codes (core/publishing/review-chain.ts). */
  stages: string;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface PublishingReviewTable {
  id: Generated<number>;
  item_id: number;
  round: number;
  stage: string;
  decision: string;
  comment: string | null;
  reviewer_id: number | null;
  decided_at: Timestamp;
}

export interface PublishingOverrideTable {
  id: Generated<number>;
  item_id: number;
  round: number;
  finding_key: string;
  reason: string;
  decided_by: number | null;
  decided_at: Timestamp;
}

export interface PublishingCounterTable {
  unit_id: number;
  year: number;
  last: number;
}

/** One published item in the full-text index (PostgreSQL also has `document`, a tsvector of the tokens). */
export interface SearchDocumentTable {
  item_id: number;
  unit_id: number;
  category_code: string | null;
  genre: string | null;
  published_year: number;
  published_on: string;
  title_tokens: string;
  text_tokens: string;
}

export interface CorrectionTaskTable {
  id: Generated<number>;
  unit_id: number;
  item_id: number | null;
  source: string;
  status: string;
  description: string;
  /** Personal data: the reporter's phone or email, sealed. */
  contact_sealed: string | null;
  received_on: string;
  due_on: string;
  fix_note: string | null;
  reply: string | null;
  replied_on: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ChannelTable {
  id: Generated<number>;
  unit_id: number;
  kind: string;
  platform: string | null;
  name: string;
  record_number: string | null;
  status: string;
  opened_on: string | null;
  closed_on: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** The account's id on its platform (new-media accounts; migration 0023). */
  account_id: string | null;
  /** The body that runs the account (运营主体). */
  operator: string | null;
}

/** A status event of a new-media account: opened, changed or closed, with an optional document. */
export interface ChannelEventTable {
  id: Generated<number>;
  channel_id: number;
  kind: string;
  occurred_on: string;
  note: string | null;
  document_name: string | null;
  document_type: string | null;
  document_size: number | null;
  document_sha256: string | null;
  document_base64: string | null;
  created_by: number | null;
  created_at: Timestamp;
}

/** An ISO week ('2026-W48') whose weekly reminders were all enqueued. */
export interface WeeklyReminderRunTable {
  week: string;
  units: number;
  messages: number;
  completed_at: Timestamp;
}

export interface ChannelPublicationTable {
  id: Generated<number>;
  channel_id: number;
  published_on: string;
  title: string;
  url: string | null;
  origin: string;
  created_by: number | null;
  created_at: Timestamp;
}

export interface NormativeDocumentTable {
  id: Generated<number>;
  unit_id: number;
  kind: string;
  title: string;
  document_number: string;
  issuing_unit: string;
  issued_on: string;
  repealed_on: string | null;
  invalid_on: string | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AdministrativeStatisticTable {
  id: Generated<number>;
  unit_id: number;
  year: number;
  kind: string;
  /** Canonical decimal text: a count, or 万元 with at most four decimal places. */
  value: string;
  /** 'form' or 'import'. */
  source: string;
  file_name: string | null;
  file_sha256: string | null;
  entered_by: number | null;
  entered_at: Timestamp;
}

export interface ReviewCaseTable {
  id: Generated<number>;
  unit_id: number;
  kind: string;
  application_id: number | null;
  case_number: string;
  filed_on: string;
  decided_on: string | null;
  result: string;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** An annual report of a unit not on the platform, read by the report checker for a supervisor's rollup. */
export interface ExternalAnnualReportTable {
  id: Generated<number>;
  /** The supervising unit that imported it. */
  unit_id: number;
  name: string;
  year: number;
  report_json: string;
  errors: number;
  warnings: number;
  file_name: string;
  file_sha256: string;
  imported_by: number | null;
  imported_at: Timestamp;
}

export interface AnnualReportTable {
  id: Generated<number>;
  unit_id: number;
  year: number;
  version: number;
  report_json: string;
  published_by: number | null;
  published_at: Timestamp;
}

/** A publication locking a unit's report year ('lock') or an audited unlock with its reason ('unlock'). */
export interface AnnualReportLockEventTable {
  id: Generated<number>;
  unit_id: number;
  year: number;
  event: string;
  version: number | null;
  reason: string | null;
  actor_id: number | null;
  actor_name: string;
  created_at: Timestamp;
}

/** One save of an edited narrative section (一, 五 or 六) of a unit's report year. */
export interface AnnualReportNarrativeTable {
  id: Generated<number>;
  unit_id: number;
  year: number;
  section: string;
  body: string;
  saved_by: number | null;
  saved_at: Timestamp;
}

export interface TrainingSessionTable {
  id: Generated<number>;
  /** The organising unit. */
  unit_id: number;
  held_on: string;
  topic: string;
  participants: number;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TrainingSessionUnitTable {
  session_id: number;
  unit_id: number;
}

export interface QueryPointTable {
  id: Generated<number>;
  unit_id: number;
  name: string;
  location: string;
  hours: string;
  equipment: string;
  phone: string;
  /** 'open' or 'closed'. */
  status: string;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ServiceGuideCountTable {
  id: Generated<number>;
  unit_id: number;
  year: number;
  /** 'guides' (办事指南) or 'cross-district' (全区通办事项). */
  kind: string;
  value: number;
  entered_by: number | null;
  entered_at: Timestamp;
}

export interface DictionaryEntryTable {
  id: Generated<number>;
  category: string;
  severity: string;
  term: string;
  suggestion: string | null;
  note: string | null;
  updated_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DictionaryStateTable {
  id: number;
  version: number;
  seeded_from_sample: number;
  updated_at: Timestamp;
}

export interface DictionaryScanTable {
  id: number;
  target_version: number;
  last_item_id: number;
  total: number;
  checked: number;
  tasks_opened: number;
  started_at: Timestamp;
  finished_at: Timestamp | null;
}

/** An internal scan of published items (features/scans): its cursor and counters. */
export interface ContentScanTable {
  name: string;
  pass: string;
  last_item_id: number;
  /** The change time (updated_at) of the last item checked; null before the first. */
  last_updated_at: Timestamp | null;
  checked: number;
  tasks_opened: number;
  external_links: number;
  started_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface ContentScanFindingTable {
  id: Generated<number>;
  scan: string;
  item_id: number;
  finding_key: string;
  correction_task_id: number;
  created_at: Timestamp;
}

export interface DictionaryScanReportTable {
  id: Generated<number>;
  item_id: number;
  dictionary_version: number;
  correction_task_id: number;
  finding_keys: string;
  created_at: Timestamp;
}

/** A unit's own kind for a column of its 政府信息公开 column (freshness monitor). */
export interface FreshnessColumnKindTable {
  unit_id: number;
  column_key: string;
  kind: string;
  updated_by: number | null;
  updated_at: Timestamp;
}

/** One staleness episode of a column: unique per (unit, column, day it went stale). */
export interface FreshnessEpisodeTable {
  id: Generated<number>;
  unit_id: number;
  column_key: string;
  stale_since: string;
  correction_id: number | null;
  created_at: Timestamp;
}

export interface Database {
  report_check_runs: ReportCheckRunTable;
  units: UnitTable;
  users: UserTable;
  user_roles: UserRoleTable;
  password_history: PasswordHistoryTable;
  recovery_codes: RecoveryCodeTable;
  sessions: SessionTable;
  sign_in_failures: SignInFailureTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  setup_tokens: SetupTokenTable;
  audit_archives: AuditArchiveTable;
  applications: ApplicationTable;
  application_events: ApplicationEventTable;
  application_agents: ApplicationAgentTable;
  application_decisions: ApplicationDecisionTable;
  cohandling_tasks: CohandlingTaskTable;
  application_letters: ApplicationLetterTable;
  letter_counters: LetterCounterTable;
  letter_templates: LetterTemplateTable;
  application_fees: ApplicationFeeTable;
  application_attachments: ApplicationAttachmentTable;
  disclosure_drafts: DisclosureDraftTable;
  calendar_overrides: CalendarOverrideTable;
  calendar_years: CalendarYearTable;
  outbox: OutboxTable;
  job_leases: JobLeaseTable;
  publishing_subcategories: PublishingSubcategoryTable;
  publishing_items: PublishingItemTable;
  publishing_versions: PublishingVersionTable;
  publishing_review_chains: PublishingReviewChainTable;
  publishing_reviews: PublishingReviewTable;
  publishing_overrides: PublishingOverrideTable;
  publishing_counters: PublishingCounterTable;
  publishing_attachments: PublishingAttachmentTable;
  search_documents: SearchDocumentTable;
  correction_tasks: CorrectionTaskTable;
  channels: ChannelTable;
  channel_publications: ChannelPublicationTable;
  channel_events: ChannelEventTable;
  weekly_reminder_runs: WeeklyReminderRunTable;
  normative_documents: NormativeDocumentTable;
  administrative_statistics: AdministrativeStatisticTable;
  review_cases: ReviewCaseTable;
  training_sessions: TrainingSessionTable;
  training_session_units: TrainingSessionUnitTable;
  query_points: QueryPointTable;
  service_guide_counts: ServiceGuideCountTable;
  annual_reports: AnnualReportTable;
  external_annual_reports: ExternalAnnualReportTable;
  annual_report_lock_events: AnnualReportLockEventTable;
  annual_report_narratives: AnnualReportNarrativeTable;
  assessment_rule_sets: AssessmentRuleSetTable;
  assessment_runs: AssessmentRunTable;
  assessment_scores: AssessmentScoreTable;
  freshness_column_kinds: FreshnessColumnKindTable;
  freshness_episodes: FreshnessEpisodeTable;
  dictionary_entries: DictionaryEntryTable;
  dictionary_state: DictionaryStateTable;
  dictionary_scan: DictionaryScanTable;
  dictionary_scan_reports: DictionaryScanReportTable;
  content_scans: ContentScanTable;
  content_scan_findings: ContentScanFindingTable;
  publishing_imports: PublishingImportTable;
  publishing_import_rejections: PublishingImportRejectionTable;
}

/** A file of a published item (not personal data: stored plain, base64 in `content`). */
export interface PublishingAttachmentTable {
  id: Generated<number>;
  item_id: number;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  content: string;
  /** The item version that first had the file; `removed_in_version` the first that no longer has it. */
  added_in_version: number;
  removed_in_version: number | null;
  created_by: number | null;
  created_at: Timestamp;
}

/** A supervising unit's assessment rules (考核细则): every save is a new version, never changed. */
export interface AssessmentRuleSetTable {
  id: Generated<number>;
  unit_id: number;
  version: number;
  /** JSON array of { code, weight, full, zero } in hundredths. */
  rules_json: string;
  created_by: number | null;
  created_at: Timestamp;
}

/** One computation of a period's scores for the direct sub-units of `unit_id`. */
export interface AssessmentRunTable {
  id: Generated<number>;
  unit_id: number;
  period: string;
  rule_set_id: number;
  /** The China date the run was computed on: deadlines not yet passed then were not counted. */
  as_of: string;
  computed_by: number | null;
  computed_at: Timestamp;
}

export interface AssessmentScoreTable {
  id: Generated<number>;
  run_id: number;
  unit_id: number;
  /** Hundredths of a point. */
  score: number;
  rank: number;
  /** JSON: the indicators' values, points and the ids of the records behind them. */
  detail_json: string;
}

/** An upload of items published on another platform, with its progress. */
export interface PublishingImportTable {
  id: Generated<number>;
  unit_id: number;
  file_name: string;
  file_sha256: string;
  /** running | done | failed */
  status: string;
  /** The data rows of the file, counted before processing starts; null until then. */
  rows_total: number | null;
  rows_read: number;
  accepted: number;
  rejected: number;
  failure: string | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A row of an import that did not become an item: its row number in the file, the column and why. */
export interface PublishingImportRejectionTable {
  id: Generated<number>;
  import_id: number;
  row_number: number;
  field: string;
  reason: string;
}
