// The one error vocabulary of Gongkai. Services and core throw these; src/web/errors.ts maps them to
// HTTP and src/cli maps them to exit codes. Messages are zh-CN and safe to show to users.

export abstract class AppError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
}

/** Bad input: names the field and the rule that was broken. */
export class Invalid extends AppError {
  readonly status = 400;
  readonly code = 'invalid';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** The record does not exist, or the user may not see it (the two must look the same). */
export class NotFound extends AppError {
  readonly status = 404;
  readonly code = 'not_found';
  constructor(message = '未找到该记录') {
    super(message);
  }
}

/** The change conflicts with the current state (a lock, a duplicate, a stale version). */
export class Conflict extends AppError {
  readonly status = 409;
  readonly code = 'conflict';
}

/** Input that is well-formed but cannot be processed (e.g. a scanned PDF without text). */
export class Unprocessable extends AppError {
  readonly status = 422;
  readonly code = 'unprocessable';
}

/** Input larger than the configured limit. */
export class TooLarge extends AppError {
  readonly status = 413;
  readonly code = 'too_large';
}

/** A state-changing request made with a session but without its CSRF token. */
export class CsrfRejected extends AppError {
  readonly status = 403;
  readonly code = 'csrf';
  constructor() {
    super('页面已过期或请求来源不明，请刷新页面后重试');
  }
}
