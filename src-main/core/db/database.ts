import {
  DuckDBConnection,
  DuckDBInstance,
  type DuckDBAppender,
  type DuckDBValue,
} from '@duckdb/node-api';
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { AppError } from '../../contract/errors.ts';

export type Params = DuckDBValue[] | Record<string, DuckDBValue>;
export type Row = Record<string, unknown>;

export interface ColumnarResult {
  names: string[];
  types: string[];
  columns: unknown[][];
}

/** The only door to DuckDB. Values are always bound, never pasted into SQL. */
export interface Db {
  run(sql: string, params?: Params): Promise<void>;
  all<T extends Row = Row>(sql: string, params?: Params): Promise<T[]>;
  one<T extends Row = Row>(sql: string, params?: Params): Promise<T | undefined>;
  /**
   * The same rows as `all`, carried as one JSON text per row: for long results of strings, numbers
   * and lists (findings, notes), where turning DuckDB values into objects one by one costs several
   * times more than JSON.parse. Dates come as ISO text and integers as numbers.
   */
  json<T extends Row = Row>(sql: string, params?: Params): Promise<T[]>;
  /** A result column by column (for Arrow): names, DuckDB type names and plain JS values. */
  columns(sql: string, params?: Params): Promise<ColumnarResult>;
  /**
   * Rows a chunk (about 2,048) at a time, for results too big to hold at once. The connection
   * is busy until the iteration ends: run nothing else on it meanwhile.
   */
  stream<T extends Row = Row>(sql: string, params?: Params): AsyncIterable<T[]>;
  /** Runs fn inside BEGIN/COMMIT; any throw rolls the whole thing back. */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  appender(table: string, schema?: string, catalog?: string): Promise<DuckDBAppender>;
  /** Fraction of the running query done, or null when DuckDB cannot tell. */
  progress(): number | null;
  /** The workspace was not closed cleanly last time (its write-ahead log was still there). */
  readonly recovered: boolean;
  interrupt(): void;
  close(): void;
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** A SQL list of fixed values (a vocabulary, rule ids), for `x IN (...)`. */
export function sqlList(values: readonly string[]): string {
  return `(${values.map(quoteLiteral).join(', ')})`;
}

/** DuckDB refuses named parameters a statement does not use; bind only those it does. */
function usedParams(sql: string, params?: Params): Params | undefined {
  if (!params || Array.isArray(params)) return params;
  return Object.fromEntries(Object.entries(params).filter(([k]) => new RegExp(`\\$${k}\\b`).test(sql)));
}

function toPlain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  return value;
}

function plainRows<T>(rows: Record<string, unknown>[]): T[] {
  for (const row of rows) {
    for (const key of Object.keys(row)) row[key] = toPlain(row[key]);
  }
  return rows as T[];
}

const LOCK_PATTERN = /Could not set lock on file .*Conflicting lock is held in (.*?) \(PID (\d+)\)/s;

export interface OpenOptions {
  /** DuckDB's buffer limit; beyond it, large operations spill to temp files. */
  memoryLimit?: string;
  /**
   * The only folder DuckDB may touch besides the workspace file itself (staged copies of
   * imported files, spill files). When given, the configuration is locked after opening.
   */
  sandboxDir?: string;
}

export async function openDatabase(path: string, options: OpenOptions = {}): Promise<Db> {
  let instance: DuckDBInstance;
  // An offline app must never try to download or load extensions (DuckDB autoinstalls by default).
  const config: Record<string, string> = {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    allow_community_extensions: 'false',
    allow_unsigned_extensions: 'false',
  };
  if (options.memoryLimit) config.memory_limit = options.memoryLimit;
  // DuckDB removes the write-ahead log on a clean close: one still there means the last process ended without closing.
  const recovered = path !== ':memory:' && existsSync(`${path}.wal`);
  try {
    instance = await DuckDBInstance.create(path, config);
  } catch (err) {
    throw translateOpenError(path, err);
  }
  const connection = await instance.connect();
  if (options.sandboxDir) {
    try {
      await lockDown(connection, options.sandboxDir);
    } catch (err) {
      connection.closeSync();
      instance.closeSync();
      throw err;
    }
  }
  return createDb(instance, connection, recovered);
}

