import { AnalyseApp } from '@/components/analyse/analyse-app';
import { PageHeader } from '@/components/layout/page-header';
import type { Metadata } from 'next';

export const metadata: Metadata = {
  title: 'Analyse your data',
  description:
    'Personas, revenue, CLV proxy and category affinity from your own orders file, computed in your browser.',
};

export default function AnalysePage() {
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
      <AnalyseApp />
    </>
  );
}
