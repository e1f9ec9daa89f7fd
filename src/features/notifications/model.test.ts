import { describe, expect, it } from 'vitest';
import { MAX_DELIVERY_ATTEMPTS, retryDelayMs } from './model.ts';

describe('retryDelayMs', () => {
  it('doubles from one minute after each failed attempt, up to six hours', () => {
    const minutes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => retryDelayMs(n) / 60_000);
    expect(minutes).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 360]);
  });

  it('gives up after 8 attempts, about two hours after the first', () => {
    expect(MAX_DELIVERY_ATTEMPTS).toBe(8);
    let total = 0;
    for (let failed = 1; failed < MAX_DELIVERY_ATTEMPTS; failed++) total += retryDelayMs(failed);
    expect(total / 60_000).toBe(127);
  });
});
