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
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  password_changed_at: Timestamp;
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
}
