// Staff real-name data: stored only sealed with a blind index, masked in lists, revealed only in an
// audited action, found by identity number, and carried through a key rotation that can be interrupted.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActingScope } from '../../src/app-context.ts';
import { Invalid, NotFound } from '../../src/core/errors.ts';
import { computeResidentIdCheckCharacter } from '../../src/core/identity/resident-id.ts';
import type { UserWithGrants } from '../../src/features/accounts/model.ts';
import {
  createFirstAdmin,
  createUser,
  findUserByIdNumber,
  listUsers,
  loadActor,
  presentUserForList,
  revealUserPersonalData,
  signIn,
  startTotpEnrolment,
} from '../../src/features/accounts/service.ts';
import { findAuditEntries } from '../../src/features/audit/repo.ts';
import { verifyAudit } from '../../src/features/audit/service.ts';
import { rotateDataKeys, rotationStatus, SEALED_COLUMNS } from '../../src/features/privacy/rotation.ts';
import type { Unit } from '../../src/features/units/model.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { blindIndex, openField, sealedKeyId } from '../../src/security/field-crypto.ts';
import { loadKeyRing } from '../../src/security/key-file.ts';
import type { KeyRing } from '../../src/security/key-ring.ts';
import { operatorScope, scopeOf } from '../support/actors.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';
import { repoRoot } from '../support/paths.ts';

const run = promisify(execFile);
const PASSWORD = 'Vq7#Lm2pXz';
const strong = (n: number) => `Rk${n}$tWq9Zm!${n}`;

/** A valid identity number: 110105 (Beijing Chaoyang) + 19850312 + sequence + GB 11643 check character. */
function residentId(sequence: string, birth = '19850312'): string {
  const first17 = `110105${birth}${sequence}`;
  return `${first17}${computeResidentIdCheckCharacter(first17) ?? ''}`;
}

/** A number whose check character is X, to look up with a lower-case x. */
function residentIdEndingInX(): string {
  for (let sequence = 100; sequence < 1000; sequence += 1) {
    const id = residentId(String(sequence), '19900101');
    if (id.endsWith('X')) return id;
  }
  throw new Error('no sequence gives X');
}

const fullWidth = (text: string) =>
  text.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

const PLANTED = {
  idNumber: residentId('123'),
  phone: '13912345678',
  email: 'wang.guanli@example.gov.cn',
};

