// `gongkai users …`: staff accounts from the command line. The first system administrator is created
// here (no default password ever exists); later accounts are created by administrators in the back office.
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import type { AppContext } from '../app-context.ts';
import { ROLE_LABELS } from '../core/access/roles.ts';
import { Invalid } from '../core/errors.ts';
import type { Unit } from '../features/units/model.ts';
import { openContext } from './server-commands.ts';

interface CreateAdminOptions {
  readonly username?: string;
  readonly displayName?: string;
  readonly unit?: string;
  readonly passwordStdin?: boolean;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The first line of stdin, without its line ending (e.g. `printf '%s' "$PW" | gongkai …`). */
async function passwordFromStdin(): Promise<string> {
  const text = await readStdin();
  const line = text.split(/\r?\n/)[0] ?? '';
  if (line === '') throw new Invalid('--password-stdin', '标准输入中没有密码');
  return line;
}

async function ask(question: string): Promise<string> {
  const readline = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await readline.question(question)).trim();
  } finally {
    readline.close();
  }
}

/** Reads a line from the terminal without echoing it. */
function askHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stdout.write(question);
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (error: Error | null) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stdout.write('\n');
      if (error === null) resolve(value);
      else reject(error);
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') {
          finish(null);
          return;
        }
        if (char === '\u0003' || char === '\u0004') {
          finish(new Invalid('password', '已取消'));
          return;
        }
        if (char === '\u007f' || char === '\b') value = Array.from(value).slice(0, -1).join('');
        else if (char >= ' ') value += char;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

async function askNewPassword(): Promise<string> {
  const password = await askHidden('密码（输入时不显示）：');
  const again = await askHidden('再次输入密码：');
  if (password !== again) throw new Invalid('password', '两次输入的密码不一致');
  return password;
}

async function resolveUnit(context: AppContext, reference: string | undefined): Promise<Unit> {
  const { listUnits } = await import('../features/units/service.ts');
  const units = await listUnits({ context, actor: { kind: 'operator' }, address: 'cli' });
  const topLevel = units.filter((unit) => unit.parentId === null);
  if (topLevel.length === 0) throw new Invalid('--unit', '还没有任何单位：请先创建或导入最上级单位');
  let text = reference?.trim() ?? '';
  if (text === '') {
    if (topLevel.length === 1 && topLevel[0] !== undefined) return topLevel[0];
    process.stdout.write(`最上级单位：\n${topLevel.map((u) => `  ${u.id}  ${u.name}`).join('\n')}\n`);
    text = await ask('单位（编号或名称）：');
  }
  const matches = /^\d+$/.test(text)
    ? units.filter((unit) => unit.id === Number(text))
    : units.filter((unit) => unit.name === text);
  if (matches.length > 1) throw new Invalid('--unit', `名为“${text}”的单位不止一个，请用单位编号指定`);
  const unit = matches[0];
  if (unit === undefined) throw new Invalid('--unit', `未找到单位“${text}”`);
  return unit;
}

async function createAdmin(options: CreateAdminOptions): Promise<void> {
  const interactive = process.stdin.isTTY;
  const missing = [
    options.username === undefined ? '--username' : null,
    options.displayName === undefined ? '--display-name' : null,
    options.passwordStdin ? null : '--password-stdin',
  ].filter((flag) => flag !== null);
  if (!interactive && missing.length > 0) {
    throw new Invalid(missing[0] ?? '', `非交互运行时需要给出：${missing.join('、')}`);
  }
  const context = await openContext();
  try {
    const unit = await resolveUnit(context, options.unit);
    const username = options.username ?? (await ask('用户名（3–32 位小写字母、数字、. _ -）：'));
    const displayName = options.displayName ?? (await ask('姓名：'));
    const password = options.passwordStdin ? await passwordFromStdin() : await askNewPassword();
    const { createFirstAdmin } = await import('../features/accounts/service.ts');
    const user = await createFirstAdmin(context, { username, displayName, password, unitId: unit.id });
    process.stdout.write(
      `已创建${ROLE_LABELS['system-admin']}：${user.username}（${user.displayName}），单位：${unit.name}（编号 ${unit.id}）。\n` +
        '首次登录后台时需要用手机上的动态口令应用（TOTP）完成绑定。\n',
    );
  } finally {
    await context.database.close();
  }
}

export function registerUserCommands(program: Command): void {
  const users = program.command('users').description('工作人员账号管理').helpOption('-h, --help', '显示帮助');

  users
    .command('create-admin')
    .description(
      '创建首个系统管理员（仅在还没有可用的系统管理员时可用）；缺少的选项会在终端中询问，密码输入时不显示',
    )
    .helpOption('-h, --help', '显示帮助')
    .option('--username <用户名>', '登录用户名：3–32 位小写字母、数字、点、下划线或连字符')
    .option('--display-name <姓名>', '管理员姓名')
    .option('--unit <单位>', '最上级单位的编号或名称（只有一个最上级单位时可省略）')
    .option('--password-stdin', '从标准输入读取密码（第一行），供脚本使用')
    .action(async (options: CreateAdminOptions) => {
      await createAdmin(options);
    });
}
