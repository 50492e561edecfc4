import { createServer, request as httpRequest } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface LoopbackProxy {
  url: string;
  port: number;
  /** `host:port` of every CONNECT tunnel asked for. */
  tunnels: string[];
  /** Absolute URLs of every request forwarded without a tunnel. */
  forwarded: string[];
  close(): Promise<void>;
}

export interface LoopbackProxyOptions {
  /** Answer every CONNECT with this status instead of opening the tunnel (e.g. 407 or 502). */
  refuseConnectWith?: number;
}

/**
 * A minimal HTTP proxy on loopback: CONNECT tunnels (what undici's ProxyAgent uses by default) and plain
 * absolute-form forwarding. It records what went through it, so a test can prove requests did.
 */
export async function startLoopbackProxy(options: LoopbackProxyOptions = {}): Promise<LoopbackProxy> {
  const tunnels: string[] = [];
  const forwarded: string[] = [];
  const sockets = new Set<Socket>();

  const server = createServer((incoming, outgoing) => {
    const target = new URL(incoming.url ?? '');
    forwarded.push(target.href);
    const upstream = httpRequest(target, { method: incoming.method, headers: incoming.headers }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    upstream.on('error', () => outgoing.destroy());
    incoming.pipe(upstream);
  });

  server.on('connect', (incoming, clientSocket: Socket, head: Buffer) => {
    const authority = incoming.url ?? '';
    tunnels.push(authority);
    sockets.add(clientSocket);
    if (options.refuseConnectWith !== undefined) {
      clientSocket.end(`HTTP/1.1 ${options.refuseConnectWith} Refused\r\ncontent-length: 0\r\n\r\n`);
      return;
    }
    const [host = '', port = '80'] = authority.split(/:(?=\d+$)/);
    const upstream = connect(Number(port), host, () => {
      clientSocket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(clientSocket);
      clientSocket.pipe(upstream);
    });
    sockets.add(upstream);
    const closeBoth = () => {
      upstream.destroy();
      clientSocket.destroy();
    };
    upstream.on('error', closeBoth);
    clientSocket.on('error', closeBoth);
    upstream.on('close', () => clientSocket.destroy());
    clientSocket.on('close', () => upstream.destroy());
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    tunnels,
    forwarded,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
