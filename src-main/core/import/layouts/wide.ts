import type { FieldSource } from '../import-sql.ts';
import type { LayoutContext } from './layout.ts';

export async function wideSource(_ctx: LayoutContext): Promise<FieldSource> {
  throw new Error('wide layout: not built yet');
}
