'use client';

import { AppLink } from '@/components/ui/app-link';
import { ANALYSE_PAGE, NAV_GROUPS, placeOf, type NavPage } from '@/content/navigation';
import { SHARED_VIEW_KEYS } from '@/lib/url/period-keys';
import { useCarriedQuery } from '@/lib/url/url-state';
import { usePathname } from 'next/navigation';
import { useRef } from 'react';

type Place = ReturnType<typeof placeOf>;

const TAB = 'block rounded-md px-2.5 py-1.5 text-sm no-underline transition-colors';
const ON = 'bg-ink text-paper';
const OFF = 'text-ink-muted hover:bg-sunken hover:text-ink';

/**
 * The persistent navigation, grouped by job. Wide screens: the groups as tabs, the current group's
 * pages beneath. Phones: one button naming the current page, opening a sheet with every page.
 * "Analyse your data" stands apart as the one action.
 */
export function SiteNav() {
  const pathname = usePathname() ?? '/';
  const here = placeOf(pathname);
  const analysing = pathname.startsWith(ANALYSE_PAGE.href);
  // The period, persona and channel chosen in the period bar go with the reader to the next page.
  const carried = useCarriedQuery(SHARED_VIEW_KEYS);
  return (
    <nav aria-label="Main" className="print:hidden">
      <div className="flex items-center justify-between gap-3">
        <ul className="flex flex-wrap gap-0.5 max-md:hidden">
          {NAV_GROUPS.map((group) => {
            const current = here?.group === group;
            return (
              <li key={group.label}>
                <AppLink
                  href={group.pages[0]!.href + carried}
                  aria-current={current ? (group.pages.length === 1 ? 'page' : 'true') : undefined}
                  className={`${TAB} ${current ? ON : OFF}`}
                >
                  {group.label}
                </AppLink>
              </li>
            );
          })}
        </ul>
        <PhoneMenu here={here} carried={carried} />
        <AppLink
          href={ANALYSE_PAGE.href}
          aria-current={analysing ? 'page' : undefined}
          className={`shrink-0 rounded-md border px-2.5 py-1.5 text-sm no-underline transition-colors ${
            analysing
              ? 'border-ink bg-ink text-paper'
              : 'border-accent text-accent hover:bg-accent hover:text-paper'
          }`}
        >
          {ANALYSE_PAGE.label}
        </AppLink>
      </div>
      {here && here.group.pages.length > 1 ? (
        <ul
          className="mt-2 flex flex-wrap gap-0.5 border-t border-line pt-2 max-md:hidden"
          aria-label={here.group.label}
        >
          {here.group.pages.map((page) => (
            <PageLink key={page.href} page={page} current={page === here.page} carried={carried} />
          ))}
        </ul>
      ) : null}
    </nav>
  );
}

function PageLink({
  page,
  current,
  carried,
  onPick,
}: {
  page: NavPage;
  current: boolean;
  carried: string;
  onPick?: () => void;
}) {
  return (
    <li>
      <AppLink
        href={page.href + carried}
        aria-current={current ? 'page' : undefined}
        className={`${TAB} ${current ? ON : OFF}`}
        onClick={onPick}
      >
        {page.label}
      </AppLink>
    </li>
  );
}

/** Phones: the current page named on a button; every page in a sheet (a modal dialog) behind it. */
function PhoneMenu({ here, carried }: { here: Place; carried: string }) {
  const sheet = useRef<HTMLDialogElement>(null);
  const close = () => sheet.current?.close();
  return (
    <div className="min-w-0 flex-1 md:hidden">
      <button
        type="button"
        className="flex max-w-full min-w-0 items-center gap-2 rounded-md border border-line px-2.5 py-1.5 text-sm text-ink"
        aria-haspopup="dialog"
        onClick={() => sheet.current?.showModal()}
      >
        <span aria-hidden="true">☰</span>
        <span className="truncate">
          {here ? (
            <>
              {here.group.pages.length > 1 ? <span className="sr-only">{here.group.label} · </span> : null}
              {here.page.label}
            </>
          ) : (
            'Menu'
          )}
        </span>
        <span className="sr-only">: open the menu</span>
      </button>
      <dialog
        ref={sheet}
        aria-label="Pages"
        className="m-0 mt-auto max-h-[85dvh] w-full max-w-none rounded-t-xl border border-line bg-surface p-5 text-ink backdrop:bg-ink/40"
        // A tap on the backdrop (the dialog element itself, outside its content) closes the sheet.
        onClick={(e) => {
          if (e.target === e.currentTarget) close();
        }}
      >
        <div className="flex items-center justify-between">
          <p className="text-xs font-medium tracking-label text-ink-muted uppercase">Pages</p>
          <button type="button" className="rounded-md px-2 py-1 text-sm text-ink-muted" onClick={close}>
            Close
          </button>
        </div>
        {NAV_GROUPS.map((group) => (
          <section key={group.label} className="mt-4" aria-label={group.label}>
            {group.pages.length > 1 ? (
              <h2 className="mb-1 text-xs font-medium tracking-label text-ink-muted uppercase">
                {group.label}
              </h2>
            ) : null}
            <ul className="flex flex-col gap-0.5">
              {group.pages.map((page) => (
                <PageLink
                  key={page.href}
                  page={page}
                  current={page === here?.page}
                  carried={carried}
                  onPick={close}
                />
              ))}
            </ul>
          </section>
        ))}
      </dialog>
    </div>
  );
}
