// What is kept of an error in job_leases.last_result and outbox.last_error: its message only, short,
// and without e-mail addresses (a mail server's refusal usually quotes the recipient's address).
const EMAIL_ADDRESS = /[^\s<>()"'@]+@[^\s<>()"'@]+\.[^\s<>()"'@]+/g;

export function describeFailure(error: unknown, limit = 500): string {
  const message = error instanceof Error ? error.message || error.name : String(error);
  const safe = message.replace(EMAIL_ADDRESS, '[地址已隐去]').replace(/\s+/g, ' ').trim();
  return safe.length > limit ? `${safe.slice(0, limit - 1)}…` : safe;
}
