// A real HTTP server on 127.0.0.1 for webhook tests, scripted per request.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Behaviour = 'ok' | 'fail' | 'hang' | 'not-found';

export interface TestServer {
  url: string;
  received: Array<{ path: string; body: unknown; contentType: string | undefined }>;
  close(): Promise<void>;
}

/** Answers request i with script[i] (the last entry repeats). */
export async function startServer(script: Behaviour[]): Promise<TestServer> {
  const received: TestServer['received'] = [];
  const hanging: ServerResponse[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      const i = received.length;
      received.push({ path: req.url ?? '', body: data ? JSON.parse(data) : null, contentType: req.headers['content-type'] });
      const b = script[Math.min(i, script.length - 1)];
      if (b === 'hang') hanging.push(res);
      else if (b === 'ok') res.writeHead(204).end();
      else if (b === 'not-found') res.writeHead(404).end('no');
      else res.writeHead(500).end('boom');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () => new Promise((r) => {
      hanging.forEach((res) => res.destroy());
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}
