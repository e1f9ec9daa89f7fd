import { describe, expect, it } from 'vitest';
import { Invalid } from '../../core/errors.ts';
import { validateCase, validateDocument, validateStatistic } from './validate.ts';

function fieldOf(work: () => unknown): string | null {
  try {
    work();
    return null;
  } catch (error) {
    return error instanceof Invalid ? error.field : 'not-invalid';
  }
}

describe('record forms', () => {
  it('accepts kinds by code or statutory label and names the field of every broken rule', () => {
    const document = {
      kind: '规章',
      title: '甲规定',
      documentNumber: '令第1号',
      issuingUnit: '甲市人民政府',
      issuedOn: '2023-01-01',
      repealedOn: '',
      invalidOn: '2023-01-01',
    };
    expect(validateDocument(document)).toEqual({ ...document, kind: 'rule', repealedOn: null });
    expect(fieldOf(() => validateDocument({ ...document, kind: '通知' }))).toBe('kind');
    expect(fieldOf(() => validateDocument({ ...document, issuedOn: '2023-02-30' }))).toBe('issuedOn');
    expect(fieldOf(() => validateDocument({ ...document, invalidOn: '2022-12-31' }))).toBe('invalidOn');
    expect(validateStatistic({ year: '2023', kind: '行政事业性收费', value: '0.50' })).toEqual({
      year: 2023,
      kind: 'fees',
      value: '0.5',
    });
    expect(fieldOf(() => validateStatistic({ year: '23', kind: 'fees', value: '1' }))).toBe('year');
  });

  it('ties the result of a case to its decision date and reads the application reference', () => {
    const pending = {
      kind: '行政复议',
      caseNumber: '复1',
      filedOn: '2023-03-01',
      decidedOn: '',
      result: '尚未审结',
    };
    expect(validateCase({ ...pending, application: 'AB12CD' })).toEqual({
      kind: 'review',
      caseNumber: '复1',
      filedOn: '2023-03-01',
      decidedOn: null,
      result: 'pending',
      application: { queryCode: 'AB12CD' },
    });
    expect(validateCase({ ...pending, application: '42' }).application).toEqual({ id: 42 });
    expect(fieldOf(() => validateCase({ ...pending, decidedOn: '2023-04-01' }))).toBe('result');
    expect(fieldOf(() => validateCase({ ...pending, result: 'upheld' }))).toBe('decidedOn');
    expect(fieldOf(() => validateCase({ ...pending, decidedOn: '2023-02-01', result: 'upheld' }))).toBe(
      'decidedOn',
    );
  });
});
