'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { ComponentProps } from 'react';

type AppLinkProps = Omit<ComponentProps<typeof Link>, 'href' | 'prefetch'> & { href: string };

/**
 * next/link, prefetching a page when the reader shows they may open it (pointer over the link, a
 * touch, keyboard focus) rather than whenever the link is on screen. Next's default prefetched every
 * page linked from the screen as soon as it loaded: on /personas/0 that was seven pages' payloads
 * (about 95 KB compressed) downloaded over a phone's connection and decoded on its main thread,
 * competing with the page being opened (bench:mobile, issue 13). A touch or a hover still starts
 * the fetch before the click lands, so moving between pages stays quick.
 */
export function AppLink({ href, onMouseEnter, onTouchStart, onFocus, ...props }: AppLinkProps) {
  const router = useRouter();
  const prefetch = () => router.prefetch(href);
  return (
    <Link
      {...props}
      href={href}
      prefetch={false}
      onMouseEnter={(event) => {
        prefetch();
        onMouseEnter?.(event);
      }}
      onTouchStart={(event) => {
        prefetch();
        onTouchStart?.(event);
      }}
      onFocus={(event) => {
        prefetch();
        onFocus?.(event);
      }}
    />
  );
}
