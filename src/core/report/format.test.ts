// The statutory labels in format.ts, checked character for character against the spec's own listing
// (../shared/spec/annual-report.md), so a typo in a label cannot land.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  FORMATS,
  SECTION_IDS,
  SECTION_TITLES,
  TABLE3_COLUMNS,
  TABLE3_NOTE,
  table3Keys,
  table3OutcomeKeys,
} from './format.ts';

const spec = readFileSync(new URL('../../../../shared/spec/annual-report.md', import.meta.url), 'utf8');

/** The lines of the first fenced block after a heading that starts with `heading`. */
function fencedBlockAfter(heading: string): string[] {
  const start = spec.indexOf(`\n## ${heading}`);
  const open = spec.indexOf('```', start);
  const close = spec.indexOf('```', open + 3);
  return spec
    .slice(open + 3, close)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

describe('the national formats as data', () => {
  it('has the six section titles of the spec, in order', () => {
    const titles = fencedBlockAfter('Sections (2021 format)').map((line) => line.split(/\s{2,}/)[0]);
    expect(SECTION_IDS.map((id) => SECTION_TITLES[id])).toEqual(titles);
  });

  it('has every row of table 三 (2021) exactly as the spec lists them', () => {
    const rows = fencedBlockAfter('Table 三');
    expect(FORMATS['2021'].table3Rows.map((row) => row.label)).toEqual(rows);
  });

  it('has the table 三 note and columns verbatim', () => {
    expect(spec).toContain(TABLE3_NOTE);
    for (const column of TABLE3_COLUMNS) expect(spec).toContain(`\`${column}\``);
  });

  it('has the blocks, rows and columns of table 二 (2021) exactly as the spec lists them', () => {
    const lines = fencedBlockAfter('Table 二');
    const printed: string[] = [];
    for (const block of FORMATS['2021'].table2) {
      printed.push(block.label, ['信息内容', ...block.columns].join(' | '), ...block.rows);
    }
    expect(printed).toEqual(lines);
  });

  it('2019: （六）其他处理 is one row, so table 三 has 20 outcome rows instead of 22', () => {
    expect(table3OutcomeKeys('2021')).toHaveLength(21);
    expect(table3OutcomeKeys('2019')).toHaveLength(19);
    expect(table3Keys('2021')).toHaveLength(25);
    expect(table3Keys('2019')).toContain('（六）其他处理');
    const columns2019 = FORMATS['2019'].table2.flatMap((block) => block.columns);
    for (const column of new Set(columns2019)) expect(spec).toContain(column);
  });
});
