import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { channelPrefix } from '../../../shared/ipc/channel-names';
import type { IpcDispatcher } from '../../ipc/dispatcher';
import type { Logger } from '../../logging/logger';
import type { EventHub } from './event-stream';
import { refuseApiCall, refuseForeign, type Refusal } from './request-guard';
import { webDemoSecurityHeaders, type ServedFile } from './renderer-files';

export interface WebDemoServerOptions {
  /** 0 picks a free port. */
  port: number;
  /** main's dispatcher: every call is validated and answered there, as over Electron's IPC. */
  dispatcher: IpcDispatcher;
  events: EventHub;
  files: (method: string, pathname: string) => Promise<ServedFile>;
  logger: Logger;
}

export interface WebDemoServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** The secret every call must carry; it goes only into the address printed for the user. */
  token: string;
  close(): Promise<void>;
}

/** A call's body: the exports carry whole CSV files, so generous, but bounded. */
const maxBodyBytes = 64 * 1024 * 1024;

function refuse(response: ServerResponse, refusal: Refusal): void {
  response.writeHead(refusal.status, { 'Content-Length': '0', 'Cache-Control': 'no-store' }).end();
}

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** `{ "request": … }`, the page's envelope; anything else is no request at all. */
function requestOf(body: string): { ok: true; request: unknown } | { ok: false } {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { ok: false };
    return { ok: true, request: (parsed as { request?: unknown }).request };
  } catch {
    return { ok: false };
  }
}

/**
 * The web demo's HTTP server, on 127.0.0.1 only: the built renderer's files to any page of this origin, and main's
 * API (`POST /api/invoke/<wire channel>`, `GET /api/events`) only to a same-origin page that carries the token.
 */
export async function startWebDemoServer(options: WebDemoServerOptions): Promise<WebDemoServer> {
  const token = randomBytes(32).toString('base64url');
  const address: { host: string; origin: string } = { host: '', origin: '' };
  const apiHeaders = { ...webDemoSecurityHeaders, 'Cache-Control': 'no-store' };

  const invoke = async (request: IncomingMessage, response: ServerResponse, wireChannel: string) => {
    const contentType = request.headers['content-type'] ?? '';
    if (!contentType.startsWith('application/json')) return response.writeHead(415, { 'Content-Length': '0' }).end();
    const body = await readBody(request);
    if (body === undefined) return response.writeHead(413, { 'Content-Length': '0', Connection: 'close' }).end();
    const envelope = requestOf(body);
    if (!envelope.ok) return response.writeHead(400, { 'Content-Length': '0' }).end();
    const channel = wireChannel.startsWith(channelPrefix) ? wireChannel.slice(channelPrefix.length) : undefined;
    const result = await options.dispatcher.invoke(channel, envelope.request);
    response.writeHead(200, {
      ...apiHeaders,
      'Content-Type': 'application/json; charset=utf-8',
      'X-KPD-Event-Sequence': String(options.events.lastSequence()),
    });
    response.end(JSON.stringify(result));
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const foreign = refuseForeign(request.socket.remoteAddress, request.headers, address.host);
    if (foreign !== undefined) return refuse(response, foreign);
    const method = request.method ?? '';
    // The path as sent (not resolved against a base: `//x` would become a host), without its query.
    const pathname = (request.url ?? '/').split('?')[0] ?? '/';
    if (pathname.startsWith('/api/')) {
      const denied = refuseApiCall(request.headers, address.origin, token);
      if (denied !== undefined) return refuse(response, denied);
      if (method === 'GET' && pathname === '/api/events') return options.events.attach(response, apiHeaders);
      if (method === 'POST' && pathname.startsWith('/api/invoke/')) {
        let wireChannel: string;
        try {
          wireChannel = decodeURIComponent(pathname.slice('/api/invoke/'.length));
        } catch {
          return response.writeHead(400, { 'Content-Length': '0' }).end();
        }
        return invoke(request, response, wireChannel);
      }
      return response.writeHead(404, { 'Content-Length': '0' }).end();
    }
    if (method !== 'GET' && method !== 'HEAD') return response.writeHead(405, { Allow: 'GET, HEAD', 'Content-Length': '0' }).end();
    const file = await options.files(method, pathname);
    response.writeHead(file.status, { ...file.headers, 'Content-Length': String(file.body.length) });
    response.end(method === 'HEAD' ? undefined : file.body);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      options.logger.error('web demo request failed', { errorName: error instanceof Error ? error.name : typeof error });
      if (!response.headersSent) response.writeHead(500, { 'Content-Length': '0' });
      response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  address.host = `127.0.0.1:${port}`;
  address.origin = `http://${address.host}`;
  return {
    origin: address.origin,
    token,
    close: async () => {
      options.events.closeAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
