import type { IncomingMessage } from 'node:http';

/** The body was larger than allowed: nothing of it is kept. */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`body over ${limit} bytes`);
  }
}

/**
 * A request's body, at most `limit` bytes. A declared length past the limit
 * is refused before a byte is read; a body that grows past it while read
 * (no or a false Content-Length) is refused as soon as it does, and what was
 * read is dropped. Files are sent raw (the body is the file's bytes, its
 * name in a header): no multipart to parse for one file at a time.
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyTooLarge(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
