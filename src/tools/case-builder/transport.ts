/**
 * What the case builder needs from HTTP, and nothing more: one request, one answer. The e2e specs
 * implement it with supertest on the in-process app, the demo and the benches with fetch against a
 * listening one, so the same walk through the API serves all three.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiRequest {
  /** a user token or a supplier invitation token, sent as `Authorization: Bearer …` */
  token?: string;
  /** an object is sent as JSON; a string or a Buffer as it is (set its Content-Type in `headers`) */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface ApiResponse<T = unknown> {
  status: number;
  /** parsed JSON for JSON answers (null when empty), a string for text/*, a Buffer for anything else */
  body: T;
  /** lower-case names */
  headers: Record<string, string>;
}

export type ApiTransport = (method: HttpMethod, path: string, request?: ApiRequest) => Promise<ApiResponse>;

/** The headers and payload of a request, the same for every transport. */
export function encodeRequest(request: ApiRequest = {}): { headers: Record<string, string>; payload: string | Buffer | undefined } {
  const headers: Record<string, string> = {};
  if (request.token !== undefined) headers.authorization = `Bearer ${request.token}`;
  let payload: string | Buffer | undefined;
  if (typeof request.body === 'string' || Buffer.isBuffer(request.body)) {
    payload = request.body;
  } else if (request.body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(request.body);
  }
  for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
  return { headers, payload };
}

/** The body of an answer by its Content-Type: JSON parsed, text as a string, anything else (a PDF) as bytes. */
export function decodeBody(contentType: string | undefined, bytes: Buffer): unknown {
  const type = (contentType ?? '').toLowerCase();
  if (/^application\/([a-z.+-]*\+)?json/.test(type)) return bytes.length === 0 ? null : JSON.parse(bytes.toString('utf8'));
  if (type.startsWith('text/')) return bytes.toString('utf8');
  return bytes;
}

/** The transport of a listening app: `baseUrl` such as `http://127.0.0.1:3000`. */
export function fetchTransport(baseUrl: string): ApiTransport {
  return async (method, path, request) => {
    const { headers, payload } = encodeRequest(request);
    const res = await fetch(`${baseUrl}${path}`, { method, headers, body: payload });
    const bytes = Buffer.from(await res.arrayBuffer());
    const answer: Record<string, string> = {};
    res.headers.forEach((value, name) => (answer[name.toLowerCase()] = value));
    return { status: res.status, headers: answer, body: decodeBody(answer['content-type'], bytes) };
  };
}