describe(`personal data of staff on ${testDialect}`, () => {
  let context: TestContext;
  let city: Unit;
  let district: Unit;
  let admin: UserWithGrants;
  let adminScope: ActingScope;
  let totpSecret: string;
  /** user id → the plaintext of each sealed column, to compare after rotation. */
  const planted = new Map<number, Record<string, string>>();

  async function scopeFor(userId: number): Promise<ActingScope> {
    const actor = await loadActor(context.database.db, userId);
    if (actor === null) throw new Error('no actor');
    return scopeOf(context, actor);
  }

  function withKeys(keys: KeyRing): ActingScope {
    return { ...adminScope, context: { ...context, keys } };
  }

  /** Every text form the planted values could take in storage. */
  function needles(): { label: string; bytes: Buffer }[] {
    const values = [PLANTED.idNumber, PLANTED.phone, PLANTED.email, totpSecret];
    return values.flatMap((value) => [
      { label: `${value} (UTF-8)`, bytes: Buffer.from(value, 'utf8') },
      { label: `${value} (UTF-16LE)`, bytes: Buffer.from(value, 'utf16le') },
      { label: `${value} (UTF-16BE)`, bytes: Buffer.from(value, 'utf16le').swap16() },
    ]);
  }

  async function postgresRows(): Promise<string> {
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(context.database.db);
    expect(tables.rows.map((row) => row.table_name)).toEqual(expect.arrayContaining(['users', 'audit_log']));
    const texts: string[] = [];
    for (const { table_name: table } of tables.rows) {
      const rows = await sql<{ row: string }>`select t::text as row from ${sql.table(table)} t`.execute(
        context.database.db,
      );
      texts.push(...rows.rows.map((row) => row.row));
    }
    return texts.join('\n');
  }

  /** Fails when any planted value is stored in plaintext anywhere, the audit log included. */
  async function expectNoPlaintextStored(): Promise<void> {
    const database = context.config.database;
    if (database.kind === 'sqlite') {
      const dir = dirname(database.file); // the database, its -wal and -shm files
      for (const checkpoint of [false, true]) {
        if (checkpoint) await sql`pragma wal_checkpoint(TRUNCATE)`.execute(context.database.db);
        const files = readdirSync(dir).map((name) => readFileSync(join(dir, name)));
        // The search can find things: the user name (not personal data) is stored in plaintext.
        expect(files.some((bytes) => bytes.includes(Buffer.from('wang.admin')))).toBe(true);
        for (const { label, bytes } of needles()) {
          expect(
            files.some((file) => file.includes(bytes)),
            `${label}, checkpoint ${checkpoint}`,
          ).toBe(false);
        }
      }
      return;
    }
    const rows = await postgresRows();
    expect(rows).toContain('wang.admin');
    for (const value of [PLANTED.idNumber, PLANTED.phone, PLANTED.email, totpSecret]) {
      expect(rows.includes(value), value).toBe(false);
    }
  }

  async function gongkai(args: string[]) {
    const database = context.config.database;
    const env = {
      ...process.env,
      LOG_LEVEL: 'silent',
      DATABASE_URL: database.kind === 'sqlite' ? database.file : database.url,
      DATA_KEYS_FILE: context.config.dataKeysFile,
    };
    try {
      const { stdout } = await run(process.execPath, [join(repoRoot, 'bin/gongkai.js'), ...args], { env });
      return { code: 0, stdout };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: `${e.stdout}${e.stderr}` };
    }
  }

  beforeAll(async () => {
    context = await createTestContext();
    const operator = operatorScope(context);
    city = await addUnit(operator, { parentId: null, name: '示例市人民政府', kind: 'city' });
    district = await addUnit(operator, { parentId: city.id, name: '示例区人民政府', kind: 'county' });
    admin = await createFirstAdmin(context, {
      username: 'wang.admin',
      displayName: '王管理',
      password: PASSWORD,
      unitId: city.id,
      ...PLANTED,
    });
    adminScope = await scopeFor(admin.id);
    const credentials = { username: 'wang.admin', password: PASSWORD, address: null, userAgent: null };
    const signedIn = await signIn(context, credentials);
    if (signedIn.kind !== 'signed-in') throw new Error('sign-in failed');
    totpSecret = (await startTotpEnrolment(context, signedIn.token)).secret;
    planted.set(admin.id, {
      totp_secret_sealed: totpSecret,
      id_number_sealed: PLANTED.idNumber,
      phone_sealed: PLANTED.phone,
      email_sealed: PLANTED.email,
    });
  });
  afterAll(async () => {
    await context.destroy();
  });

  it('stores the identity number, phone and email only sealed, with blind indexes', async () => {
    const db = context.database.db;
    const row = await db.selectFrom('users').selectAll().where('id', '=', admin.id).executeTakeFirstOrThrow();
    for (const column of ['id_number_sealed', 'phone_sealed', 'email_sealed'] as const) {
      expect(row[column]).toMatch(new RegExp(`^v1:${context.keys.current.id}:`));
    }
    expect(row.id_number_index).toBe(blindIndex(context.keys, PLANTED.idNumber, 'id-number'));
    expect(row.phone_index).toBe(blindIndex(context.keys, PLANTED.phone, 'phone'));
    expect(row.email_index).toBe(blindIndex(context.keys, PLANTED.email, 'email'));
    await expectNoPlaintextStored();
    const [created] = await findAuditEntries(context.database.db, { action: 'user.create' }, 1);
    expect(JSON.parse(created?.details ?? '{}')).toMatchObject({
      personalData: ['idNumber', 'phone', 'email'],
    });
  });

  it('rejects an invalid identity number naming the field and the rule, and writes nothing', async () => {
    const wrongCheck = `${PLANTED.idNumber.slice(0, 17)}${PLANTED.idNumber.endsWith('0') ? '1' : '0'}`;
    const base = {
      username: 'li.si',
      displayName: '李四',
      password: strong(1),
      grants: [{ unitId: district.id, role: 'editor' }],
    };
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ idNumber: wrongCheck }, 'idNumber', /居民身份证号码.*校验码/],
      [{ idNumber: '11010519850332123X' }, 'idNumber', /出生日期/],
      [{ idNumber: '1101051985031212' }, 'idNumber', /长度应为18位/],
      [{ idNumber: '99010519850312123X' }, 'idNumber', /地址码/],
      [{ phone: '1234' }, 'phone', /手机/],
      [{ email: 'li.si@' }, 'email', /电子邮箱/],
    ];
    for (const [personal, field, rule] of cases) {
      const error: unknown = await createUser(adminScope, { ...base, ...personal }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Invalid);
      expect(error).toMatchObject({ field });
      expect((error as Invalid).message).toMatch(rule);
    }
    const users = await context.database.db.selectFrom('users').select('username').execute();
    expect(users.map((user) => user.username)).not.toContain('li.si');
  });

  it('creates more staff with real-name data; landlines and full-width input are normalised', async () => {
    for (let n = 1; n <= 5; n += 1) {
      const idNumber = n === 5 ? residentIdEndingInX() : residentId(String(200 + n));
      const user = await createUser(adminScope, {
        username: `staff${n}`,
        displayName: `职员${n}`,
        password: strong(n),
        grants: [{ unitId: district.id, role: 'editor' }],
        idNumber: n === 2 ? fullWidth(idNumber) : idNumber,
        phone: n === 3 ? '(010) 8765-4321' : `1370000000${n}`,
        ...(n === 4 ? {} : { email: `staff${n}@example.gov.cn` }),
      });
      const values: Record<string, string> = {
        id_number_sealed: idNumber,
        phone_sealed: n === 3 ? '010-87654321' : `1370000000${n}`,
      };
      if (n !== 4) values.email_sealed = `staff${n}@example.gov.cn`;
      planted.set(user.id, values);
    }
    const staff3 = [...planted.entries()].find(([, v]) => v.phone_sealed === '010-87654321')?.[0] ?? 0;
    const revealed = await revealUserPersonalData(adminScope, staff3, '核对联系电话');
    expect(revealed.phone).toBe('010-87654321');
  });

  it('lists staff with masked personal data by default', async () => {
    const items = (await listUsers(adminScope)).map((user) => presentUserForList(context.keys, user));
    const item = items.find((entry) => entry.id === admin.id);
    expect(item).toMatchObject({
      username: 'wang.admin',
      idNumber: `110105********${PLANTED.idNumber.slice(-4)}`,
      phone: '139****5678',
      email: 'w***@example.gov.cn',
    });
    expect(JSON.stringify(items)).not.toContain(PLANTED.idNumber);
    expect(JSON.stringify(items)).not.toContain(PLANTED.phone);
    expect(items.find((entry) => entry.username === 'staff3')?.phone).toBe('010-******21');
    expect(items.find((entry) => entry.username === 'staff4')?.email).toBeNull();
  });

  it('reveals the plaintext to a system administrator, with a reason, in the audit log', async () => {
    await expect(revealUserPersonalData(adminScope, admin.id, '')).rejects.toMatchObject({ field: 'reason' });
    const revealed = await revealUserPersonalData(adminScope, admin.id, '核对实名信息');
    expect(revealed).toEqual(PLANTED);
    const [entry] = await findAuditEntries(
      context.database.db,
      { action: 'user.reveal-personal-data', objectId: String(admin.id) },
      1,
    );
    expect(entry).toMatchObject({ actorName: 'wang.admin', result: 'ok' });
    expect(JSON.parse(entry?.details ?? '{}')).toEqual({
      username: 'wang.admin',
      reason: '核对实名信息',
      fields: ['idNumber', 'phone', 'email'],
    });
  });

  it('answers NotFound to anyone who is not a system administrator over all the units', async () => {
    const staff1 = [...planted.keys()][1] ?? 0;
    const editorScope = await scopeFor(staff1);
    await expect(revealUserPersonalData(editorScope, admin.id, '好奇')).rejects.toThrow(NotFound);
    await expect(revealUserPersonalData(editorScope, staff1, '自己')).rejects.toThrow(NotFound);
    await expect(revealUserPersonalData(adminScope, 999_999, '不存在')).rejects.toThrow(NotFound);
    expect(await findUserByIdNumber(editorScope, PLANTED.idNumber)).toBeNull();
  });

  it('finds a user by identity number, also typed with a lower-case x or full-width digits', async () => {
    expect((await findUserByIdNumber(adminScope, PLANTED.idNumber))?.id).toBe(admin.id);
    expect((await findUserByIdNumber(adminScope, fullWidth(PLANTED.idNumber)))?.id).toBe(admin.id);
    const withX = residentIdEndingInX();
    const staff5 = await findUserByIdNumber(adminScope, withX.toLowerCase());
    expect(staff5?.username).toBe('staff5');
    expect((await findUserByIdNumber(adminScope, fullWidth(withX.toLowerCase())))?.username).toBe('staff5');
    const staff2Id = residentId('202');
    expect((await findUserByIdNumber(adminScope, staff2Id))?.username).toBe('staff2');
    expect(await findUserByIdNumber(adminScope, residentId('999'))).toBeNull();
    await expect(findUserByIdNumber(adminScope, '12345')).rejects.toMatchObject({ field: 'idNumber' });
  });

  async function expectAllUnder(keys: KeyRing): Promise<void> {
    const rows = await context.database.db.selectFrom('users').selectAll().execute();
    let checked = 0;
    for (const row of rows) {
      for (const [column, plaintext] of Object.entries(planted.get(row.id) ?? {})) {
        const sealed = row[column as keyof typeof row] as string;
        expect(sealedKeyId(sealed), column).toBe(keys.current.id);
        expect(openField(keys, sealed)).toBe(plaintext);
        checked += 1;
      }
      for (const column of SEALED_COLUMNS) {
        if (column.table !== 'users' || column.index === undefined) continue;
        const sealed = row[column.sealedColumn] as string | null;
        const index = row[column.index.column];
        if (sealed === null) expect(index).toBeNull();
        else expect(index).toBe(blindIndex(keys, openField(keys, sealed), column.index.purpose));
      }
    }
    expect(checked).toBe(18); // 6 × id number, phone, email, less staff4's email, plus the TOTP secret
  }

  it('rotates the keys: interrupted after one batch, resumed by the command, old keys kept', async () => {
    const oldRing = context.keys;
    const before = await rotationStatus(context.database.db, oldRing);
    expect(before).toMatchObject({ currentKeyId: oldRing.current.id, underOldKeys: 0, unknown: 0 });

    const stop = new AbortController();
    const first = await rotateDataKeys(operatorScope(context), {
      batchSize: 2,
      signal: stop.signal,
      // Stops once the first batch of identity numbers has committed, half-way through a column.
      onBatch: ({ column }) => {
        if (column === 'users.id_number_sealed') stop.abort();
      },
    });
    expect(first).toMatchObject({ keyAdded: true, complete: false, previousKeyId: oldRing.current.id });
    expect(first.resealed).toEqual({ 'users.totp_secret_sealed': 1, 'users.id_number_sealed': 2 });

    const afterFirst = loadKeyRing(context.config.dataKeysFile, 'test');
    expect(afterFirst.current.id).not.toBe(oldRing.current.id);
    expect(afterFirst.keys.get(oldRing.current.id)?.secret.equals(oldRing.current.secret)).toBe(true);
    const midway = await rotationStatus(context.database.db, afterFirst);
    expect(midway.underOldKeys).toBe(15);
    expect(midway.retirableKeyIds).toEqual([]);

    // During the rotation the look-up still finds rows under either key.
    expect((await findUserByIdNumber(withKeys(afterFirst), PLANTED.idNumber))?.id).toBe(admin.id);
    const staff5 = await findUserByIdNumber(withKeys(afterFirst), residentIdEndingInX());
    expect(staff5?.username).toBe('staff5');
    expect(sealedKeyId(staff5?.sealedPersonalData.idNumber ?? '')).toBe(oldRing.current.id);

    const status = await gongkai(['keys', 'rotate', '--status']);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('仍使用旧密钥加密的值：15 个');
    expect(status.stdout).toContain(
      `users.id_number_sealed：共 6 个，当前密钥 2 个，旧密钥 ${oldRing.current.id} 4 个`,
    );

    const second = await gongkai(['keys', 'rotate', '--batch-size', '2']);
    expect(second.stdout).toContain('继续上次未完成的轮换');
    expect(second.stdout).toContain('已重新加密 15 个值，重新计算盲索引 15 个');
    expect(second.code).toBe(0);

    const final = loadKeyRing(context.config.dataKeysFile, 'test');
    expect(final.current.id).toBe(afterFirst.current.id);
    expect([...final.keys.keys()]).toEqual([oldRing.current.id, final.current.id]);
    await expectAllUnder(final);
    const done = await rotationStatus(context.database.db, final);
    expect(done).toMatchObject({ underOldKeys: 0, unknown: 0, retirableKeyIds: [oldRing.current.id] });
    const statusDone = await gongkai(['keys', 'rotate', '--status']);
    expect(statusDone.stdout).toContain('仍使用旧密钥加密的值：0 个');

    // Without the old key at all, look-up, list and reveal still work: nothing depends on it any more.
    const onlyNew: KeyRing = { keys: new Map([[final.current.id, final.current]]), current: final.current };
    const scope = withKeys(onlyNew);
    expect((await findUserByIdNumber(scope, PLANTED.idNumber.toLowerCase()))?.id).toBe(admin.id);
    expect(await revealUserPersonalData(scope, admin.id, '轮换后核对')).toEqual(PLANTED);
    const listed = (await listUsers(scope)).map((user) => presentUserForList(onlyNew, user));
    expect(listed.find((item) => item.id === admin.id)?.phone).toBe('139****5678');

    const rotations = await findAuditEntries(context.database.db, { action: 'keys.rotate' }, 10);
    expect(rotations).toHaveLength(2);
    expect(rotations.map((entry) => JSON.parse(entry.details) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ keyAdded: false, complete: true, resealed: 15, reindexed: 15, damaged: 0 }),
      expect.objectContaining({ keyAdded: true, complete: false, resealed: 3, reindexed: 2, damaged: 0 }),
    ]);
    expect(await verifyAudit(context.database.db)).toMatchObject({ ok: true });
  });

  it('keeps every planted value out of storage in plaintext after all of the above', async () => {
    await expectNoPlaintextStored();
  });
});
