// `gongkai assess`: computes a period's scores of a unit's direct sub-units under the unit's latest rules,
// stores the run (audited as the command-line operator, like the page's 计算得分) and prints the ranking.
import type { Command } from 'commander';
import type { ActingScope } from '../app-context.ts';
import { Invalid, NotFound } from '../core/errors.ts';

async function resolveUnit(scope: ActingScope, reference: string): Promise<{ id: number; name: string }> {
  const { listUnits } = await import('../features/units/service.ts');
  const units = await listUnits(scope);
  const matches = units.filter((unit) => String(unit.id) === reference || unit.name === reference);
  if (matches.length === 1) return matches[0] as { id: number; name: string };
  if (matches.length > 1) throw new Invalid('unit', `有多个单位名为“${reference}”，请用编号指定`);
  throw new NotFound(`未找到单位“${reference}”`);
}

export function registerAssessCommands(program: Command): void {
  program
    .command('assess')
    .description('按考核细则计算下级单位某一期间的得分和排名并输出')
    .helpOption('-h, --help', '显示帮助')
    .requiredOption('--unit <单位>', '考核单位（编号或名称）：对其直属下级单位排名')
    .requiredOption('--period <期间>', '考核期间：2023、2023-Q4、2023-11 或 2023-W47')
    .option('--json', '输出 JSON')
    .action(async (options: { unit: string; period: string; json?: boolean }) => {
      const { openContext } = await import('./server-commands.ts');
      const { getRanking, runAssessment } = await import('../features/assessment/service.ts');
      const { indicatorOf } = await import('../core/assessment/catalogue.ts');
      const { formatHundredths, formatMeasured } = await import('../core/assessment/scoring.ts');
      const { parsePeriod } = await import('../core/assessment/period.ts');
      const { periodLabel } = await import('../features/assessment/export.ts');
      const period = parsePeriod(options.period);
      const context = await openContext();
      try {
        const scope: ActingScope = { context, actor: { kind: 'operator' }, address: 'cli' };
        const unit = await resolveUnit(scope, options.unit);
        const runId = await runAssessment(scope, unit.id, period.text);
        const run = await getRanking(scope, unit.id, period.text);
        if (run === null) throw new NotFound('该期间尚未计算得分');
        const scores = run.scores.map((row) => ({
          rank: row.rank,
          unitId: row.unitId,
          unitName: row.unitName,
          score: Number(formatHundredths(row.score)),
          indicators: row.indicators.map((indicator) => ({
            code: indicator.code,
            label: indicatorOf(indicator.code)?.label ?? indicator.code,
            value: indicator.value === null ? null : Number(formatMeasured(indicator.value)),
            points: Number(formatHundredths(indicator.points)),
            records: indicator.records.length,
          })),
        }));
        if (options.json) {
          const out = {
            unit: { id: unit.id, name: unit.name },
            period: run.period,
            ruleVersion: run.ruleSet.version,
            asOf: run.asOf,
            runId,
            scores,
          };
          process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
          return;
        }
        const lines = [
          `${unit.name} ${periodLabel(period)}考核（考核细则第 ${run.ruleSet.version} 版，计算日期 ${run.asOf}）`,
          ...(scores.length === 0 ? ['（没有直属下级单位）'] : []),
          ...scores.map(
            (row) =>
              `${String(row.rank).padStart(3)}  ${row.unitName}  ${row.score}  ` +
              row.indicators.map((indicator) => `${indicator.label} ${indicator.points}`).join('；'),
          ),
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      } finally {
        await context.database.close();
      }
    });
}
