import { Bool, Float64, Int32, Table, tableToIPC, Utf8, vectorFromArray, type DataType, type Vector } from 'apache-arrow';
import type { ArrowBytes } from '../../contract/views-types.ts';
import type { ColumnarResult, Db, Params } from '../db/database.ts';

/** DuckDB column type → Arrow type. Statements cast anything else to VARCHAR before it gets here. */
function arrowType(duckType: string): DataType {
  if (duckType === 'BOOLEAN') return new Bool();
  if (['INTEGER', 'SMALLINT', 'TINYINT'].includes(duckType)) return new Int32();
  if (['BIGINT', 'HUGEINT', 'UBIGINT', 'UINTEGER', 'DOUBLE', 'FLOAT'].includes(duckType) || duckType.startsWith('DECIMAL')) return new Float64();
  return new Utf8();
}

/** Runs a statement and returns its result as Arrow IPC stream bytes, built column by column. */
export async function queryArrow(db: Db, sql: string, params?: Params): Promise<{ bytes: ArrowBytes; rows: number }> {
  return toArrow(await db.columns(sql, params));
}

/** A columnar result as Arrow IPC stream bytes. */
export function toArrow(result: ColumnarResult): { bytes: ArrowBytes; rows: number } {
  const vectors: Record<string, Vector> = {};
  result.names.forEach((name, i) => {
    const type = arrowType(result.types[i]!);
    const values = result.columns[i]!;
    const plain = type instanceof Utf8 ? values.map((v) => (v === null || v === undefined ? null : String(v))) : values;
    vectors[name] = vectorFromArray(plain, type);
  });
  const table = new Table(vectors);
  // A plain Uint8Array (not a Buffer) so the wire codec sends it as bytes.
  return { bytes: new Uint8Array(tableToIPC(table, 'stream')), rows: table.numRows };
}
