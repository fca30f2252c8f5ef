/** Every page route, with a representative URL for dynamic ones; shared by the page benchmark and export check. */
export const PAGES = [
  '/',
  '/personas',
  '/personas/0',
  '/revenue',
  '/affinity',
  '/channels',
  '/demand',
  '/marketing',
  '/operations',
  '/customers',
  '/methodology',
  '/analyse',
];
