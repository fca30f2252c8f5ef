/**
 * The two sales channels, named once. Tables hold a channel by its name ('in-store', 'online');
 * inside a column name or a URL value it is written by its key (`instore_purchase_pct`,
 * `?channel=instore`); the transaction log holds its index in CHANNELS (CHANNEL_INSTORE, CHANNEL_ONLINE).
 */
export const CHANNELS = ['in-store', 'online'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The channels as written inside column names and URL values, in the same order. */
export const CHANNEL_KEYS = ['instore', 'online'] as const;
export type ChannelKey = (typeof CHANNEL_KEYS)[number];

/** The channel a URL key stands for: "instore" → "in-store". */
export const channelOfKey = (key: ChannelKey): Channel => CHANNELS[CHANNEL_KEYS.indexOf(key)]!;

/** The channel as a heading or a table cell: "In store", "Online". */
export const CHANNEL_NAME: Record<Channel, string> = { 'in-store': 'In store', online: 'Online' };

/** A customer's channel preference in customers_master: one channel for ⅔ or more of orders, else both. */
export const PREFERRED_CHANNELS = ['in-store', 'both', 'online'] as const satisfies readonly (
  Channel | 'both'
)[];
export type PreferredChannel = (typeof PREFERRED_CHANNELS)[number];

/**
 * A preference as the reader sees it. The stored 'both' means neither channel has ⅔ of the orders:
 * shown as "Mixed", because the Channels page's "buy in both channels" counts every customer with at
 * least one order in each, a different (larger) group.
 */
export const PREFERRED_CHANNEL_LABELS: Record<PreferredChannel, string> = {
  'in-store': 'Mostly in store',
  both: 'Mixed',
  online: 'Mostly online',
};
