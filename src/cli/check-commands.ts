// `gongkai check FILE…`: the automatic content checks of proactive disclosure on text files, before
// anything is published.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { Invalid } from '../core/errors.ts';
import {
  CATEGORY_LABELS,
  SEVERITY_LABELS,
  SHIPPED_DICTIONARIES,
  compileDictionaries,
  proposedFix,
  runChecks,
  type Dictionary,
  type DictionaryMatcher,
  type Finding,
} from '../core/checks/index.ts';
import { describeProblem, parseDictionaryCsv } from '../features/checks/csv.ts';
import { readStoredDictionaries } from '../features/checks/service.ts';
import { decodeText } from '../features/reports/readers/decode-text.ts';
import { isImage, isOle2, isPdf, isZip } from '../features/reports/readers/file-signatures.ts';
import { readDeployment } from './server-commands.ts';

interface LocatedFinding extends Finding {
  /** 1-based line and column (in characters) of the start, as editors show them. */
  readonly line: number;
  readonly column: number;
}

type FileOutcome =
  | { readonly kind: 'checked'; readonly file: string; readonly findings: readonly LocatedFinding[] }
  | { readonly kind: 'unreadable'; readonly file: string; readonly reason: string };

async function readBytes(file: string): Promise<Buffer | string> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') return '文件不存在';
    if (code === 'EISDIR') return '这是一个目录，不是文件';
    return '文件无法读取';
  }
}

/** Word, PDF and image files are known by their first bytes; other binary data decodes with NULs. */
function isBinary(bytes: Uint8Array, text: string): boolean {
  return isPdf(bytes) || isZip(bytes) || isOle2(bytes) || isImage(bytes) || text.includes('\u0000');
}

async function loadDictionary(file: string): Promise<Dictionary> {
  const bytes = await readBytes(file);
  if (typeof bytes === 'string') throw new Invalid('--dictionary', `词库文件无法读取（${bytes}）：${file}`);
  const { dictionary, problems } = parseDictionaryCsv(decodeText(bytes), file);
  if (problems.length > 0) {
    const lines = problems.map((problem) => `  ${describeProblem(problem)}`).join('\n');
    throw new Invalid('--dictionary', `词库 ${file} 有 ${problems.length} 处问题，请改正后再试：\n${lines}`);
  }
  return dictionary;
}

async function checkFile(file: string, dictionaries: DictionaryMatcher): Promise<FileOutcome> {
  const bytes = await readBytes(file);
  if (typeof bytes === 'string') return { kind: 'unreadable', file, reason: bytes };
  const text = decodeText(bytes);
  if (isBinary(bytes, text)) {
    return { kind: 'unreadable', file, reason: '不是文本文件（Word、PDF 请先另存为 .txt）' };
  }
  return { kind: 'checked', file, findings: locate(text, runChecks(text, { dictionaries })) };
}

function locate(text: string, findings: readonly Finding[]): LocatedFinding[] {
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  return findings.map((finding) => {
    for (; scanned < finding.start; scanned += 1) {
      if (text.charCodeAt(scanned) === 0x0a) {
        line += 1;
        lineStart = scanned + 1;
      }
    }
    const column = Array.from(text.slice(lineStart, finding.start)).length + 1;
    return { ...finding, line, column };
  });
}

function formatFinding(file: string, finding: LocatedFinding): string {
  const fix = proposedFix(finding);
  const where = `${file}:${finding.line}:${finding.column}`;
  const what = `${CATEGORY_LABELS[finding.category]} [${SEVERITY_LABELS[finding.severity]}] ${finding.message}`;
  return fix === undefined ? `${where} ${what}` : `${where} ${what} → ${fix}`;
}

function countOf(findings: readonly Finding[], severity: Finding['severity']): number {
  return findings.filter((finding) => finding.severity === severity).length;
}

