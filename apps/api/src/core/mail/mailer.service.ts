import { Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';
import { InjectConfig } from '../config/config.module';
import type { AppConfig } from '../config/app-config';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * Sends email through SMTP_URL; without it each message is written as an `.eml` file to
 * DATA_DIR/outbox, where a developer (or a test) can open the links.
 */
@Injectable()
export class MailerService {
  private readonly logger = new Logger(MailerService.name);
  private readonly transport: Transporter;
  private readonly outbox: string | null;

  constructor(@InjectConfig() private readonly config: AppConfig) {
    this.outbox = config.smtpUrl ? null : join(config.dataDir, 'outbox');
    this.transport = config.smtpUrl ? createTransport(config.smtpUrl) : createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = await this.transport.sendMail({ from: this.config.mailFrom, ...mail });
    if (this.outbox) {
      await mkdir(this.outbox, { recursive: true });
      const file = join(this.outbox, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}.eml`);
      await writeFile(file, (info as unknown as { message: Buffer }).message);
    }
    this.logger.log({ subject: mail.subject }, 'Email sent');
  }

  /** For flows that must answer the same whether or not a message goes out (no timing leak). */
  sendInBackground(mail: OutgoingMail): void {
    this.send(mail).catch((error: unknown) => this.logger.error({ err: error, subject: mail.subject }, 'Email could not be sent'));
  }
}
