import { Worker } from 'node:worker_threads';

export interface PageServer {
  /** http://127.0.0.1:<port> */
  url: string;
  close(): Promise<void>;
}

/**
 * A web server on loopback serving the given pages (path → HTML). It runs in a worker
 * thread of its own, because the CLI tests run the command synchronously: a server on the
 * test's own thread could not answer while the command waits for it.
 */
export async function startPageServer(pages: Record<string, string>): Promise<PageServer> {
  const worker = new Worker(
    `const http = require('node:http');
     const { parentPort, workerData } = require('node:worker_threads');
     const server = http.createServer((req, res) => {
       const page = workerData[req.url];
       if (page === undefined) return res.writeHead(404, 'Not Found').end('no such page');
       res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
     });
     server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
     parentPort.on('message', () => { server.closeAllConnections(); server.close(() => process.exit(0)); });`,
    { eval: true, workerData: pages },
  );
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      worker.postMessage('close');
      await new Promise((resolve) => worker.once('exit', resolve));
    },
  };
}
