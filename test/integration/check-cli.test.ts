import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { addEntry, removeEntry } from '../../src/features/checks/service.ts';
import { operatorScope } from '../support/actors.ts';
import { createTestContext } from '../support/database.ts';
import { repoRoot } from '../support/paths.ts';

const run = promisify(execFile);

// No deployment database unless a test gives one: the shipped sample dictionary is the base.
const NO_DATABASE = { DATABASE_URL: `sqlite:${join(tmpdir(), 'gongkai-check-cli-absent', 'none.db')}` };

async function gongkai(args: string[], env: Record<string, string> = NO_DATABASE) {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(repoRoot, 'bin/gongkai.js'), ...args], {
      cwd: repoRoot,
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// 申请人张三，按装 / 手机13812345678 in GBK (Node has no GBK encoder; checked against GB18030 decoding below).
const GBK_NAME_AND_TYPO = Buffer.from('c9eac7ebc8cbd5c5c8fda3acb0b4d7b0', 'hex');
const GBK_MOBILE = Buffer.from('cad6bbfa3133383132333435363738', 'hex');

const ID = '11010519491231002X';

describe('gongkai check', () => {
  let dir: string;
  const file = (name: string) => join(dir, name);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-check-'));
    writeFileSync(
      file('reply.txt'),
      `答复\n申请人张三，身份证号码${ID}。\n原国家工商行政管理总局已按 装完毕。\n`,
    );
    writeFileSync(
      file('clean.txt'),
      '根据《中华人民共和国政府信息公开条例》第二十条，主动公开本年度预算。\n',
    );
    writeFileSync(file('warnings.txt'), '联系电话：024-86123456\n');
    writeFileSync(file('gbk.txt'), Buffer.concat([GBK_NAME_AND_TYPO, Buffer.from('\n'), GBK_MOBILE]));
    writeFileSync(
      file('word.docx'),
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]),
    );
    writeFileSync(file('local.csv'), '词条,类别,级别,建议\n答复,错别字,错误,回复\n');
    writeFileSync(file('broken.csv'), '词条,类别\n按装,错字\n,typo\n');
  });

  it('has --help', async () => {
    const result = await gongkai(['check', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--dictionary <FILE.csv>');
  });

  it('prints each finding with line and column, and exits 1 when there are errors', async () => {
    const result = await gongkai(['check', file('reply.txt')]);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')).toEqual([
      `${file('reply.txt')}:2:4 姓名 [提示] “申请人”处的姓名属于个人信息，公开前应遮盖 → 张*`,
      `${file('reply.txt')}:2:12 居民身份证号码 [错误] 居民身份证号码属于敏感个人信息，公开前应遮盖 → 110105********002X`,
      `${file('reply.txt')}:3:2 机构名称 [提示] 机构名称已变更：“国家工商行政管理总局”，现为“国家市场监督管理总局” → 国家市场监督管理总局`,
      `${file('reply.txt')}:3:13 错别字 [提示] 疑似错别字：“按装”，应为“安装” → 安装`,
      `${file('reply.txt')}：错误 1 处，提示 3 处`,
      '',
    ]);
  });

  it('exits 0 for a clean file and for one with warnings only', async () => {
    const clean = await gongkai(['check', file('clean.txt')]);
    expect([clean.code, clean.stdout]).toEqual([0, `${file('clean.txt')}：未发现问题\n`]);
    const warnings = await gongkai(['check', file('warnings.txt')]);
    expect(warnings.code).toBe(0);
    expect(warnings.stdout).toContain(`${file('warnings.txt')}:1:6 固定电话号码 [提示]`);
  });

  it('reads GBK text', async () => {
    expect(new TextDecoder('gb18030').decode(GBK_NAME_AND_TYPO)).toBe('申请人张三，按装');
    const result = await gongkai(['check', '--json', file('gbk.txt')]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      findings: { category: string; line: number; column: number; text: string }[];
    };
    expect(report.findings.map((f) => [f.category, f.line, f.column, f.text])).toEqual([
      ['person_name', 1, 4, '张三'],
      ['typo', 1, 7, '按装'],
      ['mobile', 2, 3, '13812345678'],
    ]);
  });

  it('prints JSON: an object for one file, an array for several', async () => {
    const one = await gongkai(['check', '--json', file('warnings.txt')]);
    expect(JSON.parse(one.stdout)).toEqual({
      file: file('warnings.txt'),
      errors: 0,
      warnings: 1,
      findings: [
        {
          start: 5,
          end: 17,
          text: '024-86123456',
          category: 'landline',
          severity: 'warning',
          message: '固定电话号码：如为个人电话应遮盖，单位对外公开的办公电话可以保留',
          proposedMask: '024-******56',
          line: 1,
          column: 6,
        },
      ],
    });
    const several = await gongkai(['check', '--json', file('clean.txt'), file('missing.txt')]);
    expect(several.code).toBe(2);
    expect(JSON.parse(several.stdout)).toEqual([
      { file: file('clean.txt'), errors: 0, warnings: 0, findings: [] },
      { file: file('missing.txt'), error: { code: 'unreadable', message: '文件不存在' } },
    ]);
  });

  it('exits 2 when a file cannot be read, after checking the others', async () => {
    const result = await gongkai(['check', file('reply.txt'), file('missing.txt'), file('word.docx')]);
    expect(result.code).toBe(2);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.slice(-3)).toEqual([
      `${file('missing.txt')}：无法读取：文件不存在`,
      `${file('word.docx')}：无法读取：不是文本文件（Word、PDF 请先另存为 .txt）`,
      '共检查 3 个文件：有错误 1 个，无法读取 2 个。',
    ]);
  });

  it('adds the dictionaries given, and leaves out the samples on request', async () => {
    const added = await gongkai(['check', '--dictionary', file('local.csv'), file('reply.txt')]);
    expect(added.stdout).toContain(
      `${file('reply.txt')}:1:1 错别字 [错误] 疑似错别字：“答复”，应为“回复” → 回复`,
    );
    expect(added.stdout).toContain('→ 安装');
    const only = await gongkai([
      'check',
      '--no-sample-dictionary',
      '--dictionary',
      file('local.csv'),
      file('reply.txt'),
    ]);
    expect(only.stdout).toContain('“答复”');
    expect(only.stdout).not.toContain('安装');
    expect(only.stdout).not.toContain('国家市场监督管理总局');
  });

  it('starts from the deployment’s dictionaries when its database exists, as the editor does', async () => {
    const context = await createTestContext();
    try {
      const databaseConfig = context.config.database;
      const env = {
        DATABASE_URL: databaseConfig.kind === 'sqlite' ? `sqlite:${databaseConfig.file}` : databaseConfig.url,
        DATA_KEYS_FILE: context.config.dataKeysFile,
      };
      // Never used: the deployment's dictionaries are the sample they would be seeded with.
      const unseeded = await gongkai(['check', file('reply.txt')], env);
      expect(unseeded.stdout).toContain('→ 安装');
      expect(await context.database.db.selectFrom('dictionary_entries').select('id').execute()).toEqual([]);

      await addEntry(operatorScope(context), { term: '答复', category: 'sensitive', severity: 'error' });
      const typo = await context.database.db
        .selectFrom('dictionary_entries')
        .select('id')
        .where('term', '=', '按装')
        .executeTakeFirstOrThrow();
      await removeEntry(operatorScope(context), typo.id);
      const stored = await gongkai(['check', file('reply.txt')], env);
      expect(stored.code).toBe(1);
      expect(stored.stdout).toContain(`${file('reply.txt')}:1:1 敏感词 [错误]`);
      expect(stored.stdout).not.toContain('→ 安装');

      const shipped = await gongkai(['check', '--shipped-dictionary', file('reply.txt')], env);
      expect(shipped.stdout).not.toContain(':1:1 敏感词');
      expect(shipped.stdout).toContain('→ 安装');
    } finally {
      await context.destroy();
    }
  }, 60_000);

  it('refuses a dictionary with problems, naming each row and column', async () => {
    const result = await gongkai(['check', '--dictionary', file('broken.csv'), file('clean.txt')]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([
      `错误：词库 ${file('broken.csv')} 有 2 处问题，请改正后再试：`,
      '  第 2 行“类别”列：类别“错字”无法识别，应为：sensitive（敏感词）、political_wording（规范表述）、fixed_expression（固定表述）、leader_title（领导姓名职务）、obsolete_institution（机构名称）、typo（错别字）',
      '  第 3 行“词条”列：词条不能为空',
      '',
    ]);
  });
});
