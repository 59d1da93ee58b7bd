import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCollectorHandler, type CollectorOptions } from './collector-handler';
import type { EventStore } from './event-store';

/** Options for {@link startCollector}: the handler's, plus where to listen. */
export interface StartCollectorOptions extends CollectorOptions {
  /** Port to listen on; 0 picks a free one. Default 8787. */
  port?: number;
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string;
  /** How long shutdown waits for slow clients before cutting their connections. Default 10 000 ms. */
  shutdownTimeoutMs?: number;
}

/** A running collector. */
export interface RunningCollector {
  /** Base URL, such as `http://127.0.0.1:8787`; events go to `${url}/collect`. */
  url: string;
  port: number;
  /** The store events go to. */
  store: EventStore;
  /**
   * Graceful shutdown: stops accepting connections, answers every request
   * already in flight, closes the store, then resolves. Nothing accepted is lost.
   */
  close(): Promise<void>;
}

/**
 * Starts the reference collector as its own HTTP server.
 *
 * @example
 * ```ts
 * const collector = await startCollector({ port: 8787, dbFile: '.data/attune.sqlite', allowedOrigins: ['http://localhost:5173'] });
 * // … later
 * await collector.close();
 * ```
 */
export async function startCollector(options: StartCollectorOptions = {}): Promise<RunningCollector> {
  const { port = 8787, host = '127.0.0.1', shutdownTimeoutMs = 10_000 } = options;
  const handler = createCollectorHandler(options);
  const server = createServer(handler);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await handler.close();
    throw error;
  }
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      const cutOff = setTimeout(() => server.closeAllConnections(), shutdownTimeoutMs);
      try {
        await handler.close();
        // Every answer has been written; keep-alive sockets still open are idle now.
        server.closeIdleConnections();
        await serverClosed;
      } finally {
        clearTimeout(cutOff);
      }
    })();
    return closing;
  };

  return { url: `http://${urlHost}:${address.port}`, port: address.port, store: handler.store, close };
}
