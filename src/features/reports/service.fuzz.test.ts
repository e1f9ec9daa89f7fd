// The whole checker (reader → parser → checks) answers every input with a result or a reason: it never
// throws, whatever the bytes, and every finding it gives is well-formed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderReportHtml, renderReportMarkdown } from './render/index.ts';
import { referenceReport } from './render/test-fixtures.ts';
import { checkReportSource, type CheckOutcome } from './service.ts';

function expectWellFormed(outcome: CheckOutcome): void {
  if (outcome.kind === 'unreadable') {
    expect(outcome.reason.length).toBeGreaterThan(0);
    return;
  }
  for (const finding of outcome.report.findings ?? []) {
    expect(['error', 'warning']).toContain(finding.severity);
    expect(finding.message.length).toBeGreaterThan(0);
  }
}

const seeds = [renderReportMarkdown(referenceReport()), renderReportHtml(referenceReport())];

/** A copy of a seed with a slice deleted, duplicated or replaced by random text. */
const mutated = fc
  .record({
    seed: fc.constantFrom(...seeds),
    at: fc.nat(),
    length: fc.nat({ max: 400 }),
    insert: fc.string({ maxLength: 40 }),
    kind: fc.constantFrom('delete', 'duplicate', 'replace'),
  })
  .map(({ seed, at, length, insert, kind }) => {
    const start = at % seed.length;
    const slice = seed.slice(start, start + length);
    if (kind === 'delete') return seed.slice(0, start) + seed.slice(start + length);
    if (kind === 'duplicate') return seed.slice(0, start) + slice + slice + seed.slice(start + length);
    return seed.slice(0, start) + insert + seed.slice(start + length);
  });

describe('checkReportSource never throws', () => {
  it('on random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        expectWellFormed(await checkReportSource({ kind: 'file', data: bytes }));
      }),
      { numRuns: 150 },
    );
  });

  it('on mutated Markdown and HTML reports', async () => {
    await fc.assert(
      fc.asyncProperty(mutated, async (text) => {
        expectWellFormed(await checkReportSource({ kind: 'text', text }));
      }),
      { numRuns: 150 },
    );
  });
});
