import { ExpressAdapter } from '@nestjs/platform-express';
import express, { type Request, type Response } from 'express';
import { createServer, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { JsonReplyAdapter } from './json-reply';

/** The whole answer as bytes on the wire, its Date line left out. */
function rawAnswer(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('latin1').replace(/\r\nDate: [^\r]*/, '')));
    socket.on('error', reject);
  });
}

const BODIES: Array<[string, unknown, number | undefined]> = [
  ['a page of cases', { items: [{ id: 'c1', title: 'Verdichter für Halle 3 — “Ölfrei” 🚀', createdAt: new Date('2026-12-03T06:16:45.123Z'), awardedAt: null, quantity: 2 }], total: 1 }, undefined],
  ['an empty object', {}, undefined],
  ['an array', [1, 'two', { three: [3] }], undefined],
  ['a created answer', { id: 'x' }, 201],
  ['a body past 1,000 characters', { text: 'é'.repeat(1500) }, undefined],
  ['a 204', { ignored: true }, 204],
  ['a string', 'plain text', undefined],
  ['a class instance', new (class Shaped { a = 1; })(), undefined],
];

describe('the JSON reply', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    const app = express();
    app.set('etag', false);
    const stock = new ExpressAdapter(app);
    const fast = new JsonReplyAdapter(app);
    app.get('/:adapter/:body', (req: Request, res: Response) => {
      const [, body, status] = BODIES[Number(req.params.body)];
      if (req.query.typed) res.type('application/problem+json');
      (req.params.adapter === 'fast' ? fast : stock).reply(res, body, status);
    });
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const ask = (method: string, path: string, headers = '') => rawAnswer(port, `${method} ${path} HTTP/1.1\r\nHost: here\r\nConnection: close\r\n${headers}\r\n`);

  it.each(BODIES.map(([name], i) => [name, i] as const))('answers %s with the bytes Express writes', async (_name, i) => {
    const expected = await ask('GET', `/stock/${i}`);
    expect(await ask('GET', `/fast/${i}`)).toBe(expected);
    expect(await ask('HEAD', `/fast/${i}`)).toBe(await ask('HEAD', `/stock/${i}`));
    expect(await ask('GET', `/fast/${i}`, 'If-None-Match: *\r\n')).toBe(await ask('GET', `/stock/${i}`, 'If-None-Match: *\r\n'));
    expect(await ask('GET', `/fast/${i}?typed=1`)).toBe(await ask('GET', `/stock/${i}?typed=1`));
  });

  it('writes the JSON itself for a plain object (the comparison above is not Express against Express)', async () => {
    const writes: string[] = [];
    const res = { req: { method: 'GET', headers: {} }, statusCode: 200, getHeader: () => undefined, setHeader: (name: string, value: string) => writes.push(`${name}: ${value}`), end: (text: string) => writes.push(text) };
    new JsonReplyAdapter(express()).reply(res as unknown as Response, { a: 'ä' }, undefined);
    expect(writes).toEqual(['Content-Type: application/json; charset=utf-8', 'Content-Length: 10', '{"a":"ä"}']);
  });
});
