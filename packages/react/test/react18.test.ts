// @vitest-environment happy-dom
import { vi } from 'vitest';
import { bindingsSuite } from './bindings-suite';

// React 18 and React DOM 18 (the `react18` and `react-dom18` aliases) for everything this file
// loads, the bindings under test included.
vi.mock('react', () => import('react18'));
vi.mock('react/jsx-runtime', () => import('react18/jsx-runtime'));
vi.mock('react/jsx-dev-runtime', () => import('react18/jsx-dev-runtime'));
vi.mock('react-dom', () => import('react-dom18'));
vi.mock('react-dom/client', () => import('react-dom18/client'));
vi.mock('attune', () => import('./counted-attune'));

bindingsSuite('18');