/**
 * Confines DuckDB to the workspace file and sandboxDir, then locks the configuration so no later
 * statement (a bug, an injected string) can widen it again. SET takes no bound parameters; the
 * directory is ours (created by the core), quoted as a literal.
 */
async function lockDown(connection: DuckDBConnection, sandboxDir: string): Promise<void> {
  const dir = sandboxDir.endsWith(sep) ? sandboxDir : sandboxDir + sep;
  await connection.run(`SET temp_directory = ${quoteLiteral(join(dir, 'spill'))}`);
  await connection.run(`SET allowed_directories = [${quoteLiteral(dir)}]`);
  await connection.run('SET enable_external_access = false');
  await connection.run('SET lock_configuration = true');
}

function translateOpenError(path: string, err: unknown): Error {
  const message = err instanceof Error ? err.message : String(err);
  const lock = LOCK_PATTERN.exec(message);
  if (lock) {
    return new AppError(
      'WORKSPACE_LOCKED',
      `Workspace ${path} sedang dibuka oleh proses lain (PID ${lock[2]}). Tutup aplikasi atau perintah Pantau yang lain itu, lalu coba lagi.`,
      `Workspace ${path} is open in another process (PID ${lock[2]}). Close that other Pantau app or command, then try again.`,
      { path, pid: Number(lock[2]) },
    );
  }
  return new AppError('WORKSPACE_INVALID', `Workspace ${path} tidak dapat dibuka: ${message}`, `Workspace ${path} cannot be opened: ${message}`, { path });
}

function createDb(instance: DuckDBInstance, connection: DuckDBConnection, recovered: boolean): Db {
  let inTransaction = false;
  const db: Db = {
    recovered,
    async run(sql, params) {
      await connection.run(sql, usedParams(sql, params));
    },
    async all<T extends Row = Row>(sql: string, params?: Params): Promise<T[]> {
      const reader = await connection.runAndReadAll(sql, usedParams(sql, params));
      return plainRows<T>(reader.getRowObjectsJS() as Record<string, unknown>[]);
    },
    async one<T extends Row = Row>(sql: string, params?: Params): Promise<T | undefined> {
      const rows = await db.all<T>(sql, params);
      return rows[0];
    },
    async json<T extends Row = Row>(sql: string, params?: Params): Promise<T[]> {
      // A projection over an ordered subquery keeps its order (DuckDB preserves insertion order).
      const reader = await connection.runAndReadAll(`SELECT to_json(q)::VARCHAR FROM (${sql}) q`, usedParams(sql, params));
      return (reader.getColumnsJS()[0] ?? []).map((text) => JSON.parse(text as string) as T);
    },
    async columns(sql, params) {
      const reader = await connection.runAndReadAll(sql, usedParams(sql, params));
      const names = reader.columnNames();
      // An empty result has no column arrays at all: give each column an empty one.
      const read = reader.getColumnsJS() as unknown[][];
      const columns = names.map((_, i) => read[i] ?? []);
      for (const column of columns) {
        for (let i = 0; i < column.length; i++) column[i] = toPlain(column[i]);
      }
      return { names, types: reader.columnTypes().map((t) => t.toString()), columns };
    },
    async *stream<T extends Row = Row>(sql: string, params?: Params): AsyncGenerator<T[]> {
      const result = await connection.stream(sql, usedParams(sql, params));
      for await (const rows of result.yieldRowObjectJs()) yield plainRows<T>(rows as Record<string, unknown>[]);
    },
    async transaction(fn) {
      if (inTransaction) throw new Error('nested transaction');
      inTransaction = true;
      await connection.run('BEGIN TRANSACTION');
      try {
        const result = await fn();
        await connection.run('COMMIT');
        return result;
      } catch (err) {
        await connection.run('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        inTransaction = false;
      }
    },
    appender(table, schema, catalog) {
      return connection.createAppender(table, schema ?? null, catalog ?? null);
    },
    progress() {
      const p = connection.progress;
      return p.percentage >= 0 ? p.percentage / 100 : null;
    },
    interrupt() {
      connection.interrupt();
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
  return db;
}
