import { request } from 'node:http';

/** One HTTP answer, with its body parsed as JSON when it is JSON. */
export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

/** Options for {@link send}. */
export interface SendOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** Sends one request on a fresh connection (no keep-alive pool) and reads the whole answer. */
export function send(url: string, { method = 'GET', headers = {}, body }: SendOptions = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        if (String(res.headers['content-type']).startsWith('application/json')) parsed = JSON.parse(text);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** POSTs a JSON value to `${base}/collect` as `application/json` unless told otherwise. */
export function post(base: string, value: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  return send(`${base}/collect`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof value === 'string' ? value : JSON.stringify(value),
  });
}
