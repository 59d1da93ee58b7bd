import { describe } from 'vitest';
import { storeContract } from '../test/store-contract';
import { createMemoryStore } from './memory-store';

describe('createMemoryStore', () => {
  storeContract(async () => createMemoryStore());
});
