import {
  DuckDBConnection,
  DuckDBInstance,
  type DuckDBAppender,
  type DuckDBValue,
} from '@duckdb/node-api';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { AppError } from '../../contract/errors.ts';
import { asIoFailure, ioKind, type Places } from '../io-errors.ts';

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
  /**
   * Ends all work on the workspace: the running statement is interrupted and every later one fails
   * with `reason` (a CLI command cancelled by a signal must end, whichever statement comes next).
   * A rollback still runs, so no transaction is left open.
   */
  stop(reason: Error): void;
  /**
   * Closes the workspace and releases its lock. A statement still running is interrupted first and
   * the close waits for it to end (the process stays alive until then): closing DuckDB's connection
   * under a running statement deadlocks the thread running it, and the process never exits.
   */
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
  if (path !== ':memory:') refuseNonWorkspace(path);
  try {
    instance = await DuckDBInstance.create(path, config);
  } catch (err) {
    throw translateOpenError(path, err);
  }
  const places: Places = { workspace: path === ':memory:' ? undefined : path, staging: options.sandboxDir };
  const connection = await instance.connect();
  if (options.sandboxDir) {
    try {
      await lockDown(connection, options.sandboxDir);
    } catch (err) {
      connection.closeSync();
      instance.closeSync();
      throw asIoFailure(err, places) ?? err;
    }
  }
  return createDb(instance, connection, recovered, places);
}

/** DuckDB's file header: a checksum, then these four bytes. */
const MAGIC = 'DUCK';

/**
 * A file that exists must already be a DuckDB file. DuckDB refuses most others, but one named
 * .csv or .json it opened without a word and kept nothing in (every import "succeeded" into a
 * workspace that was gone at the next command).
 */
function refuseNonWorkspace(path: string): void {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      throw new AppError('WORKSPACE_INVALID', `${path} adalah folder, bukan berkas workspace. Sebutkan berkas di dalamnya, mis. ${join(path, 'pantau.duckdb')}.`,
        `${path} is a folder, not a workspace file. Name a file inside it, e.g. ${join(path, 'pantau.duckdb')}.`, { path });
    }
    if (!stat.isFile()) {
      throw new AppError('WORKSPACE_INVALID', `${path} bukan berkas biasa, jadi tidak dapat menjadi workspace. Pilih berkas .duckdb di sebuah folder.`,
        `${path} is not a regular file, so it cannot be a workspace. Choose a .duckdb file in a folder.`, { path });
    }
    size = stat.size;
  } catch (err) {
    if (err instanceof AppError) throw err;
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw asIoFailure(err, { workspace: path }) ?? err;
  }
  const head = Buffer.alloc(12);
  let read = 0;
  try {
    const fd = openSync(path, 'r');
    try {
      read = readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    throw asIoFailure(err, { workspace: path }) ?? err;
  }
  if (size === 0 || read < head.length || head.subarray(8, 12).toString('latin1') !== MAGIC) {
    throw notAWorkspace(path);
  }
}

function notAWorkspace(path: string): AppError {
  return new AppError('WORKSPACE_INVALID',
    `${path} bukan workspace Pantau (berkas itu bukan basis data DuckDB) dan tidak diubah. Pilih berkas workspace .duckdb, atau nama berkas baru untuk workspace baru.`,
    `${path} is not a Pantau workspace (it is not a DuckDB database) and was left untouched. Choose a workspace .duckdb file, or a new file name for a new workspace.`,
    { path });
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
  if (/Is a directory/i.test(message)) return notAWorkspace(path);
  if (/not a valid DuckDB database file/i.test(message)) return notAWorkspace(path);
  if (/Cannot open file .*No such file or directory/is.test(message)) {
    if (existsSync(dirname(path))) {
      return new AppError('WORKSPACE_INVALID', `Workspace ${basename(path)} tidak dapat dibuat di ${dirname(path)}: folder itu tidak menerima berkas baru. Pilih folder lain.`,
        `The workspace ${basename(path)} cannot be made in ${dirname(path)}: that folder takes no new files. Choose another folder.`, { path });
    }
    return new AppError('WORKSPACE_INVALID', `Folder ${dirname(path)} tidak ada, jadi workspace ${basename(path)} tidak dapat dibuat di sana. Buat foldernya atau pilih folder lain.`,
      `The folder ${dirname(path)} does not exist, so the workspace ${basename(path)} cannot be made there. Create the folder or choose another one.`, { path });
  }
  if (/Could not read enough bytes|truncated|Corrupt|checksum/i.test(message)) {
    return new AppError('WORKSPACE_INVALID', `Workspace ${path} rusak atau terpotong (isinya tidak lengkap). Pulihkan dari cadangan, atau buat workspace baru lalu impor ulang berkasnya.`,
      `The workspace ${path} is damaged or cut short (its contents are incomplete). Restore it from a backup, or make a new workspace and import the files again.`, { path });
  }
  if (/serialization version|created by a (newer|older)|version number/i.test(message)) {
    return new AppError('WORKSPACE_INVALID', `Workspace ${path} dibuat oleh versi DuckDB lain yang tidak dapat dibaca versi Pantau ini. Buka dengan versi Pantau yang membuatnya.`,
      `The workspace ${path} was made by a DuckDB version this version of Pantau cannot read. Open it with the Pantau version that made it.`, { path });
  }
  const io = ioKind(err);
  if (io === 'failed' && /Invalid argument/i.test(message)) {
    return new AppError('WORKSPACE_INVALID', `${path} bukan berkas biasa di disk, jadi tidak dapat menjadi workspace. Pilih berkas .duckdb di sebuah folder.`,
      `${path} is not an ordinary file on a disk, so it cannot be a workspace. Choose a .duckdb file in a folder.`, { path });
  }
  const failure = asIoFailure(err, { workspace: path });
  if (failure) return failure;
  // Anything else: DuckDB's words without its error class, which tells the user nothing.
  const reason = message.replace(/^\s*[A-Za-z ]*Error:\s*/, '').split('\n')[0];
  return new AppError('WORKSPACE_INVALID', `Workspace ${path} tidak dapat dibuka (${reason}).`, `Workspace ${path} cannot be opened (${reason}).`, { path });
}

