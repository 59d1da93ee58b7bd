import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { verifyWebhookSignature } from './webhook-signature';

interface Writable {
  write(text: string): unknown;
}

const readAll = async (input: AsyncIterable<Buffer | string>) => {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
};

/**
 * `attune-collector verify-webhook`: checks one delivery's signature, for a receiver's own tests
 * or by hand. The secret comes from `ATTUNE_WEBHOOK_SECRET` (or `--secret`), the header from
 * `--signature`, the raw body from `--body-file` or stdin. Resolves to the exit status:
 * 0 valid, 1 refused (the reason on stderr), 2 a usage error.
 *
 * @example
 * ```sh
 * ATTUNE_WEBHOOK_SECRET=s3cret attune-collector verify-webhook --signature "t=1767225600,v1=…" --body-file body.json
 * ```
 */
export async function runVerifyWebhook(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  stdin: AsyncIterable<Buffer | string>,
  stdout: Writable,
  stderr: Writable,
): Promise<number> {
  let values: { secret?: string; signature?: string; 'body-file'?: string; tolerance?: string };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        secret: { type: 'string' },
        signature: { type: 'string' },
        'body-file': { type: 'string' },
        tolerance: { type: 'string' },
      },
    }));
  } catch (error) {
    stderr.write(`attune-collector verify-webhook: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const secret = values.secret ?? env.ATTUNE_WEBHOOK_SECRET;
  if (!secret || values.signature === undefined || (values.tolerance !== undefined && !/^\d+$/.test(values.tolerance))) {
    stderr.write(
      'attune-collector verify-webhook: needs --signature <header> and a secret (ATTUNE_WEBHOOK_SECRET or --secret); --tolerance is whole seconds\n',
    );
    return 2;
  }
  const body = values['body-file'] !== undefined ? await readFile(values['body-file'], 'utf8') : await readAll(stdin);
  const check = verifyWebhookSignature({
    secret,
    body,
    header: values.signature,
    ...(values.tolerance !== undefined ? { toleranceSeconds: Number(values.tolerance) } : {}),
  });
  if (check.ok) {
    stdout.write(`signature valid (signed ${new Date(check.timestamp * 1000).toISOString()})\n`);
    return 0;
  }
  const why = {
    mismatch: 'it does not match: a wrong secret or an altered body',
    malformed: 'the header is not t=<seconds>,v1=<hex>',
    expired: 'it is older than the tolerance',
  }[check.reason];
  stderr.write(`signature refused (${check.reason}): ${why}\n`);
  return 1;
}
