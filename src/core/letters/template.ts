// Letter templates: plain text with named placeholders `{{名称}}`. An edited template is checked before
// it is stored; filling replaces each placeholder once (a value is never read as a template itself).
import { Invalid } from '../errors.ts';
import { allowedPlaceholders, LETTER_KIND_SPECS, type LetterKind } from './kinds.ts';

export const MAX_TEMPLATE_LENGTH = 20_000;

const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;

const token = (name: string) => `{{${name}}}`;

/** The placeholder names a template uses, each once, in order of first use. */
export function placeholdersIn(body: string): string[] {
  return [...new Set([...body.matchAll(PLACEHOLDER)].map((match) => match[1] ?? ''))];
}

/** Line endings as LF, trailing spaces of lines and blank lines at both ends removed. */
export function normaliseTemplate(body: string): string {
  return body
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

/**
 * Checks a template of `kind` and returns it normalised. Throws Invalid('body', …) naming the first
 * broken rule: empty, too long, stray braces, a placeholder the kind does not know, or a required one
 * left out (e.g. 救济途径 in a decision).
 */
export function validateTemplate(kind: LetterKind, body: string): string {
  const text = normaliseTemplate(body);
  const spec = LETTER_KIND_SPECS[kind];
  if (text.trim() === '') throw new Invalid('body', `“${spec.label}”模板正文不能为空`);
  if (text.length > MAX_TEMPLATE_LENGTH) {
    throw new Invalid('body', `“${spec.label}”模板正文不能超过 ${MAX_TEMPLATE_LENGTH} 个字符`);
  }
  const rest = text.replace(PLACEHOLDER, '');
  if (rest.includes('{{') || rest.includes('}}')) {
    throw new Invalid('body', '模板中有不成对的“{{”或“}}”：占位符应写作 {{名称}}，名称中不含空格');
  }
  const allowed = allowedPlaceholders(kind);
  const unknown = placeholdersIn(text).find((name) => !allowed.includes(name));
  if (unknown !== undefined) {
    throw new Invalid(
      'body',
      `占位符“${token(unknown)}”不能用于“${spec.label}”；可用的占位符：${allowed.map(token).join('、')}`,
    );
  }
  const used = placeholdersIn(text);
  const missing = spec.required.find((name) => !used.includes(name));
  if (missing !== undefined) {
    throw new Invalid('body', `“${spec.label}”模板缺少必需的占位符“${token(missing)}”`);
  }
  return text;
}

/** Replaces every placeholder with its value; a placeholder without a value is an Invalid naming it. */
export function fillTemplate(body: string, values: Readonly<Record<string, string>>): string {
  return body.replace(PLACEHOLDER, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Invalid(name, `缺少占位符“${token(name)}”的内容`);
    return value;
  });
}

/** A filled letter as paragraphs: one per non-blank line, indentation left to the renderer. */
export function letterParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter((line) => line !== '');
}
