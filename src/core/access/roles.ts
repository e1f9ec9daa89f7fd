// Roles are held in a unit and reach its sub-units (等保 8.1.4.2). A person may hold several roles in
// several units. Separation of duties: the system administrator manages units and accounts but cannot
// read the audit log; the security auditor reads and exports the audit log and changes nothing else.

export const ROLES = [
  'system-admin',
  'security-auditor',
  'supervisor',
  'editor',
  'reviewer',
  'handler',
  'leader',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  'system-admin': '系统管理员',
  'security-auditor': '安全审计员',
  supervisor: '政务公开办负责人',
  editor: '编辑',
  reviewer: '审核人',
  handler: '依申请公开办理人',
  leader: '领导审批人',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** A role held in a unit; `unitPath` is the unit's materialised path ("/1/5/"). */
export interface Grant {
  readonly role: Role;
  readonly unitId: number;
  readonly unitPath: string;
}

/** Who is acting: a signed-in staff member, or the command line run by the operator of the machine. */
export type Actor =
  | {
      readonly kind: 'staff';
      readonly userId: number;
      readonly username: string;
      readonly displayName: string;
      readonly grants: readonly Grant[];
    }
  | { readonly kind: 'operator' };

/** Whether the actor holds one of `roles` in the unit at `unitPath` or in one of its ancestors. */
export function holdsRoleOver(actor: Actor, roles: readonly Role[], unitPath: string): boolean {
  if (actor.kind === 'operator') return true;
  return actor.grants.some((grant) => roles.includes(grant.role) && unitPath.startsWith(grant.unitPath));
}

/** Whether the actor holds one of `roles` anywhere. */
export function holdsRole(actor: Actor, roles: readonly Role[]): boolean {
  if (actor.kind === 'operator') return true;
  return actor.grants.some((grant) => roles.includes(grant.role));
}

/** The subtrees (paths) in which the actor holds one of `roles`; the operator sees everything (null). */
export function scopesOf(actor: Actor, roles: readonly Role[]): string[] | null {
  if (actor.kind === 'operator') return null;
  return actor.grants.filter((grant) => roles.includes(grant.role)).map((grant) => grant.unitPath);
}
