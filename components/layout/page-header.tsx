import type { ReactNode } from 'react';

interface PageHeaderProps {
  eyebrow: string;
  title: string;
  lede?: ReactNode;
  children?: ReactNode;
}

export function PageHeader({ eyebrow, title, lede, children }: PageHeaderProps) {
  return (
    <header className="mb-8 sm:mb-10">
      <p className="text-xs font-medium tracking-label text-accent uppercase">{eyebrow}</p>
      <h1 id="page-title" className="mt-2 max-w-4xl text-3xl leading-tight sm:text-4xl">
        {title}
      </h1>
      {lede ? <div className="mt-3 max-w-3xl text-base text-ink-muted">{lede}</div> : null}
      {children}
    </header>
  );
}

export function Section({
  title,
  intro,
  children,
  id,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  id?: string;
}) {
  const headingId = id ? `${id}-title` : undefined;
  return (
    // Off-screen sections skip style, layout and paint until scrolled near (content-visibility), so
    // a long page costs a phone only what it shows (bench:mobile).
    <section
      className="mt-12 [contain-intrinsic-size:auto_720px] [content-visibility:auto] first:mt-0"
      aria-labelledby={headingId}
      id={id}
    >
      <h2 id={headingId} className="text-2xl">
        {title}
      </h2>
      {intro ? <p className="mt-1 max-w-3xl text-sm text-ink-muted">{intro}</p> : null}
      <div className="mt-5">{children}</div>
    </section>
  );
}
