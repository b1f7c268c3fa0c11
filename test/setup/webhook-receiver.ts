import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface Received {
  id: string;
  timestamp: string;
  body: string;
  payload: { type: string; timestamp: string; data: Record<string, unknown> };
}

/** A free loopback port, closed again: a receiver may be started on it later ("down, then up"). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * An HTTP endpoint that checks every request with the Standard Webhooks reference library
 * (`standardwebhooks`): a request whose signature does not verify is answered 401 and counted
 * in `rejected`, never in `received`.
 */
export class WebhookReceiver {
  readonly received: Received[] = [];
  rejected = 0;
  private server: Server | null = null;

  constructor(
    readonly port: number,
    private readonly secret: () => string,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks`;
  }

  async start(): Promise<this> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        try {
          const payload = new Webhook(this.secret()).verify(body, plainHeaders(req.headers)) as Received['payload'];
          this.received.push({ id: String(req.headers['webhook-id']), timestamp: String(req.headers['webhook-timestamp']), body, payload });
          res.writeHead(204).end();
        } catch {
          this.rejected += 1;
          res.writeHead(401).end();
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.server = server;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function plainHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v ?? '')]));
}
