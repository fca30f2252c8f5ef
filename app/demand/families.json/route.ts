import { loadManifest, loadTable } from '@/lib/data/load-data';
import { demandFamilies } from '@/lib/view/demand';

// Written once at build time (a static file in the export too): the family table fetches it when used.
export const dynamic = 'force-static';

/** Every product family as the demand page shapes them (lib/view/demand.ts), for its table. */
export function GET(): Response {
  const manifest = loadManifest();
  const ds = loadTable('demand_summary');
  if (!manifest || !ds)
    return Response.json({ error: 'The demand summary table has not been built.' }, { status: 404 });
  return Response.json(demandFamilies(ds, manifest.config.usd_to_currency));
}
