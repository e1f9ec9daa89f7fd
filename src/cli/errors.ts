import { AppError } from '../core/errors.ts';

/** Prints an error for a person at a terminal (never a stack trace) and returns the exit code. */
export function reportCliError(error: unknown): number {
  if (error instanceof AppError) {
    process.stderr.write(`错误：${error.message}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`内部错误：${message}\n`);
  if (process.env.GONGKAI_DEBUG) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
  return 70;
}
