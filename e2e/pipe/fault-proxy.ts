// A loopback HTTP proxy between the page and the real collector that injects
// faults on command: connection refused, a socket destroyed before or after the
// collector stored the batch, status storms, slow answers, 413 for big batches.
// Answers it makes up itself carry the collector's own CORS headers, so the
// page sees exactly what a real collector would send.
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createCorsPolicy } from '../../packages/collector/dist/index.js';

/** What the proxy does with the next request to `/collect`. */
export type Fault =
  /** Forward to the collector and pass its answer back. */
  | { kind: 'pass' }
  /** Destroy the socket before anything reaches the collector. */
  | { kind: 'reset' }
  /** Forward, let the collector store the batch, then destroy the socket: the page never hears back. */
  | { kind: 'lose-answer' }
  /** Answer `status` without forwarding. */
  | { kind: 'status'; status: number; retryAfter?: number }
  /** Forward, and hold the collector's answer back for `ms`. */
  | { kind: 'slow'; ms: number }
  /** Answer 413 for batches of more than `maxEvents` events; forward the rest. */
  | { kind: 'too-large'; maxEvents: number };

/** One request the proxy saw. */
export interface ProxyRecord {
  at: number;
  method: string;
  ids: string[];
  body: string;
  /** `forwarded 200`, `status 500`, `reset`, `lost answer`, `413`… */
  outcome: string;
}

export interface FaultProxy {
  endpoint: string;
  /** Every request to `/collect`, in arrival order. */
  log: ProxyRecord[];
  /** Applies `fault` to the next `times` requests (default: until changed). */
  fault(fault: Fault, times?: number): void;
  /** Closes the listening socket and every open connection: connections are refused. */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
}

const idsOf = (body: string): string[] => {
  try {
    const batch = JSON.parse(body) as { events?: { id?: unknown }[] };
    return (batch.events ?? []).map((e) => String(e.id));
  } catch {
    return [];
  }
};

export const startFaultProxy = async (target: string, siteOrigin: string): Promise<FaultProxy> => {
  const upstream = new URL(target);
  const cors = createCorsPolicy([siteOrigin]);
  const log: ProxyRecord[] = [];
  const sockets = new Set<Socket>();
  let current: Fault = { kind: 'pass' };
  let left = Infinity;

  const take = (): Fault => {
    const fault = current;
    if (--left <= 0) {
      current = { kind: 'pass' };
      left = Infinity;
    }
    return fault;
  };

  const answer = (req: IncomingMessage, res: ServerResponse, status: number, extra: Record<string, string> = {}) => {
    const origin = req.headers.origin;
    const headers = origin && cors.judge(origin) === 'allowed' ? cors.headers(origin) : {};
    const text = JSON.stringify({ error: `injected ${status}` });
    res.writeHead(status, { ...headers, ...extra, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) });
    res.end(text);
  };

  const forward = (req: IncomingMessage, body: Buffer) =>
    new Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer } | null>((resolve) => {
      const out = request(
        {
          host: upstream.hostname,
          port: upstream.port,
          path: req.url,
          method: req.method,
          headers: { ...req.headers, host: upstream.host },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', () => resolve(null));
        },
      );
      out.on('error', () => resolve(null));
      out.end(body);
    });

  const relay = (res: ServerResponse, upstreamAnswer: NonNullable<Awaited<ReturnType<typeof forward>>>) => {
    const headers = { ...upstreamAnswer.headers };
    delete headers.connection;
    delete headers['keep-alive'];
    res.writeHead(upstreamAnswer.status, headers);
    res.end(upstreamAnswer.body);
  };

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const text = body.toString('utf8');
    if (req.method !== 'POST' || !req.url?.startsWith('/collect')) {
      const got = await forward(req, body);
      if (got) relay(res, got);
      else res.destroy();
      return;
    }
    const record: ProxyRecord = { at: Date.now(), method: req.method, ids: idsOf(text), body: text, outcome: '' };
    log.push(record);
    const fault = take();
    switch (fault.kind) {
      case 'reset':
        record.outcome = 'reset';
        req.socket.destroy();
        return;
      case 'status':
        record.outcome = `status ${fault.status}`;
        return answer(req, res, fault.status, fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) });
      case 'too-large':
        if (record.ids.length > fault.maxEvents) {
          record.outcome = 'status 413';
          return answer(req, res, 413);
        }
        break;
      default:
        break;
    }
    const got = await forward(req, body);
    if (!got) {
      record.outcome = 'upstream failed';
      req.socket.destroy();
      return;
    }
    if (fault.kind === 'lose-answer') {
      record.outcome = `lost answer ${got.status}`;
      req.socket.destroy();
      return;
    }
    if (fault.kind === 'slow') await new Promise((r) => setTimeout(r, fault.ms));
    record.outcome = `forwarded ${got.status}`;
    if (!res.destroyed) relay(res, got);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  await listen(0);
  const port = (server.address() as AddressInfo).port;

  const stop = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });

  return {
    endpoint: `http://127.0.0.1:${port}/collect`,
    log,
    fault(fault, times = Infinity) {
      current = fault;
      left = times;
    },
    down: stop,
    up: () => listen(port),
    close: stop,
  };
};
