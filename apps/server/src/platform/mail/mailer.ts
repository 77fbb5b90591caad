import { AppError } from '@tableport/contracts';
import { createTransport } from 'nodemailer';
import type { Logger } from '../../infra/log/logger';

/** One email with the one link it exists for (reset, invitation). */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** The link in the text; without SMTP it is what goes to the log. */
  link: string;
}

/** Sends email over SMTP, or writes the link to the log when no SMTP server is configured. */
export interface Mailer {
  readonly kind: 'smtp' | 'log';
  send(message: MailMessage): Promise<void>;
}

/** Options of {@link createMailer}. */
export interface MailerOptions {
  /** TABLEPORT_SMTP_URL (`smtp://user:pass@host:port`, `smtps://…`); unset = log. */
  smtpUrl: string | undefined;
  from: string;
  logger: Logger;
}

/** nodemailer over SMTP when configured, else the log (never the message body: only the link). */
export function createMailer(options: MailerOptions): Mailer {
  const log = options.logger.child({ module: 'mail' });
  if (!options.smtpUrl) {
    return {
      kind: 'log',
      async send(message) {
        log.info(
          { to: message.to, subject: message.subject, link: message.link },
          'email (no SMTP configured)',
        );
      },
    };
  }
  const transport = createTransport(options.smtpUrl);
  return {
    kind: 'smtp',
    async send(message) {
      try {
        await transport.sendMail({
          from: options.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
        });
      } catch (error) {
        // nodemailer's errors can quote the server's reply; keep the code, not the text.
        throw new AppError({
          code: 'mail.failed',
          message: `Could not send email to ${message.to}`,
          details: { smtpCode: (error as { code?: string }).code },
        });
      }
    },
  };
}
