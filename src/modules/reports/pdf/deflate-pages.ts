/**
 * The buffered pages' content streams deflated off this thread, to the bytes pdfkit would write.
 *
 * The document buffers its pages (the footer says "page x of y"), so pdfkit deflates every page's
 * content with `zlib.deflateSync` when the document ends: a quarter of a 200 × 40 render, on the
 * thread that lays the report out. Here each finished page's content is deflated once the layout
 * is done, on libuv's thread pool, by a few deflate streams (the same default options) that each
 * take one page after another, and handed back to the page as its compressed stream. Each page is
 * a whole deflate stream of its own, so the file is the same bytes; the CPU is the same as
 * pdfkit's, a stream's state lives only while the pages are deflated, and on a machine with a free
 * core the wall time of that quarter roughly halves.
 */
import { constants, createDeflate, type Deflate } from 'node:zlib';

/** What this module reads and changes of pdfkit's buffered pages (pdfkit 0.20.2 internals, pinned exactly). */
interface ContentReference {
  /** pdfkit deflates the stream in `finalize` while this is set. */
  compress: boolean;
  /** The written chunks; after finalize's concat, one buffer. */
  buffer: Uint8Array[];
  data: { Filter?: unknown };
}

interface BufferedPage {
  content: ContentReference;
  /** Open marked-content sequences: pdfkit closes them on the page's content when it ends. */
  markings?: unknown[];
}

/** Deflate jobs given to the thread pool at once (libuv's pool has four threads unless configured). */
const IN_FLIGHT = 4;

/**
 * Below this much page content (an 8 × 8 report has ~0.4 MiB, a 200 × 40 one ~18 MiB) pdfkit's own
 * `deflateSync` takes a few milliseconds, less than the trips to the pool and back on a busy machine.
 */
export const POOL_MIN_BYTES = 2 * 1024 * 1024;

/**
 * A deflate stream used for one page after another: each page's chunks are written, the stream is
 * finished (Z_FINISH) and then reset for the next. A new stream per page built a Transform stream,
 * its native handle and its output buffer on this thread each time (65–190 µs a page measured here,
 * for 248 pages), and zlib allocated its ~256 KiB state again; a reset keeps all of it. How the
 * input is split into writes does not change deflate's output when nothing is flushed before the
 * end, so a page comes out as the one-shot `deflateSync` pdfkit calls would give it.
 */
function pageDeflater(): { deflate: (chunks: Uint8Array[]) => Promise<Buffer>; close: () => void } {
  const stream: Deflate = createDeflate();
  let out: Buffer[] = [];
  let failed: ((err: Error) => void) | null = null;
  stream.on('data', (chunk: Buffer) => out.push(chunk));
  stream.on('error', (err: Error) => failed?.(err));
  return {
    deflate: (chunks) =>
      new Promise((resolve, reject) => {
        failed = reject;
        for (const chunk of chunks) stream.write(chunk);
        stream.flush(constants.Z_FINISH, (err?: Error | null) => {
          if (err) return reject(err);
          // a finished page's output has all been handed out by now; were any still buffered, it
          // would open the next page's stream: refuse rather than write a wrong page
          if (stream.readableLength !== 0) return reject(new Error('deflate output still buffered after the page was finished'));
          const page = out.length === 1 ? out[0] : Buffer.concat(out);
          out = [];
          stream.reset();
          resolve(page);
        });
      }),
    close: () => stream.close(),
  };
}

/**
 * Deflates the content of every buffered page that pdfkit would deflate, and leaves it on the page
 * as the stream pdfkit writes (already `/FlateDecode`, so pdfkit only writes its length); when the
 * pages hold less than `minBytes` in all, leaves them to pdfkit. Call it after the last operator is
 * on its page and before `doc.end()`. Answers how many pages it deflated.
 */
export async function deflateBufferedPages(doc: PDFKit.PDFDocument, minBytes = POOL_MIN_BYTES): Promise<number> {
  const pages = (doc as unknown as { _pageBuffer?: BufferedPage[] })._pageBuffer;
  if (!Array.isArray(pages) || pages.some((page) => !Array.isArray(page.content?.buffer))) {
    throw new Error('pdfkit no longer buffers page content as before: check deflateBufferedPages');
  }
  const contents = pages
    // a page with open markings gets 'EMC' operators when it ends: left to pdfkit
    .filter((page) => (page.markings?.length ?? 0) === 0)
    .map((page) => page.content)
    .filter((content) => content.compress && content.buffer.length > 0 && content.data.Filter === 'FlateDecode');
  const bytes = contents.reduce((sum, content) => content.buffer.reduce((n, chunk) => n + chunk.byteLength, sum), 0);
  if (bytes < minBytes) return 0;
  let next = 0;
  const work = async (): Promise<void> => {
    const deflater = pageDeflater();
    try {
      while (next < contents.length) {
        const content = contents[next++];
        content.buffer = [await deflater.deflate(content.buffer)];
        content.compress = false;
      }
    } catch (err) {
      // the other streams take no further page
      next = contents.length;
      throw err;
    } finally {
      deflater.close();
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, contents.length) }, work));
  return contents.length;
}
