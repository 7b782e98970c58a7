import { AppError } from '../../contract/errors.ts';
import type { CallOptions } from '../../contract/progress.ts';
import type { CanonicalRecord, ListRecordsRequest, ListRecordsResult, RecordsFilter } from '../../contract/records-types.ts';
import { VALIDATORS } from '../../contract/validate.ts';
import type { Db } from '../db/database.ts';
import { assertKnownAgency } from './known-agencies.ts';
import { recordFields, recordsQuery } from './records-sql.ts';

export { recordFields } from './records-sql.ts';

const DEFAULT_LIMIT = 1000;

/** One page of a kind's records (the app's data views): the filter's total and the records from `offset`. */
export async function listRecords(db: Db, req: ListRecordsRequest): Promise<ListRecordsResult> {
  const offset = req.offset ?? 0;
  const query = recordsQuery(req, { offset, limit: req.limit ?? DEFAULT_LIMIT });
  await assertKnownAgency(db, req.agency);
  const total = (await db.one<{ n: number }>(query.count, query.params))?.n ?? 0;
  const page = await db.columns(query.sql, query.params);
  const records = (page.columns[0] ?? []).map((text) => JSON.parse(text as string) as CanonicalRecord);
  return { kind: req.kind, fields: recordFields(req.kind), total, offset, records };
}

/** Where streamed records go: the field names once the request is accepted, then each chunk's JSON texts. */
export interface RecordsSink {
  begin(fields: string[]): void;
  records(json: string[]): void;
}

function cancelled(): AppError {
  return new AppError('CANCELLED', 'Dibatalkan.', 'Cancelled.');
}

/**
 * Every record of the filter, a chunk (about 2,048) at a time as JSON texts: `pantau records` writes
 * ten million attendance rows without holding them. Not a transport method (a wire answer is one
 * document); the request passes the same validator and agency check as `listRecords`.
 */
export async function streamRecords(db: Db, req: RecordsFilter, sink: RecordsSink, opts: CallOptions = {}): Promise<{ count: number }> {
  VALIDATORS.listRecords(req);
  const query = recordsQuery(req);
  await assertKnownAgency(db, req.agency);
  sink.begin(recordFields(req.kind));
  let count = 0;
  for await (const chunk of db.stream<{ j: string }>(query.sql, query.params)) {
    if (opts.signal?.aborted) throw cancelled();
    sink.records(chunk.map((r) => r.j));
    count += chunk.length;
  }
  return { count };
}
