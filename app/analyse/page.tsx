import { AnalyseApp } from '@/components/analyse/analyse-app';
import { MissingData } from '@/components/layout/missing-data';
import { PageHeader } from '@/components/layout/page-header';
import { loadTable } from '@/lib/data/load-data';
import type { ArrivalCell, Weekday } from '@/lib/sources/arrivals';
import type { Metadata } from 'next';

export const metadata: Metadata = {
  title: 'Analyse your data',
  description:
    'Personas, revenue, CLV proxy and category affinity from your own orders file, computed in your browser.',
};

export default function AnalysePage() {
  // The public arrival curves (168 cells) go to the worker, which draws the brand's orders against
  // them; a dashboard built without the public files has none to give (its curves are its own orders).
  const arrivals = loadTable('arrivals_summary');
  if (!arrivals) return <MissingData what="the arrivals table" />;
  const reference = arrivals.curves === 'public-arrivals' ? arrivals.cells : [];
  const cells: ArrivalCell[] = reference.map((c) => ({
    day_index: c.day_index,
    day: c.day as Weekday,
    hour: c.hour,
    instore_arrivals: c.instore_arrivals,
    online_arrivals: c.online_arrivals,
  }));
  return (
    <>
      <PageHeader
        eyebrow="Analyse your data"
        title="Your own orders, analysed in this browser"
        lede={
          <p>
            Choose an orders export from your POS, online shop or CRM. The same functions that build this
            dashboard read it, find personas and compute their revenue, value and category affinity, here on
            your device. The file is never uploaded.
          </p>
        }
      />
      <AnalyseApp arrivals={cells} />
    </>
  );
}
