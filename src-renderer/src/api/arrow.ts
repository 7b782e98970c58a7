import { tableFromIPC } from 'apache-arrow';

/** Decodes Arrow IPC bytes from the core into plain row objects (one page or one small table). */
export function arrowRows<T>(bytes: Uint8Array): T[] {
  const table = tableFromIPC(bytes);
  const names = table.schema.fields.map((f) => f.name);
  const columns = names.map((n) => table.getChild(n)!);
  const rows: T[] = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const row: Record<string, unknown> = {};
    names.forEach((n, c) => (row[n] = columns[c]!.get(i)));
    rows[i] = row as T;
  }
  return rows;
}
