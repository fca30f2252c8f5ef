import { PageHeader } from '@/components/layout/page-header';

export default function OverviewPage() {
  return <PageHeader eyebrow="Overview" title="Customer overview" lede="Coming together." />;
}
