import type request from 'supertest';
import { type ApiTransport, decodeBody, encodeRequest } from '../../src/tools/case-builder';

type Agent = ReturnType<typeof request>;

/** The case builder's transport over supertest: the app in this process, no port to listen on. */
export function supertestTransport(http: Agent): ApiTransport {
  return async (method, path, request) => {
    const { headers, payload } = encodeRequest(request);
    const verb = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    const pending = http[verb](path)
      .set(headers)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer | string) => chunks.push(Buffer.from(chunk)));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    const res = payload === undefined ? await pending : await pending.send(payload);
    const answer: Record<string, string> = {};
    for (const [name, value] of Object.entries(res.headers as Record<string, string | string[]>)) {
      answer[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    return { status: res.status, headers: answer, body: decodeBody(answer['content-type'], res.body as Buffer) };
  };
}
