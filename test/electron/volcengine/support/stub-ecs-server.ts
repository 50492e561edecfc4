import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubRequest {
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
}

export type StubHandler = (request: StubRequest, response: ServerResponse, index: number) => void;

export interface StubServer {
  url: string;
  port: number;
  requests: StubRequest[];
  close(): Promise<void>;
}

/**
 * A purpose-built HTTP server on loopback for answers the simulator cannot give (an error envelope inside a 200,
 * a page that echoes the request's headers ...). It does not verify signatures: tests that need that use the
 * simulator.
 */
export async function startStubServer(handler: StubHandler): Promise<StubServer> {
  const requests: StubRequest[] = [];
  const server = createServer((incoming, response) => {
    const request = { query: new URL(incoming.url ?? '/', 'http://stub').searchParams, headers: incoming.headers };
    requests.push(request);
    handler(request, response, requests.length - 1);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A Volcengine envelope as the stub's answer. */
export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
}

export function successEnvelope(action: string, result: unknown, requestId = 'req-stub-1'): unknown {
  return { ResponseMetadata: { RequestId: requestId, Action: action, Version: '2020-04-01' }, Result: result };
}

export function errorEnvelope(action: string, code: string, message: string, requestId = 'req-stub-err'): unknown {
  return { ResponseMetadata: { RequestId: requestId, Action: action, Version: '2020-04-01', Error: { Code: code, CodeN: 1, Message: message } } };
}