/**
 * DuckDB's failures of the disk under the workspace or the staging folder (a full disk, a drive
 * gone) become IO_FAILED naming the place; every other error passes unchanged.
 */
function translated(places: Places, err: unknown): unknown {
  // Only a cancel interrupts a statement (db.interrupt, db.stop).
  if (!(err instanceof AppError) && /^(Error: )?INTERRUPT Error/.test(String(err))) {
    return new AppError('CANCELLED', 'Dibatalkan; tidak ada yang disimpan dari pekerjaan ini.', 'Cancelled; nothing of this work was stored.');
  }
  return asIoFailure(err, places) ?? err;
}

function createDb(instance: DuckDBInstance, connection: DuckDBConnection, recovered: boolean, places: Places): Db {
  let inTransaction = false;
  let stopped: Error | undefined;
  /** DuckDB calls not yet settled, and a close waiting for them (see `close`). */
  let running = 0;
  let closeWhenIdle: (() => void) | undefined;
  /** Counts a DuckDB call while it runs; the last one to settle runs a close that waited for it. */
  const tracked = async <T>(work: () => Promise<T>): Promise<T> => {
    running++;
    try {
      return await work();
    } finally {
      if (--running === 0 && closeWhenIdle) closeWhenIdle();
    }
  };
  /** Runs one DuckDB call, its disk failures translated. */
  const call = async <T>(work: () => Promise<T>): Promise<T> => {
    if (stopped) throw stopped;
    try {
      return await tracked(work);
    } catch (err) {
      throw stopped ?? translated(places, err);
    }
  };
  const closeNow = () => {
    // The instance is closed (its file lock released) even when the connection's close fails.
    try {
      connection.closeSync();
    } catch (err) {
      throw translated(places, err);
    } finally {
      instance.closeSync();
    }
  };
  const db: Db = {
    recovered,
    async run(sql, params) {
      await call(() => connection.run(sql, usedParams(sql, params)));
    },
    async all<T extends Row = Row>(sql: string, params?: Params): Promise<T[]> {
      const reader = await call(() => connection.runAndReadAll(sql, usedParams(sql, params)));
      return plainRows<T>(reader.getRowObjectsJS() as Record<string, unknown>[]);
    },
    async one<T extends Row = Row>(sql: string, params?: Params): Promise<T | undefined> {
      const rows = await db.all<T>(sql, params);
      return rows[0];
    },
    async json<T extends Row = Row>(sql: string, params?: Params): Promise<T[]> {
      // A projection over an ordered subquery keeps its order (DuckDB preserves insertion order).
      const reader = await call(() => connection.runAndReadAll(`SELECT to_json(q)::VARCHAR FROM (${sql}) q`, usedParams(sql, params)));
      return (reader.getColumnsJS()[0] ?? []).map((text) => JSON.parse(text as string) as T);
    },
    async columns(sql, params) {
      const reader = await call(() => connection.runAndReadAll(sql, usedParams(sql, params)));
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
      const result = await call(() => connection.stream(sql, usedParams(sql, params)));
      const chunks = result.yieldRowObjectJs()[Symbol.asyncIterator]();
      try {
        for (;;) {
          const next = await call(() => chunks.next());
          if (next.done) return;
          yield plainRows<T>(next.value as Record<string, unknown>[]);
        }
      } finally {
        await chunks.return?.();
      }
    },
    async transaction(fn) {
      if (inTransaction) throw new Error('nested transaction');
      inTransaction = true;
      let committed = false;
      await call(() => connection.run('BEGIN TRANSACTION'));
      try {
        const result = await fn();
        await call(() => connection.run('COMMIT'));
        committed = true;
        return result;
      } catch (err) {
        await tracked(() => connection.run('ROLLBACK')).catch(() => undefined);
        throw err;
      } finally {
        inTransaction = false;
        // DuckDB 1.5 reads a table that one transaction appended no rows to and then a row group or
        // more from a temporary table (an import's rejects: the reader's, often none, then the
        // file's) as empty until the next checkpoint: count(*) said 0 while ORDER BY … LIMIT found
        // every row. A checkpoint after each commit makes every later read whole. The rows are
        // committed whatever it does: a checkpoint that fails leaves DuckDB unusable, and the next
        // call says so (io-errors.ts, `reopen`), so the caller is not told the commit failed.
        if (committed) await tracked(() => connection.run('CHECKPOINT')).catch(() => undefined);
      }
    },
    appender(table, schema, catalog) {
      return call(() => connection.createAppender(table, schema ?? null, catalog ?? null));
    },
    progress() {
      const p = connection.progress;
      return p.percentage >= 0 ? p.percentage / 100 : null;
    },
    interrupt() {
      connection.interrupt();
    },
    stop(reason) {
      stopped ??= reason;
      connection.interrupt();
    },
    close() {
      if (closeWhenIdle) return;
      if (running === 0) return closeNow();
      stopped ??= new AppError('CANCELLED', 'Workspace sedang ditutup.', 'The workspace is being closed.');
      connection.interrupt();
      closeWhenIdle = () => {
        try {
          closeNow();
        } catch {
          // Nobody is left to tell: the statement that ran last has already answered its caller.
        }
      };
    },
  };
  return db;
}
