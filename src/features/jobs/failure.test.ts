import { describe, expect, it } from 'vitest';
import { describeFailure } from './failure.ts';

describe('describeFailure', () => {
  it('keeps the message without e-mail addresses, on one line', () => {
    const error = new Error('550 5.1.1 <zhao.handler@example.gov.cn>:\n Recipient address rejected');
    expect(describeFailure(error)).toBe('550 5.1.1 <[地址已隐去]>: Recipient address rejected');
  });

  it('cuts long messages and takes anything thrown', () => {
    expect(describeFailure(new Error('x'.repeat(600)), 100)).toBe(`${'x'.repeat(99)}…`);
    expect(describeFailure('connect ECONNREFUSED 127.0.0.1:25')).toBe('connect ECONNREFUSED 127.0.0.1:25');
  });
});
