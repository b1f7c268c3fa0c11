import { createHmac, randomBytes } from 'node:crypto';

/**
 * Standard Webhooks 1.0 signing (https://www.standardwebhooks.com, "Signature scheme"): the
 * secret is `whsec_` + base64 of the key bytes; the signed content is `{webhook-id}.{webhook-timestamp}.{body}`;
 * the signature HMAC-SHA256 of it with the key, base64, sent as `v1,{signature}` in `webhook-signature`.
 */
export const SECRET_PREFIX = 'whsec_';
/** 24 to 64 key bytes: the spec asks for 24 or more; more than 64 would only be hashed down by HMAC-SHA256 */
export const SECRET_PATTERN = /^whsec_[A-Za-z0-9+/]{32,88}={0,2}$/;

export function generateSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

export function sign(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/** The three headers of one attempt; the timestamp is the attempt's (seconds), the id the delivery's, the same on every retry. */
export function signedHeaders(secret: string, id: string, body: string, now: Date): SignedHeaders {
  const timestamp = Math.floor(now.getTime() / 1000);
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': sign(secret, id, timestamp, body) };
}
