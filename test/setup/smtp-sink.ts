import { type ParsedMail, simpleParser } from 'mailparser';
import { type AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  raw: string;
  parsed: ParsedMail;
  messageId: string;
  to: string[];
}

/**
 * A real SMTP server for the specs (smtp-server, messages read back by mailparser). A message
 * counts as delivered only when the server gave its 250 on a connection still open: a client that
 * vanished before the reply never handed the message over (RFC 5321 §4.1.1.4), as with any MTA.
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  /** answers for the next DATA commands, in order: a number refuses with that SMTP code */
  private readonly script: Array<number | { delayMs: number }> = [];
  private readonly closed = new Set<string>();
  /** recipients whose messages are refused, with the SMTP code */
  private readonly refused = new Map<string, number>();
  private server!: SMTPServer;
  port = 0;
  /** DATA commands seen, delivered or not */
  attempts = 0;
  /** connection errors the server reported (a client that vanished) */
  readonly connectionErrors: string[] = [];
  /** every 250 comes this late (a slow server, so that concurrent attempts overlap) */
  delayMs = 0;

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      size: 10 * 1024 * 1024,
      onClose: (session) => {
        this.closed.add(session.id);
      },
      onData: (stream, session, callback) => {
        this.attempts += 1;
        const refusal = session.envelope.rcptTo.map((r) => this.refused.get(r.address.toLowerCase())).find((code) => code !== undefined);
        const step = refusal ?? this.script.shift();
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if (typeof step === 'number') {
            const err = Object.assign(new Error('try again later'), { responseCode: step });
            callback(err);
            return;
          }
          const accept = async () => {
            if (this.closed.has(session.id)) return callback(new Error('client gone'));
            const raw = Buffer.concat(chunks).toString('utf8');
            const parsed = await simpleParser(raw);
            const to = (Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : []).flatMap((a) => a.value.map((v) => v.address ?? ''));
            this.received.push({ raw, parsed, messageId: parsed.messageId ?? '', to });
            callback(null, 'queued');
          };
          const delay = (step?.delayMs ?? 0) + this.delayMs;
          if (delay > 0) setTimeout(() => void accept(), delay);
          else void accept();
        });
      },
    });
    // a client that dies mid-transaction (a killed worker) resets its connection: the server reports
    // it as an error event, which is expected here and must not throw in the test process
    this.server.on('error', (err: Error) => this.connectionErrors.push(err.message));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** the next `times` messages are refused with `code` (451: try again later) */
  refuseNext(times: number, code = 451): void {
    for (let i = 0; i < times; i += 1) this.script.push(code);
  }

  /** every message to this address is refused with `code` until `acceptTo` (554: refused for good) */
  refuseTo(address: string, code = 554): void {
    this.refused.set(address.toLowerCase(), code);
  }

  acceptTo(address: string): void {
    this.refused.delete(address.toLowerCase());
  }

  /** the next message's 250 comes after `delayMs` (a worker can be killed meanwhile) */
  stallNext(delayMs: number): void {
    this.script.push({ delayMs });
  }

  /** forgets what arrived and what was scripted */
  reset(): void {
    this.received.length = 0;
    this.script.length = 0;
    this.refused.clear();
    this.attempts = 0;
    this.delayMs = 0;
  }

  /** how many times this Message-ID arrived */
  count(messageId: string): number {
    return this.received.filter((r) => r.messageId === messageId).length;
  }

  /** how many times each Message-ID arrived */
  countsByMessageId(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const mail of this.received) counts.set(mail.messageId, (counts.get(mail.messageId) ?? 0) + 1);
    return counts;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Polls until `check` holds (or fails the test after `timeoutMs`). */
export async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 30_000, what = 'the condition'): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
