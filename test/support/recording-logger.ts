// A logger for background jobs that keeps what was written, for assertions.
import type { JobLogger } from '../../src/features/jobs/model.ts';

export interface LogLine {
  readonly level: 'info' | 'warn' | 'error';
  readonly details: Record<string, unknown>;
  readonly message: string;
}

export function recordingLogger(): JobLogger & { readonly lines: LogLine[] } {
  const lines: LogLine[] = [];
  const write = (level: LogLine['level']) => (details: Record<string, unknown>, message: string) => {
    lines.push({ level, details, message });
  };
  return { lines, info: write('info'), warn: write('warn'), error: write('error') };
}
