import { type ApiRequest, type ApiResponse, type ApiTransport, type HttpMethod } from './transport';

/** A request the API answered with a status the caller did not expect. */
export class ApiError extends Error {
  constructor(
    readonly method: HttpMethod,
    readonly path: string,
    readonly response: ApiResponse,
  ) {
    const body = Buffer.isBuffer(response.body) ? `${response.body.length} bytes` : JSON.stringify(response.body);
    super(`${method} ${path} → ${response.status}: ${body}`);
  }
}

/** The `/api/v1` API over any transport; every call names the token it acts with. */
export class ApiClient {
  constructor(readonly transport: ApiTransport) {}

  /** The raw answer, whatever its status. `path` is below `/api/v1`. */
  request<T = unknown>(method: HttpMethod, path: string, request?: ApiRequest): Promise<ApiResponse<T>> {
    return this.transport(method, `/api/v1${path}`, request) as Promise<ApiResponse<T>>;
  }

  /** The body of a 2xx answer; any other status throws an `ApiError` that quotes the answer. */
  async call<T = Record<string, unknown>>(method: HttpMethod, path: string, token: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
    const res = await this.request<T>(method, path, { token, body, headers });
    if (res.status < 200 || res.status >= 300) throw new ApiError(method, path, res);
    return res.body;
  }

  get<T = Record<string, unknown>>(path: string, token: string): Promise<T> {
    return this.call<T>('GET', path, token);
  }

  post<T = Record<string, unknown>>(path: string, token: string, body: unknown = {}): Promise<T> {
    return this.call<T>('POST', path, token, body);
  }

  put<T = Record<string, unknown>>(path: string, token: string, body: unknown): Promise<T> {
    return this.call<T>('PUT', path, token, body);
  }

  patch<T = Record<string, unknown>>(path: string, token: string, body: unknown): Promise<T> {
    return this.call<T>('PATCH', path, token, body);
  }
}
