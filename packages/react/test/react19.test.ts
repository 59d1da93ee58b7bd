// @vitest-environment happy-dom
import { vi } from 'vitest';
import { bindingsSuite } from './bindings-suite';

vi.mock('attune', () => import('./counted-attune'));

bindingsSuite('19');
