/**
 * The site's pages, grouped by the job they serve: one list drives the wide navigation, the phone
 * menu and the tests. A group's first page is where its tab leads.
 */
export interface NavPage {
  href: string;
  label: string;
}

export interface NavGroup {
  label: string;
  pages: readonly NavPage[];
}

export const NAV_GROUPS: readonly NavGroup[] = [
  { label: 'Overview', pages: [{ href: '/', label: 'Overview' }] },
  {
    label: 'Customers',
    pages: [
      { href: '/personas', label: 'Personas' },
      { href: '/customers', label: 'Customer explorer' },
      { href: '/revenue', label: 'Revenue & value' },
    ],
  },
  {
    label: 'Merchandising',
    pages: [
      { href: '/affinity', label: 'Affinity & cross-sell' },
      { href: '/demand', label: 'Demand' },
    ],
  },
  {
    label: 'Channels & CRM',
    pages: [
      { href: '/channels', label: 'Channels' },
      { href: '/operations', label: 'Operations' },
      { href: '/marketing', label: 'Marketing' },
    ],
  },
  { label: 'Methodology & data', pages: [{ href: '/methodology', label: 'Methodology & data' }] },
];

/** The one action in the header: analysing a brand's own export, in the browser. */
export const ANALYSE_PAGE: NavPage = { href: '/analyse', label: 'Analyse your data' };

function isOn(pathname: string, href: string): boolean {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}

/** Where a path sits in the navigation: its group and page, or null (e.g. the analyse page). */
export function placeOf(pathname: string): { group: NavGroup; page: NavPage } | null {
  for (const group of NAV_GROUPS) {
    const page = group.pages.find((p) => isOn(pathname, p.href));
    if (page) return { group, page };
  }
  return null;
}
