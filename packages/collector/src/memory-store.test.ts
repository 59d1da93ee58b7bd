import { describe } from 'vitest';
import { reportContract } from '../test/report-contract';
import { storeContract } from '../test/store-contract';
import { createMemoryStore } from './memory-store';

describe('createMemoryStore', () => {
  storeContract(async () => createMemoryStore());
  describe('report contract', () => reportContract(async () => createMemoryStore()));
});
