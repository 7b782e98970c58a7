// A full disk where none can be mounted: Node's writes to files in PANTAU_ENOSPC_DIR fail with
// ENOSPC once PANTAU_ENOSPC_BYTES bytes were written there, as a tiny tmpfs fails them. Loaded
// with `node --import` into a CLI process (test/helpers/full-disk.ts), or installed in-process.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { resolve, sep } from 'node:path';

export function installEnospc(dir, bytes) {
  const root = resolve(dir) + sep;
  const fds = new Set();
  let written = 0;
  const full = (syscall) => Object.assign(new Error(`ENOSPC: no space left on device, ${syscall}`), { errno: -28, code: 'ENOSPC', syscall });
  const { open, write, writev, close } = fs;
  const popen = fsp.open;
  const under = (path) => typeof path === 'string' && resolve(path).startsWith(root);
  fs.open = function (path, ...rest) {
    const cb = rest.pop();
    return open.call(fs, path, ...rest, (err, fd) => {
      if (!err && under(path)) fds.add(fd);
      cb(err, fd);
    });
  };
  fs.close = function (fd, cb) {
    fds.delete(fd);
    return close.call(fs, fd, cb);
  };
  const size = (x) => (typeof x === 'string' ? Buffer.byteLength(x) : x.byteLength);
  fs.write = function (fd, buffer, ...rest) {
    if (fds.has(fd)) {
      written += size(buffer);
      if (written > bytes) return process.nextTick(rest.pop(), full('write'));
    }
    return write.call(fs, fd, buffer, ...rest);
  };
  fs.writev = function (fd, buffers, ...rest) {
    if (fds.has(fd)) {
      written += buffers.reduce((n, b) => n + size(b), 0);
      if (written > bytes) return process.nextTick(rest.pop(), full('writev'));
    }
    return writev.call(fs, fd, buffers, ...rest);
  };
  // A FileHandle (fs/promises: the CSV stager's parts) fails the same way.
  fsp.open = async function (path, ...rest) {
    const handle = await popen.call(fsp, path, ...rest);
    if (under(path)) {
      const w = handle.write.bind(handle);
      handle.write = async (data, ...more) => {
        written += size(data);
        if (written > bytes) throw full('write');
        return w(data, ...more);
      };
    }
    return handle;
  };
  syncBuiltinESMExports();
  return () => {
    Object.assign(fs, { open, write, writev, close });
    fsp.open = popen;
    syncBuiltinESMExports();
  };
}

if (process.env.PANTAU_ENOSPC_DIR) installEnospc(process.env.PANTAU_ENOSPC_DIR, Number(process.env.PANTAU_ENOSPC_BYTES ?? 0));
