import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { post, send } from '../test/http-client';
import { batchOf, sampleEvents, uuidv7 } from '../test/wire-fixtures';
import { createHandoffWebhook } from './handoff-webhook';
import { startCollector, type RunningCollector } from './start-collector';
import { verifyWebhookSignature } from './webhook-signature';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

/** A real local receiver that answers each delivery with the next status of `statuses` (then 200). */
async function startReceiver(statuses: number[] = []) {
  const received: Received[] = [];
  const waiters: (() => void)[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(statuses.shift() ?? 200).end('ok');
      waiters.splice(0).forEach((w) => w());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  const waitFor = async (n: number) => {
    while (received.length < n) await new Promise<void>((resolve) => waiters.push(resolve));
  };
  return { url, received, waitFor, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const handoff = () =>
  ({ ...sampleEvents().handoff!, id: uuidv7() }) as Parameters<ReturnType<typeof createHandoffWebhook>['forward']>[0][number];
const settled = async (webhook: ReturnType<typeof createHandoffWebhook>) => {
  while (webhook.counts().pending) await new Promise((resolve) => setTimeout(resolve, 5));
};

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of cleanup.splice(0).reverse()) await stop();
});

describe('createHandoffWebhook', () => {
  it('posts one signed JSON record per handoff that the right secret verifies and a wrong secret does not', async () => {
    const receiver = await startReceiver();
    cleanup.push(receiver.close);
    const webhook = createHandoffWebhook({ url: receiver.url, secret: 'right-secret' });
    const event = handoff();
    webhook.forward([event, { ...sampleEvents().signal!, id: uuidv7() } as typeof event], 'shop');
    await settled(webhook);
    expect(receiver.received).toHaveLength(1);
    const [delivery] = receiver.received;
    const header = delivery!.headers['x-attune-signature'] as string;
    expect(delivery!.headers['x-attune-delivery']).toBe(event.id);
    expect(verifyWebhookSignature({ secret: 'right-secret', body: delivery!.body, header })).toMatchObject({ ok: true });
    expect(verifyWebhookSignature({ secret: 'wrong-secret', body: delivery!.body, header })).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyWebhookSignature({ secret: 'right-secret', body: delivery!.body.replace('vat_number', 'vat_numbex'), header })).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    const record = JSON.parse(delivery!.body);
    expect(record).toEqual({
      type: 'attune.handoff',
      id: event.id,
      site: 'shop',
      ts: event.ts,
      page: '/checkout',
      rule: 'checkout-help',
      channel: 'email',
      intent: 'billing',
      reason: 'asked for a person',
      evidence: [{ signal: 'form_error', target: 'vat_number', count: 3 }],
      failingFields: ['vat_number'],
      helpShown: [{ rule: 'vat-tip', outcome: 'helpful_no' }],
      questionsAnswered: ['role'],
      nextAction: 'Confirm the VAT number format',
      summary: expect.stringContaining('Recommended next action: Confirm the VAT number format'),
    });
    // The pseudonymous visitor id stays with the collector.
    expect(delivery!.body).not.toContain(String(event.vid));
    expect(webhook.counts()).toEqual({ delivered: 1, retries: 0, deadLetters: 0, pending: 0 });
  });

  it('writes a Slack incoming-webhook body: one text message holding the summary, with <, > and & escaped', async () => {
    const receiver = await startReceiver();
    cleanup.push(receiver.close);
    const webhook = createHandoffWebhook({ url: receiver.url, format: 'slack' });
    webhook.forward([{ ...handoff(), evidence: [{ signal: 'rage_click', target: 'a>b&c', count: 2 }] }], 'shop');
    await settled(webhook);
    const body = JSON.parse(receiver.received[0]!.body);
    expect(Object.keys(body)).toEqual(['text']);
    expect(body.text).toMatch(/^\*Attune handoff\* \(shop, /);
    expect(body.text).toContain('rage_click on a&gt;b&amp;c ×2');
    expect(body.text).toContain('Failing fields: vat_number');
    expect(receiver.received[0]!.headers['x-attune-signature']).toBeUndefined();
  });

  it('retries 503 and 429 answers with backoff until the receiver takes the handoff', async () => {
    const receiver = await startReceiver([503, 429]);
    cleanup.push(receiver.close);
    const webhook = createHandoffWebhook({ url: receiver.url, secret: 's', backoffMs: 5 });
    const event = handoff();
    webhook.forward([event], 'shop');
    await settled(webhook);
    expect(receiver.received.map((r) => r.headers['x-attune-delivery'])).toEqual([event.id, event.id, event.id]);
    expect(webhook.counts()).toEqual({ delivered: 1, retries: 2, deadLetters: 0, pending: 0 });
  });

  it('counts a dead letter once the attempts are used up, and at once for a 400 that a retry cannot fix', async () => {
    const receiver = await startReceiver([500, 500, 500, 400]);
    cleanup.push(receiver.close);
    const errors: string[] = [];
    const webhook = createHandoffWebhook({ url: receiver.url, maxAttempts: 3, backoffMs: 5 }, { onError: (e) => errors.push(String(e)) });
    webhook.forward([handoff()], 'shop');
    await settled(webhook);
    webhook.forward([handoff()], 'shop');
    await settled(webhook);
    expect(receiver.received).toHaveLength(4);
    expect(webhook.counts()).toEqual({ delivered: 0, retries: 2, deadLetters: 2, pending: 0 });
    expect(errors).toEqual([expect.stringContaining('HTTP 500 after 3 attempts'), expect.stringContaining('HTTP 400, not retried')]);
  });

  it('counts an unreachable receiver as a dead letter after its attempts, and forwards the same id only once', async () => {
    const receiver = await startReceiver();
    const deadUrl = receiver.url;
    await receiver.close();
    const webhook = createHandoffWebhook({ url: deadUrl, maxAttempts: 2, backoffMs: 5 }, { onError: () => {} });
    const event = handoff();
    webhook.forward([event, event], 'shop');
    webhook.forward([event], 'shop');
    await settled(webhook);
    expect(webhook.counts()).toEqual({ delivered: 0, retries: 1, deadLetters: 1, pending: 0 });
  });

  it('on close, waits for attempts in flight and counts a retry still waiting as a dead letter', async () => {
    const receiver = await startReceiver([503]);
    cleanup.push(receiver.close);
    const webhook = createHandoffWebhook({ url: receiver.url, backoffMs: 60_000 }, { onError: () => {} });
    webhook.forward([handoff()], 'shop');
    await receiver.waitFor(1);
    while (webhook.counts().retries === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await webhook.close();
    expect(webhook.counts()).toEqual({ delivered: 0, retries: 1, deadLetters: 1, pending: 0 });
  });
});

describe('the collector with --webhook', () => {
  let collector: RunningCollector;

  it('forwards each stored handoff once, signed, and shows delivered and dead letters in /stats', async () => {
    const receiver = await startReceiver();
    cleanup.push(receiver.close);
    collector = await startCollector({ port: 0, report: true, rateLimit: false, webhook: { url: receiver.url, secret: 'team-secret' } });
    cleanup.push(() => collector.close());
    const event = handoff();
    const signal = { ...sampleEvents().signal!, id: uuidv7() };
    expect((await post(collector.url, batchOf([event, signal]))).status).toBe(200);
    // The same batch again (a client retry): stored once, forwarded once.
    expect((await post(collector.url, batchOf([event, signal]))).body).toMatchObject({ accepted: 0, duplicates: 2 });
    await receiver.waitFor(1);
    let stats = (await send(`${collector.url}/stats`)).body;
    while (stats.counts.webhook.pending) stats = (await send(`${collector.url}/stats`)).body;
    expect(stats.counts.webhook).toEqual({ delivered: 1, retries: 0, deadLetters: 0, pending: 0 });
    expect(receiver.received).toHaveLength(1);
    const delivery = receiver.received[0]!;
    expect(JSON.parse(delivery.body)).toMatchObject({ id: event.id, site: 'shop', rule: 'checkout-help', failingFields: ['vat_number'] });
    expect(
      verifyWebhookSignature({ secret: 'team-secret', body: delivery.body, header: delivery.headers['x-attune-signature'] as string }).ok,
    ).toBe(true);
  });
});