function formatOutcome(outcome: FileOutcome): string {
  if (outcome.kind === 'unreadable') return `${outcome.file}：无法读取：${outcome.reason}`;
  if (outcome.findings.length === 0) return `${outcome.file}：未发现问题`;
  const lines = outcome.findings.map((finding) => formatFinding(outcome.file, finding));
  const errors = countOf(outcome.findings, 'error');
  const warnings = countOf(outcome.findings, 'warning');
  lines.push(`${outcome.file}：错误 ${errors} 处，提示 ${warnings} 处`);
  return lines.join('\n');
}

function jsonOf(outcome: FileOutcome): object {
  if (outcome.kind === 'unreadable') {
    return { file: outcome.file, error: { code: 'unreadable', message: outcome.reason } };
  }
  return {
    file: outcome.file,
    errors: countOf(outcome.findings, 'error'),
    warnings: countOf(outcome.findings, 'warning'),
    findings: outcome.findings,
  };
}

function exitCodeOf(outcome: FileOutcome): number {
  if (outcome.kind === 'unreadable') return 2;
  return outcome.findings.some((finding) => finding.severity === 'error') ? 1 : 0;
}

/**
 * The dictionaries every check starts from: the deployment's, as its administrators keep them, when its
 * database exists, so that the command finds what the editor finds; the shipped sample with
 * `--shipped-dictionary`, where no database exists yet (a SQLite file that is not there is not created by
 * a read-only command), or while the deployment's were never used.
 */
async function baseDictionaries(shippedOnly: boolean): Promise<readonly Dictionary[]> {
  if (shippedOnly) return SHIPPED_DICTIONARIES;
  const stored = await readDeployment((context) => readStoredDictionaries(context.database.db));
  return stored ?? SHIPPED_DICTIONARIES;
}

export function registerCheckCommands(program: Command): void {
  program
    .command('check')
    .description(
      '检查待公开的文本文件：个人信息、统一社会信用代码和词库（敏感词、规范表述、机构名称、错别字等）；退出码 0 无错误，1 有错误，2 无法读取',
    )
    .helpOption('-h, --help', '显示帮助')
    .argument('<FILE...>', '文本文件（UTF-8 或 GBK），可一次给多个')
    .option('--json', '输出 JSON（一个文件为对象，多个文件为数组）')
    .option(
      '--dictionary <FILE.csv>',
      '加载词库 CSV（表头 term,category,severity,suggestion,note 或 词条,类别,级别,建议,说明），可重复',
      (file: string, files: string[]) => [...files, file],
      [] as string[],
    )
    .option('--shipped-dictionary', '基础词库用随软件提供的示例词库，不读取本部署数据库中管理员维护的词库')
    .option('--no-sample-dictionary', '不用任何基础词库（本部署词库或示例词库），只用 --dictionary 给出的')
    .action(
      async (
        files: string[],
        options: {
          json?: boolean;
          dictionary: string[];
          sampleDictionary: boolean;
          shippedDictionary?: boolean;
        },
      ) => {
        const loaded = await Promise.all(options.dictionary.map(loadDictionary));
        const base = options.sampleDictionary
          ? await baseDictionaries(options.shippedDictionary === true)
          : [];
        const dictionaries = compileDictionaries([...base, ...loaded]);
        const outcomes: FileOutcome[] = [];
        for (const file of files) {
          const outcome = await checkFile(file, dictionaries);
          outcomes.push(outcome);
          if (!options.json) process.stdout.write(`${formatOutcome(outcome)}\n`);
        }
        if (options.json) {
          const objects = outcomes.map(jsonOf);
          process.stdout.write(`${JSON.stringify(objects.length === 1 ? objects[0] : objects, null, 2)}\n`);
        } else if (files.length > 1) {
          const withErrors = outcomes.filter((outcome) => exitCodeOf(outcome) === 1).length;
          const unreadable = outcomes.filter((outcome) => outcome.kind === 'unreadable').length;
          process.stdout.write(
            `共检查 ${outcomes.length} 个文件：有错误 ${withErrors} 个，无法读取 ${unreadable} 个。\n`,
          );
        }
        process.exitCode = Math.max(0, ...outcomes.map(exitCodeOf));
      },
    );
}
