import type { ChatAdapterName } from '@attune/rules';

const has = (value: unknown, ...path: string[]): boolean => {
  let node = value as Record<string, unknown> | undefined;
  for (const key of path) node = node?.[key] as Record<string, unknown> | undefined;
  return typeof node === 'function';
};

/**
 * Whether the chat widget a handoff names is on the page now, checked by the documented global
 * its adapter calls (without loading the adapters), so a card never offers a dead button.
 *
 * @example chatAvailable(window, 'crisp') // true once the Crisp snippet defined $crisp
 */
export const chatAvailable = (win: Window, channel: ChatAdapterName): boolean => {
  const w = win as unknown as Record<string, unknown>;
  if (channel === 'intercom') return has(w, 'Intercom');
  if (channel === 'zendesk') return has(w, 'zE');
  if (channel === 'hubspot') return has(w, 'HubSpotConversations', 'widget', 'open');
  if (channel === 'crisp') return has(w, '$crisp', 'push');
  if (channel === 'tawk') return has(w, 'Tawk_API', 'maximize');
  return has(w, 'fcWidget', 'open');
};
