import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { AppContext } from '../app-context.ts';
import type { DemoSignIn } from '../features/demo/seed.ts';
import { loadConfig } from '../config.ts';
import { loadKeyRing } from '../security/key-file.ts';

// The server and database modules load lazily, so that `gongkai report …` and `--help` start fast.
export async function openContext(): Promise<AppContext> {
  const { openDatabase } = await import('../db/connection.ts');
  const { migrateToLatest } = await import('../db/migrate.ts');
  const config = loadConfig();
  const database = openDatabase(config.database);
  try {
    await migrateToLatest(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return { config, database, keys: loadKeyRing(config.dataKeysFile, config.env) };
}

/**
 * Reads from the deployment's database for a command that only reads, or gives null where no database
 * exists yet: a SQLite file that is not there is not created (nor an in-memory one opened) for a read.
 */
export async function readDeployment<T>(read: (context: AppContext) => Promise<T>): Promise<T | null> {
  const database = loadConfig().database;
  if (database.kind === 'sqlite' && (database.file === ':memory:' || !existsSync(database.file))) return null;
  const context = await openContext();
  try {
    return await read(context);
  } finally {
    await context.database.close();
  }
}

function describeDatabase(context: AppContext): string {
  const db = context.config.database;
  return db.kind === 'sqlite' ? `SQLite ${db.file}` : 'PostgreSQL';
}

function demoMessage(demo: DemoSignIn): string {
  return (
    `已创建演示单位“沈阳市皇姑区人民政府”及其2023年全年记录（主动公开、依申请公开、复议诉讼、行政统计、培训等）和已发布的2023年政府信息公开工作年度报告（仅用于演示，请勿用于生产）。\n` +
    `演示账号（密码均为 ${demo.password}，请妥善保存，只显示这一次）：\n` +
    demo.accounts.map((account) => `  ${account.username}（${account.displayName}）`).join('\n') +
    `\n系统管理员和安全审计员首次登录时须绑定动态口令（TOTP）。\n`
  );
}

export function registerServerCommands(program: Command): void {
  program
    .command('demo')
    .description('在空数据库中创建演示单位（沈阳市皇姑区人民政府）、各角色演示账号和2023年的记录')
    .option('--reset', '清空演示部署的全部数据后重新创建演示数据（数据库中有非演示数据时拒绝）')
    .option('--force', '与 --reset 一起使用：即使数据库中有非演示数据也清空（不可恢复）')
    .helpOption('-h, --help', '显示帮助')
    .action(async (options: { reset?: boolean; force?: boolean }) => {
      const context = await openContext();
      try {
        if (context.config.env === 'production') {
          process.stderr.write('生产环境（NODE_ENV=production）不能创建或重置演示数据。\n');
          process.exitCode = 2;
          return;
        }
        if (options.reset === true) {
          const { resetDemo } = await import('../features/demo/reset.ts');
          const { Conflict } = await import('../core/errors.ts');
          try {
            process.stdout.write(demoMessage(await resetDemo(context, { force: options.force === true })));
          } catch (error) {
            if (!(error instanceof Conflict)) throw error;
            process.stderr.write(`${error.message}\n`);
            process.exitCode = 2;
          }
          return;
        }
        const { seedDemo } = await import('../features/demo/seed.ts');
        const demo = await seedDemo(context);
        if (demo === null) {
          process.stderr.write(
            '数据库中已有单位，未创建演示数据（演示数据只能创建在空数据库中；重建演示请用 gongkai demo --reset）。\n',
          );
          process.exitCode = 2;
          return;
        }
        process.stdout.write(demoMessage(demo));
      } finally {
        await context.database.close();
      }
    });

  program
    .command('serve')
    .description('启动网站和接口服务（读取 PORT、HOST、DATABASE_URL 等设置，启动时自动迁移数据库）')
    .option('--no-demo', '开发环境的空数据库也不创建演示数据')
    .helpOption('-h, --help', '显示帮助')
    .action(async (options: { demo?: boolean }) => {
      const context = await openContext();
      // A development deployment on an empty database (a fresh clone's `npm start`) starts as the demo
      // agency unless started with --no-demo; production and test never do.
      const { seedDemo } = await import('../features/demo/seed.ts');
      const demo =
        context.config.env === 'development' && options.demo !== false ? await seedDemo(context) : null;
      const { createApp } = await import('../web/app.ts');
      const app = await createApp(context);
      // Started here, not by createApp, so tests run jobs themselves; stopped before the database closes.
      const { createJobScheduler } = await import('../features/jobs/scheduler.ts');
      const { BACKGROUND_JOBS } = await import('../features/jobs/registry.ts');
      const jobs = createJobScheduler(context, BACKGROUND_JOBS, {
        intervalSeconds: context.config.jobIntervalSeconds,
        logger: app.log,
      });
      app.addHook('onClose', () => jobs.stop());
      const stop = async () => {
        await app.close();
        await context.database.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
      await app.listen({ port: context.config.port, host: context.config.host });
      jobs.start();
      const shownHost = context.config.host === '0.0.0.0' ? 'localhost' : context.config.host;
      const { issueSetupToken } = await import('../features/accounts/setup.ts');
      const setupToken = await issueSetupToken(context);
      process.stdout.write(
        `公开（Gongkai）已启动：http://${shownHost}:${context.config.port}/ （数据库：${describeDatabase(context)}）\n`,
      );
      if (demo !== null) process.stdout.write(demoMessage(demo));
      if (setupToken !== null) {
        process.stdout.write(
          `尚无系统管理员。请在 24 小时内打开下面的一次性链接创建第一个系统管理员（也可用 gongkai users create-admin）：\n` +
            `  http://${shownHost}:${context.config.port}/admin/setup/${setupToken}\n`,
        );
      }
    });

  program
    .command('migrate')
    .description('把数据库迁移到最新结构（serve 启动时也会自动执行）')
    .helpOption('-h, --help', '显示帮助')
    .action(async () => {
      const { openDatabase } = await import('../db/connection.ts');
      const { migrateToLatest } = await import('../db/migrate.ts');
      const config = loadConfig();
      const database = openDatabase(config.database);
      try {
        const { applied } = await migrateToLatest(database);
        process.stdout.write(
          applied.length === 0
            ? '数据库已是最新结构。\n'
            : `已执行迁移：\n${applied.map((n) => `  ${n}`).join('\n')}\n`,
        );
      } finally {
        await database.close();
      }
    });
}
