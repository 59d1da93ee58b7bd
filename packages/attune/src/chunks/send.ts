// The sending half of the event pipe (retries, backoff, 413 splits, the queue's bounds),
// built as attune-send.js and fetched by attune.js the first time there is something to send.
export { createSender } from '@attune/core';
