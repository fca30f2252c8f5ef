'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

export const NAV_ITEMS = [
  { href: '/', label: 'Overview' },
  { href: '/personas', label: 'Personas' },
  { href: '/revenue', label: 'Revenue & CLV' },
  { href: '/affinity', label: 'Affinity' },
  { href: '/channels', label: 'Channels' },
  { href: '/demand', label: 'Demand' },
  { href: '/marketing', label: 'Marketing' },
  { href: '/operations', label: 'Operations' },
  { href: '/customers', label: 'Customers' },
  { href: '/methodology', label: 'Methodology' },
  { href: '/data', label: 'Data' },
  { href: '/analyse', label: 'Your data' },
] as const;

function isActive(pathname: string, href: string): boolean {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}

/** The persistent navigation: wraps on wider screens, scrolls sideways on a phone rather than hiding behind a menu. */
export function SiteNav() {
  const pathname = usePathname() ?? '/';
  return (
    <nav aria-label="Main" className="-mx-1 overflow-x-auto print:hidden">
      <ul className="flex gap-0.5 max-sm:min-w-max sm:flex-wrap">
        {NAV_ITEMS.map((item) => {
          const active = isActive(pathname, item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? 'page' : undefined}
                className={`block rounded-md px-2.5 py-1.5 text-sm no-underline transition-colors ${
                  active ? 'bg-ink text-paper' : 'text-ink-muted hover:bg-sunken hover:text-ink'
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
