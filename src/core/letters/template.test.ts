import { describe, expect, it } from 'vitest';
import { Invalid } from '../errors.ts';
import { DEFAULT_TEMPLATES } from './default-templates.ts';
import { allowedPlaceholders, LETTER_KIND_SPECS, LETTER_KINDS, PLACEHOLDER_DESCRIPTIONS } from './kinds.ts';
import {
  fillTemplate,
  letterParagraphs,
  MAX_TEMPLATE_LENGTH,
  placeholdersIn,
  validateTemplate,
} from './template.ts';

function invalidOf(work: () => unknown): Invalid {
  try {
    work();
  } catch (error) {
    if (error instanceof Invalid) return error;
    throw error;
  }
  throw new Error('expected Invalid');
}

describe('placeholders', () => {
  it('lists each name once, in order of first use, spaces inside the braces allowed', () => {
    expect(placeholdersIn('{{申请人}}：于{{ 收到日期 }}收到，{{申请人}}，{{}}，{ {x} }')).toEqual([
      '申请人',
      '收到日期',
    ]);
  });

  it('has a description for every placeholder of every kind', () => {
    for (const kind of LETTER_KINDS) {
      for (const name of allowedPlaceholders(kind))
        expect(PLACEHOLDER_DESCRIPTIONS[name], name).toBeDefined();
    }
  });

  it('lets only letters to the applicant name the applicant, and only numbered letters carry 文号', () => {
    expect(allowedPlaceholders('consultation')).toContain('征求对象');
    expect(allowedPlaceholders('consultation')).not.toContain('申请人');
    expect(allowedPlaceholders('consultation')).not.toContain('查询码');
    expect(allowedPlaceholders('receipt')).not.toContain('文号');
    expect(allowedPlaceholders('decision')).toEqual(expect.arrayContaining(['文号', '答复意见', '救济途径']));
    expect(allowedPlaceholders('correction')).not.toContain('救济途径');
  });
});

describe('validateTemplate', () => {
  it('accepts every default template, unchanged', () => {
    for (const kind of LETTER_KINDS) {
      expect(validateTemplate(kind, DEFAULT_TEMPLATES[kind]), kind).toBe(DEFAULT_TEMPLATES[kind]);
      for (const name of LETTER_KIND_SPECS[kind].required) {
        expect(placeholdersIn(DEFAULT_TEMPLATES[kind]), `${kind} ${name}`).toContain(name);
      }
    }
  });

  it('normalises line endings, trailing spaces and blank lines at both ends', () => {
    expect(validateTemplate('receipt', '\r\n\r\n收到{{收到日期}}  \r\n查询码{{查询码}}\t\r\n\r\n')).toBe(
      '收到{{收到日期}}\n查询码{{查询码}}',
    );
  });

  it('refuses a placeholder the kind does not know, naming it', () => {
    const error = invalidOf(() =>
      validateTemplate('decision', `${DEFAULT_TEMPLATES.decision}{{申请人电话}}`),
    );
    expect(error.field).toBe('body');
    expect(error.message).toMatch(
      /^占位符“\{\{申请人电话\}\}”不能用于“答复书”；可用的占位符：\{\{机关名称\}\}、/,
    );
  });

  it('refuses a template of the applicant kind in a consultation (the applicant is not named to third parties)', () => {
    const error = invalidOf(() => validateTemplate('consultation', '{{申请人}}：请于{{回复期限}}前回复。'));
    expect(error.message).toContain('占位符“{{申请人}}”不能用于“征求意见书”');
  });

  it('refuses a decision without the remedy clause, naming 救济途径', () => {
    const body = DEFAULT_TEMPLATES.decision.replace('{{救济途径}}', '如有异议请来电。');
    const error = invalidOf(() => validateTemplate('decision', body));
    expect(error.field).toBe('body');
    expect(error.message).toBe('“答复书”模板缺少必需的占位符“{{救济途径}}”');
  });

  it('names the first missing required placeholder of each kind', () => {
    expect(invalidOf(() => validateTemplate('correction', '请于{{补正期限}}前补正。')).message).toBe(
      '“补正告知书”模板缺少必需的占位符“{{补正事项}}”',
    );
    expect(invalidOf(() => validateTemplate('receipt', '已收到。')).message).toBe(
      '“接收回执”模板缺少必需的占位符“{{收到日期}}”',
    );
  });

  it('refuses stray braces, an empty text and a text that is too long', () => {
    expect(invalidOf(() => validateTemplate('receipt', '{{收到日期}} {{查询码}} {{申请人')).message).toBe(
      '模板中有不成对的“{{”或“}}”：占位符应写作 {{名称}}，名称中不含空格',
    );
    expect(invalidOf(() => validateTemplate('receipt', '{{收到日期}}{{查询码}}{{申 请人}}')).field).toBe(
      'body',
    );
    expect(invalidOf(() => validateTemplate('receipt', ' \n \r\n')).message).toBe(
      '“接收回执”模板正文不能为空',
    );
    const long = `{{收到日期}}{{查询码}}${'字'.repeat(MAX_TEMPLATE_LENGTH)}`;
    expect(invalidOf(() => validateTemplate('receipt', long)).message).toBe(
      `“接收回执”模板正文不能超过 ${MAX_TEMPLATE_LENGTH} 个字符`,
    );
  });
});

describe('fillTemplate', () => {
  it('replaces every placeholder once: a value is never read as a template', () => {
    expect(
      fillTemplate('{{申请人}}：{{ 申请内容 }}；{{申请人}}', { 申请人: '张三', 申请内容: '{{申请人}}' }),
    ).toBe('张三：{{申请人}}；张三');
  });

  it('names a placeholder without a value', () => {
    const error = invalidOf(() => fillTemplate('{{补正事项}}', {}));
    expect(error.field).toBe('补正事项');
    expect(error.message).toBe('缺少占位符“{{补正事项}}”的内容');
  });
});

describe('letterParagraphs', () => {
  it('makes one paragraph per non-blank line, without indentation', () => {
    expect(letterParagraphs('　　第一段。  \r\n\r\n  第二段。\n\t\n第三段')).toEqual([
      '第一段。',
      '第二段。',
      '第三段',
    ]);
  });
});
