import type { Severity } from './types.ts';

// The catalogue of report findings. Rule ids are stable: scripts and supervisors filter on them.
// Numbers in brackets refer to the cross-check list of spec/annual-report.md.
export const RULES = {
  // Hard errors: the report is wrong.
  't3.balance': { severity: 'error', title: '表三：第一项加第二项之和应等于第三项加第四项之和' }, // (1)
  't3.outcome-total': { severity: 'error', title: '表三：（七）总计应等于各项办理结果之和' }, // (2)
  't3.row-total': { severity: 'error', title: '表三：总计列应等于各类申请人之和' }, // (3)
  't4.group-total': { severity: 'error', title: '表四：总计应等于维持、纠正、其他、尚未审结之和' }, // (4)
  'value.type': { severity: 'error', title: '数值类型错误（应为非负整数或非负金额）' }, // (5)
  'value.blank': { severity: 'error', title: '单元格空白（空白不等于0）' }, // (5)(6)
  'completeness.row': { severity: 'error', title: '缺少法定行' }, // (6)
  'completeness.column': { severity: 'error', title: '缺少法定列' }, // (6)
  'completeness.section': { severity: 'error', title: '缺少法定部分标题' }, // (6)
  'format.unknown': { severity: 'error', title: '报告格式未知（应为2019或2021年版）' },
  'parse.ambiguous': { severity: 'error', title: '数字无分隔，无法唯一拆分' },
  'parse.count': { severity: 'error', title: '一行中的数字个数与法定列数不符' },
  // Warnings: worth a human look.
  'format.nonstandard-row': { severity: 'warning', title: '存在国家格式以外的行' },
  'format.year-mismatch': { severity: 'warning', title: '报告年度与所用格式不符' },
  'yoy.carry-over': { severity: 'warning', title: '上年结转与上年报告的结转下年度继续办理不一致' }, // (7)
  'yoy.in-force': { severity: 'warning', title: '现行有效件数与上年数及本年增减不符' }, // (8)
  'narrative.figure': { severity: 'warning', title: '正文数字与表格数字不一致' }, // (9)
  'narrative.boilerplate': { severity: 'warning', title: '正文与上年报告高度雷同' }, // (10)
  'narrative.fee-statement': { severity: 'warning', title: '第六部分未说明信息处理费收取情况' }, // (11)
} as const satisfies Record<string, { severity: Severity; title: string }>;

export type RuleId = keyof typeof RULES;
