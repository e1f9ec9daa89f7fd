import { describe, expect, it } from 'vitest';
import { readHtml } from './html.ts';

const NATIONAL_TABLE3_HEAD = `
<table border="1">
  <tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
  <tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
  <tr><td>商业<br>企业</td><td>科研<br/>机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
  <tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>202</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>202</td></tr>
  <tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>34</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>34</td></tr>
  <tr><td colspan="2">（二）部分公开（区分处理的，只计这一情形，
      不计其他情形）</td><td>7</td><td></td><td>0</td><td>0</td><td>0</td><td>0</td><td>7</td></tr>
</table>`;

describe('readHtml', () => {
  it('turns table rows into one line per tr without expanding spans', () => {
    const doc = readHtml(
      `<html><body><p>三、收到和处理政府信息公开申请情况</p>${NATIONAL_TABLE3_HEAD}</body></html>`,
    );
    expect(doc.source).toBe('html');
    expect(doc.lines).toEqual([
      ['三、收到和处理政府信息公开申请情况'],
      ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况'],
      ['自然人', '法人或其他组织', '总计'],
      ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
      ['一、本年新收政府信息公开申请数量', '202', '0', '0', '0', '0', '0', '202'],
      ['三、本年度办理结果', '（一）予以公开', '34', '0', '0', '0', '0', '0', '34'],
      ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '7', '', '0', '0', '0', '0', '7'],
    ]);
  });

  it('drops navigation, scripts, hidden elements and site chrome', () => {
    const doc = readHtml(`<!DOCTYPE html><html><head><title>年报</title><style>p{}</style></head><body>
      <header><a href="/">首页</a></header><nav><ul><li>政务公开</li></ul></nav>
      <script>var x = "<p>不是正文</p>";</script><noscript>请启用脚本</noscript>
      <div style="display: none">隐藏</div><span hidden>也隐藏</span>
      <form><select><option>2022年</option></select><input type="text"><button>搜索</button></form>
      <article><header><h1>某区2023年政府信息公开工作年度报告</h1></header>
        <p>一、总体情况</p><p>本年度&nbsp;共受理申请&#50;&#48;件&amp;答复。</p>
      </article><footer>版权所有</footer><iframe src="x"></iframe></body></html>`);
    expect(doc.lines).toEqual([
      ['某区2023年政府信息公开工作年度报告'],
      ['一、总体情况'],
      ['本年度 共受理申请20件&答复。'],
    ]);
  });

  it('splits <br>-separated paragraphs into lines and joins CJK broken over source lines', () => {
    const doc = readHtml('<div>第一行<br>第二行<br><br>第三\n  行</div><p>Hello\nworld</p>');
    expect(doc.lines).toEqual([['第一行'], ['第二行'], ['第三行'], ['Hello world']]);
  });

  it('reads a layout table around the article as ordinary lines, and only leaf tables as rows', () => {
    const doc = readHtml(`<table width="960"><tr>
      <td class="sidebar"><a>政务公开</a></td>
      <td><h2>某区年度报告</h2><p>二、主动公开政府信息情况</p>
        <table><tr><td>信息内容</td><td>本年处理决定数量</td></tr><tr><td>行政许可</td><td>31909</td></tr></table>
        <p>三、收到和处理政府信息公开申请情况</p></td></tr></table>`);
    expect(doc.lines).toEqual([
      ['政务公开'],
      ['某区年度报告'],
      ['二、主动公开政府信息情况'],
      ['信息内容', '本年处理决定数量'],
      ['行政许可', '31909'],
      ['三、收到和处理政府信息公开申请情况'],
    ]);
  });

  it('reads a single-cell layout table holding paragraphs as lines', () => {
    const long = '本年度全区政府信息公开工作坚持以人民为中心，'.repeat(4);
    const doc = readHtml(`<table><tr><td><p>一、总体情况</p><p>${long}</p></td></tr></table>`);
    expect(doc.lines).toEqual([['一、总体情况'], [long]]);
  });

  it('survives Word-exported HTML and tag soup', () => {
    const doc = readHtml(`<html xmlns:o="urn:schemas-microsoft-com:office:office"><body lang=ZH-CN>
      <!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->
      <p class=MsoNormal><span style='font-family:仿宋;mso-ascii-font-family:"Times New Roman"'>四、结转下年度<o:p></o:p></span></p>
      <table class=MsoNormalTable><tr style='mso-yfti-irow:0'>
        <td width=100 style='border:solid windowtext 1.0pt'><p class=MsoNormal><span lang=EN-US>1.</span><span>属于国家</span></p><p class=MsoNormal><span>秘密<o:p></o:p></span></p></td>
        <td><p class=MsoNormal><font size=2><b>1</b></font><span style='mso-hide:all'>9</span></p></td>
      <tr><td><font color=red>2.重复申请<td>9
      </table>
      <p>五、存在的<b>主要问题<i>及改进情况</p>`);
    expect(doc.lines).toEqual([
      ['四、结转下年度'],
      ['1.属于国家秘密', '1'],
      ['2.重复申请', '9'],
      ['五、存在的主要问题及改进情况'],
    ]);
  });

  it('keeps nested data tables as their own rows and text around them as lines', () => {
    const doc = readHtml(
      '<table><tr><td>外层说明</td><td><table><tr><td>行政处罚</td><td>258</td></tr></table></td></tr></table>',
    );
    expect(doc.lines).toEqual([['外层说明'], ['行政处罚', '258']]);
  });

  it('drops rows that are entirely blank but keeps blank cells in a row', () => {
    const doc = readHtml(
      '<table><tr><td> </td><td>&nbsp;</td></tr><tr><td>规章</td><td></td><td>0</td></tr></table>',
    );
    expect(doc.lines).toEqual([['规章', '', '0']]);
  });
});
