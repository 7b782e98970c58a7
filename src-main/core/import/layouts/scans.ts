import type { FieldSource } from '../import-sql.ts';
import type { LayoutContext } from './layout.ts';

export async function scansSource(_ctx: LayoutContext): Promise<FieldSource> {
  throw new Error('scans layout: not built yet');
}
