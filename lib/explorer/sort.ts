import { PREFERRED_CHANNELS } from '@/lib/schema/channels';
import {
  AGE_BANDS,
  CHURN_BANDS,
  CLV_BANDS,
  CUSTOMER_COLUMNS,
  type CustomerColumn,
} from '@/lib/schema/customers-master';

export interface SortSpec {
  id: CustomerColumn;
  desc: boolean;
}

/**
 * Bands sort in their meaning, not alphabetically: low → high churn risk, bottom → top CLV,
 * young → old, in-store → online. (CLV_BANDS is written top first, so it is reversed.)
 */
export const ORDINAL: Partial<Record<CustomerColumn, readonly string[]>> = {
  age_band: AGE_BANDS,
  churn_risk_band: CHURN_BANDS,
  clv_band: [...CLV_BANDS].reverse(),
  preferred_channel: PREFERRED_CHANNELS,
};

export function isSortColumn(id: string): id is CustomerColumn {
  return (CUSTOMER_COLUMNS as readonly string[]).includes(id);
}
