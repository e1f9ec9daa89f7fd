// Renders the synthetic PDF fixtures of the report readers with headless Chromium, so that the tests
// read real Chromium/Skia PDFs (CID fonts, subset glyphs, ToUnicode maps) without needing Chromium.
// Usage: npx tsx scripts/make-pdf-fixtures.ts   (needs /usr/bin/chromium and fonts-wqy-zenhei)
// The numbers are invented (ours), but internally consistent like a real report.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../test/support/browser.ts';

const fixturesDir = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'src',
  'features',
  'reports',
  'readers',
  'fixtures',
);

type Row = readonly [label: string, numbers: readonly number[]];

const TABLE3_TOP: readonly Row[] = [
  ['一、本年新收政府信息公开申请数量', [120, 3, 0, 1, 2, 0, 126]],
  ['二、上年结转政府信息公开申请数量', [4, 0, 0, 0, 0, 0, 4]],
];

const TABLE3_GROUPS: readonly (readonly [group: string, rows: readonly Row[]])[] = [
  ['（一）予以公开', [['', [40, 1, 0, 0, 1, 0, 42]]]],
  ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', [['', [9, 0, 0, 0, 0, 0, 9]]]],
  [
    '（三）不予公开',
    [
      ['1.属于国家秘密', [1, 0, 0, 0, 0, 0, 1]],
      ['2.其他法律行政法规禁止公开', [0, 0, 0, 0, 0, 0, 0]],
      ['3.危及“三安全一稳定”', [0, 0, 0, 0, 0, 0, 0]],
      ['4.保护第三方合法权益', [5, 0, 0, 0, 0, 0, 5]],
      ['5.属于三类内部事务信息', [0, 0, 0, 0, 0, 0, 0]],
      ['6.属于四类过程性信息', [2, 0, 0, 0, 0, 0, 2]],
      ['7.属于行政执法案卷', [1, 0, 0, 0, 0, 0, 1]],
      ['8.属于行政查询事项', [0, 0, 0, 0, 0, 0, 0]],
    ],
  ],
  [
    '（四）无法提供',
    [
      ['1.本机关不掌握相关政府信息', [50, 2, 0, 1, 1, 0, 54]],
      ['2.没有现成信息需要另行制作', [3, 0, 0, 0, 0, 0, 3]],
      ['3.补正后申请内容仍不明确', [1, 0, 0, 0, 0, 0, 1]],
    ],
  ],
  [
    '（五）不予处理',
    [
      ['1.信访举报投诉类申请', [4, 0, 0, 0, 0, 0, 4]],
      ['2.重复申请', [3, 0, 0, 0, 0, 0, 3]],
      ['3.要求提供公开出版物', [0, 0, 0, 0, 0, 0, 0]],
      ['4.无正当理由大量反复申请', [0, 0, 0, 0, 0, 0, 0]],
      ['5.要求行政机关确认或重新出具已获取信息', [0, 0, 0, 0, 0, 0, 0]],
    ],
  ],
  [
    '（六）其他处理',
    [
      ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', [2, 0, 0, 0, 0, 0, 2]],
      ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', [0, 0, 0, 0, 0, 0, 0]],
      ['3.其他', [1, 0, 0, 0, 0, 0, 1]],
    ],
  ],
];

const TABLE3_TOTAL: Row = ['（七）总计', [122, 3, 0, 1, 2, 0, 128]];
const TABLE3_CARRIED: Row = ['四、结转下年度继续办理', [2, 0, 0, 0, 0, 0, 2]];

function numberCells(numbers: readonly number[]): string {
  return numbers.map((n) => `<td class="n">${n}</td>`).join('');
}

