/**
 * Reads and drops what is left of a body the server refuses, stopping at `bytes` or after `ms`,
 * so that a client that writes its whole request before reading (Python's urllib) gets the
 * answer rather than a broken pipe. Past the bound the rest stays unread, and the Node adapter
 * then closes the connection. Shared by the API's body limit and the web app's add form.
 */
export async function drainBody(reader: ReadableStreamDefaultReader<Uint8Array>, bytes: number, ms: number): Promise<void> {
  let left = bytes;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    while (left > 0) {
      const chunk = await Promise.race([reader.read(), timeout]);
      if (chunk === 'timeout' || chunk.done) return;
      left -= chunk.value.byteLength;
    }
  } catch {
    // The client went away: there is nobody left to answer.
  } finally {
    clearTimeout(timer);
    reader.releaseLock();
  }
}
