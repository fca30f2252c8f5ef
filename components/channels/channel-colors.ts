import { IN_STORE_COLOR, ONLINE_COLOR } from '@/components/overview/channel-mix';

/** Channel colours, as on the overview: light warm sand in store, dark slate online, a mid slate for both. */
export const CHANNEL_COLORS = {
  instore: IN_STORE_COLOR,
  online: ONLINE_COLOR,
  both: '#8d99ab',
} as const;
