import { TextDecoder } from 'node:util';
import { DomainError, invalid } from '../domain/errors';

/**
 * Decodes a CSV body strictly: in the charset the Content-Type declares (UTF-8 by default), refusing
 * bytes that are not valid in it — with the line of the first one — instead of storing "�".
 */
export function decodeCsv(bytes: Buffer, contentType: string | undefined): string {
  const charset = /charset=("?)([^";]+)\1/i.exec(contentType ?? '')?.[2]?.trim() ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', `the charset ${charset} is not supported`, {
      errors: [{ field: 'Content-Type', message: `unknown charset ${charset}` }],
    });
  }
  try {
    return decoder.decode(bytes);
  } catch {
    const lenient = new TextDecoder(charset).decode(bytes);
    const line = lenient.slice(0, lenient.indexOf('\uFFFD')).split('\n').length;
    throw invalid(
      [{ field: 'body', line, message: `line ${line} holds bytes that are not valid ${charset}; declare the file's charset in Content-Type` }],
      `the CSV is not valid ${charset}`,
    );
  }
}
