import type { Static, TSchema } from 'typebox';
import Value from 'typebox/value';
import { Invalid } from '../core/errors.ts';

/** Validates input against a TypeBox schema; the error names the field and the rule broken. */
export function validate<T extends TSchema>(schema: T, value: unknown, what = '请求内容'): Static<T> {
  const errors = Value.Errors(schema, value);
  const first = errors[0];
  if (first === undefined) return value as Static<T>;
  const field = first.instancePath.replace(/^\//, '').replace(/\//g, '.') || what;
  throw new Invalid(field, `“${field}”不符合要求：${first.message}`);
}
