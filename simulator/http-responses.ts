import type { ServerResponse } from 'node:http';

/** What a misbehaving proxy in front of the gateway sends: HTML, not the JSON envelope. */
export const proxyErrorPage =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n' +
  '<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** Writes a whole response unless the connection is already gone (a client that timed out, or a closed simulator). */
export function sendResponse(
  response: ServerResponse,
  status: number,
  body: string,
  contentType: string,
  extraHeaders: Readonly<Record<string, string>> = {},
): void {
  if (response.destroyed || response.writableEnded) return;
  const bytes = Buffer.from(body, 'utf8');
  response.writeHead(status, { 'Content-Type': contentType, 'Content-Length': String(bytes.length), ...extraHeaders });
  response.end(bytes);
}

export const jsonContentType = 'application/json; charset=utf-8';
export const htmlContentType = 'text/html; charset=utf-8';
