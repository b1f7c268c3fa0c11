import { Logger } from '@nestjs/common';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import { type Mailbox, type Message } from './message.entity';

/** Where an attempt hands a message: an SMTP server, or a folder of .eml files. */
export interface MailTransport {
  /** resolves once the message is accepted (SMTP 250, or the file written); rejects otherwise */
  send(message: Message, from: Mailbox): Promise<void>;
  close(): void;
}

const address = (box: Mailbox) => ({ name: box.name, address: box.email });

/**
 * The message as nodemailer composes it: `multipart/alternative` (the plain text, then the HTML),
 * the row's fixed Message-ID (a resend after a crash is the same message to every mail system and
 * client that deduplicates), and the case's thread in In-Reply-To/References.
 */
export function mailOptions(message: Message, from: Mailbox): SendMailOptions {
  return {
    from: address(from),
    to: message.recipients.map(address),
    replyTo: message.replyTo ? address(message.replyTo) : undefined,
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: message.messageId,
    inReplyTo: message.threadId ?? undefined,
    references: message.threadId ?? undefined,
    headers: { 'Content-Language': message.language, 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
  };
}

export class SmtpTransport implements MailTransport {
  private readonly transporter: Transporter;

  constructor(url: string) {
    // pooled: one connection carries many messages; bounded timeouts keep an attempt inside its lease
    this.transporter = nodemailer.createTransport({ url, pool: true, maxConnections: 3, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  }

  async send(message: Message, from: Mailbox): Promise<void> {
    await this.transporter.sendMail(mailOptions(message, from));
  }

  close(): void {
    this.transporter.close();
  }
}

/**
 * No SMTP_URL: each message becomes `<mailDir>/<created>-<id>.eml`, written to a temporary name and
 * renamed, so a file is there whole or not at all, and a second attempt overwrites the first.
 */
export class EmlFileTransport implements MailTransport {
  private readonly composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  private readonly logger = new Logger('Mail');
  readonly dir: string;

  constructor(dir: string) {
    this.dir = resolve(dir);
  }

  async send(message: Message, from: Mailbox): Promise<void> {
    const info = (await this.composer.sendMail(mailOptions(message, from))) as unknown as { message: Buffer };
    await mkdir(this.dir, { recursive: true });
    const stamp = message.createdAt.toISOString().replace(/[:.]/g, '-');
    const path = join(this.dir, `${stamp}-${message.id}.eml`);
    await writeFile(`${path}.tmp`, info.message);
    await rename(`${path}.tmp`, path);
    this.logger.log(`message ${message.id} (${message.kind}) written to ${path}`);
  }

  close(): void {
    this.composer.close();
  }
}

export function createTransport(smtpUrl: string | null, mailDir: string): MailTransport {
  return smtpUrl ? new SmtpTransport(smtpUrl) : new EmlFileTransport(mailDir);
}
