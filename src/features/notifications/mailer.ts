// E-mail through the configured SMTP server (SMTP_URL, SMTP_FROM). One connection per delivery run.
import { createTransport } from 'nodemailer';
import type { SmtpSettings } from '../../config.ts';

export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export function createMailer(smtp: SmtpSettings): Mailer {
  // Short timeouts: a mail server that does not answer holds up the run, and the message is retried.
  const transport = createTransport({
    url: smtp.url,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return {
    async send(mail) {
      await transport.sendMail({ from: smtp.from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close() {
      transport.close();
    },
  };
}
