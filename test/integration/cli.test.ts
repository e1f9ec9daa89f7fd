import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnnualReport } from '../../src/core/report/types.ts';
import { repoRoot } from '../support/paths.ts';
import {
  mutateReferenceCell,
  referenceExpected,
  referenceReport,
  referenceText,
} from '../support/reference.ts';

const run = promisify(execFile);

async function gongkai(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(repoRoot, 'bin/gongkai.js'), ...args], {
      cwd: repoRoot,
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
      maxBuffer: 64 * 1024 * 1024,
      encoding: 'buffer',
    });
    return { code: 0, stdout: stdout.toString('utf8'), stderr: stderr.toString('utf8'), raw: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: Buffer; stderr: Buffer };
    return {
      code: e.code,
      stdout: e.stdout.toString('utf8'),
      stderr: e.stderr.toString('utf8'),
      raw: e.stdout,
    };
  }
}

describe('the gongkai command', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-cli-'));
    writeFileSync(join(dir, 'good.txt'), referenceText);
    writeFileSync(join(dir, 'bad.txt'), mutateReferenceCell('(一)予以公开', 0, '35'));
    writeFileSync(join(dir, 'junk.txt'), 'nothing to see here');
    writeFileSync(join(dir, 'report.json'), JSON.stringify(referenceReport()));
  });

  it('has --help on every subcommand', async () => {
    for (const args of [
      [],
      ['serve'],
      ['migrate'],
      ['report'],
      ['report', 'check'],
      ['report', 'render'],
      ['units', 'add'],
      ['units', 'import'],
      ['audit', 'verify'],
      ['audit', 'archive'],
      ['keys', 'init'],
      ['keys', 'rotate'],
      ['users', 'create-admin'],
      ['backup'],
      ['restore'],
      ['clock'],
      ['fee'],
      ['demo'],
      ['search', 'rebuild'],
      ['report', 'build'],
      ['calendar'],
      ['calendar', 'set'],
      ['check'],
    ]) {
      const result = await gongkai([...args, '--help']);
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stdout).toMatch(/Usage|用法/);
    }
    // One process per subcommand: slow on a loaded machine, so the limit is generous.
  }, 180_000);

  it('migrates the database named by DATABASE_URL', async () => {
    const file = join(dir, 'migrate.db');
    const first = await gongkai(['migrate'], { DATABASE_URL: file });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('20261128_0001_report_check_runs');
    const second = await gongkai(['migrate'], { DATABASE_URL: file });
    expect(second.stdout).toContain('已是最新');
  });

  it('manages units from the command line, audited, with a verifiable audit chain', async () => {
    const env = { DATABASE_URL: join(dir, 'units.db'), DATA_KEYS_FILE: join(dir, 'keys.json') };
    expect((await gongkai(['units', 'add', '--name', '示例市人民政府', '--kind', 'city'], env)).code).toBe(0);
    const csv = join(dir, 'units.csv');
    writeFileSync(
      csv,
      '\uFEFF单位名称,单位类型,上级单位\n示例区人民政府,county,示例市人民政府\n示例区教育局,department,示例区人民政府\n',
    );
    expect((await gongkai(['units', 'import', csv], env)).stdout).toContain('已导入 2 个单位');
    const badCsv = join(dir, 'bad-units.csv');
    writeFileSync(badCsv, 'name,kind,parent\n示例区卫健局,department,不存在的单位\n');
    const bad = await gongkai(['units', 'import', badCsv], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('第 2 行：未找到上级单位“不存在的单位”');
    const list = await gongkai(['units', 'list'], env);
    expect(list.stdout).toMatch(
      /示例市人民政府[\s\S]* {2}\[\d+\] 示例区人民政府[\s\S]* {4}\[\d+\] 示例区教育局/,
    );
    const verify = await gongkai(['audit', 'verify'], env);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain('共 3 条记录');
  });

  it('checks one report: exit 0 and the exact numbers in --json', async () => {
    const result = await gongkai(['report', 'check', '--json', join(dir, 'good.txt')]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as AnnualReport;
    expect(report.table3).toEqual(referenceExpected.table3);
    expect(report.table4).toEqual(referenceExpected.table4);
    expect(report.findings).toEqual([]);
  });

  it('checks many files at once: exit code of the worst, results in order, a summary line', async () => {
    const files = ['good.txt', 'bad.txt', 'junk.txt', 'missing.txt'].map((f) => join(dir, f));
    const text = await gongkai(['report', 'check', ...files]);
    expect(text.code).toBe(2);
    expect(text.stdout).toContain('共检查 4 份：通过 1 份，有错误 1 份，无法读取 2 份。');
    expect(text.stdout.indexOf('good.txt')).toBeLessThan(text.stdout.indexOf('bad.txt'));
    expect(text.stdout).toContain('文件不存在');

    const json = await gongkai(['report', 'check', '--json', files[0] as string, files[1] as string]);
    expect(json.code).toBe(1);
    const reports = JSON.parse(json.stdout) as (AnnualReport & { file: string })[];
    expect(reports.map((r) => r.file)).toEqual([files[0], files[1]]);
    expect(reports[1]?.findings?.some((f) => f.rule === 't3.row-total')).toBe(true);
  });

  it('renders the interchange JSON to html, md, json and docx that read back to the same numbers', async () => {
    for (const to of ['html', 'md', 'docx', 'json']) {
      const out = join(dir, `rendered.${to}`);
      const rendered = await gongkai([
        'report',
        'render',
        join(dir, 'report.json'),
        '--to',
        to,
        '--out',
        out,
      ]);
      expect(rendered.code, to).toBe(0);
      if (to === 'json') {
        expect((JSON.parse(readFileSync(out, 'utf8')) as AnnualReport).table3).toEqual(
          referenceExpected.table3,
        );
        continue;
      }
      const checked = await gongkai(['report', 'check', '--json', out]);
      expect(checked.code, `${to}: ${checked.stdout.slice(0, 500)}`).toBe(0);
      const report = JSON.parse(checked.stdout) as AnnualReport;
      expect(report.table2, to).toEqual(referenceExpected.table2);
      expect(report.table3, to).toEqual(referenceExpected.table3);
      expect(report.table4, to).toEqual(referenceExpected.table4);
    }
  });

  it('rejects a bad render input with a message naming the field', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ format: '2020', table3: {} }));
    const result = await gongkai(['report', 'render', file, '--to', 'html']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('format');
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