function table3Html(): string {
  const outcomeRowCount = TABLE3_GROUPS.reduce((sum, [, rows]) => sum + rows.length, 0) + 1;
  const rows: string[] = [
    '<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>',
    '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>',
    '<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>',
    ...TABLE3_TOP.map(([label, numbers]) => `<tr><td colspan="3">${label}</td>${numberCells(numbers)}</tr>`),
  ];
  let first = true;
  for (const [group, groupRows] of TABLE3_GROUPS) {
    const outcomeHeader = first ? `<td rowspan="${outcomeRowCount}">三、本年度办理结果</td>` : '';
    first = false;
    groupRows.forEach(([label, numbers], index) => {
      const groupCell =
        label === ''
          ? `<td colspan="2">${group}</td>`
          : index === 0
            ? `<td rowspan="${groupRows.length}">${group}</td><td>${label}</td>`
            : `<td>${label}</td>`;
      rows.push(`<tr>${index === 0 ? outcomeHeader : ''}${groupCell}${numberCells(numbers)}</tr>`);
    });
  }
  rows.push(`<tr><td colspan="2">${TABLE3_TOTAL[0]}</td>${numberCells(TABLE3_TOTAL[1])}</tr>`);
  rows.push(`<tr><td colspan="3">${TABLE3_CARRIED[0]}</td>${numberCells(TABLE3_CARRIED[1])}</tr>`);
  return `<table class="t3">${rows.join('\n')}</table>`;
}

function table4Html(): string {
  const groupHeads = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const heads = groupHeads.map((h) => `<td>${h}</td>`).join('');
  return `<table class="t4">
<tr><td colspan="5" rowspan="2">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
<tr>${heads}${heads}${heads}</tr>
<tr>${numberCells([1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0])}</tr>
</table>`;
}

const REPORT_HTML = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>
body { font-family: 'WenQuanYi Zen Hei'; font-size: 12pt; line-height: 1.5; }
h1 { font-size: 18pt; text-align: center; }
p { text-indent: 2em; margin: 0.4em 0; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; line-height: 1.25; }
td { border: 0.75pt solid #000; padding: 2pt 3pt; text-align: center; vertical-align: middle; }
table.t3 td:nth-child(1) { width: 7em; }
td.n { width: 3.2em; }
.spacer { height: 330pt; }
</style></head><body>
<h1>合成示例区2023年政府信息公开工作年度报告</h1>
<p>根据《中华人民共和国政府信息公开条例》规定编制本报告。报告数据统计期限为2023年1月1日至2023年12月31日。本报告为测试用合成文本，数字均为虚构。</p>
<h2>一、总体情况</h2>
<p>2023年，本区共受理政府信息公开申请126件，均按时给予答复。</p>
<div class="spacer"></div>
<h2>三、收到和处理政府信息公开申请情况</h2>
${table3Html()}
<h2>四、政府信息公开行政复议、行政诉讼情况</h2>
${table4Html()}
<h2>五、存在的主要问题及改进情况</h2>
<p>信息公开的及时性仍需提高。</p>
</body></html>`;

const FOOTER_TEMPLATE =
  '<div style="font-size:10pt;width:100%;text-align:center;font-family:WenQuanYi Zen Hei">- <span class="pageNumber"></span> -</div>';
const HEADER_TEMPLATE =
  '<div style="font-size:9pt;width:100%;text-align:right;padding-right:1cm;font-family:WenQuanYi Zen Hei">合成示例区人民政府办公室</div>';

// A page that only shows pixels, like a scanned report: the text is painted on a canvas.
const SCANNED_HTML = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<canvas id="c" width="600" height="300"></canvas>
<script>
const ctx = document.getElementById('c').getContext('2d');
ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, 600, 300);
ctx.fillStyle = '#000'; ctx.font = '24px "WenQuanYi Zen Hei"';
ctx.fillText('政府信息公开工作年度报告（扫描件）', 40, 80);
ctx.fillText('一、本年新收政府信息公开申请数量 12', 40, 140);
</script></body></html>`;

async function main(): Promise<void> {
  await mkdir(fixturesDir, { recursive: true });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setContent(REPORT_HTML, { waitUntil: 'load' });
    const report = await page.pdf({
      format: 'A4',
      margin: { top: '2cm', bottom: '2cm', left: '2cm', right: '2cm' },
      displayHeaderFooter: true,
      headerTemplate: HEADER_TEMPLATE,
      footerTemplate: FOOTER_TEMPLATE,
    });
    await writeFile(join(fixturesDir, 'synthetic-report.pdf'), report);

    await page.setContent(SCANNED_HTML, { waitUntil: 'load' });
    const scanned = await page.pdf({ format: 'A5' });
    await writeFile(join(fixturesDir, 'synthetic-scanned.pdf'), scanned);
    console.log(`wrote ${report.length} + ${scanned.length} bytes to ${fixturesDir}`);
  } finally {
    await browser.close();
  }
}

await main();
