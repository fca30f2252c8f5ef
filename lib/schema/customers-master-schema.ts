/**
 * customers_master's zod schemas, kept apart from its dictionary (./customers-master.ts): the
 * explorer reads the dictionary in the browser, and would otherwise ship zod to every phone that
 * opens /customers.
 */
import { z } from 'zod';
import { rowSchema } from './column-schemas';
import { CUSTOMER_COLUMNS, CUSTOMERS_MASTER_COLUMNS, type CustomersMaster } from './customers-master';

export const CustomerRowSchema = rowSchema(CUSTOMERS_MASTER_COLUMNS);

export const CustomersMasterSchema: z.ZodType<CustomersMaster> = z.object({
  table: z.literal('customers_master'),
  currency: z.string(),
  columns: z.tuple(CUSTOMER_COLUMNS.map((c) => z.literal(c)) as never),
  rows: z.array(CustomerRowSchema),
});
