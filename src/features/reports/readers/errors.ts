// The one error the readers throw. `reason` is a zh-CN sentence for people (the CLI prints it and
// exits 2, the web shows it); `code` is stable for programs.
export type ReadErrorCode = 'unsupported' | 'scanned-pdf' | 'corrupt' | 'too-large';

export class ReadError extends Error {
  override readonly name = 'ReadError';

  constructor(
    readonly reason: string,
    readonly code: ReadErrorCode,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
  }
}
