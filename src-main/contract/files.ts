import type { MethodName, RequestOf } from './api.ts';

/** What a request does with a file it names: reads it (an import's source) or writes it (a workbook). */
export type FileRole = 'read' | 'write';

/**
 * Rewrites the file names of one request: `name` gets each value the request holds where it names a
 * file, with what the request does with it, and returns what the core is to be given instead.
 */
export type FileFields<M extends MethodName> = (req: RequestOf<M>, name: (value: string, role: FileRole) => string) => RequestOf<M>;

/**
 * Every request field that names a file on the machine the core runs on: the one list a transport
 * checks the page's file names against (the desktop shell turns its tokens into paths here, and
 * refuses anything else). A method not listed names no file. Requests are validated before.
 */
export const FILE_FIELDS = {
  importFiles: (req, name) => ({ ...req, files: req.files.map((file) => ({ ...file, path: name(file.path, 'read') })) }),
  previewImport: (req, name) => ({ ...req, path: name(req.path, 'read') }),
  detectImport: (req, name) => ({ ...req, path: name(req.path, 'read') }),
  exportWorkbook: (req, name) => ({ ...req, out: name(req.out, 'write') }),
  exportRejects: (req, name) => ({ ...req, out: name(req.out, 'write') }),
  exportTable: (req, name) => ({ ...req, out: name(req.out, 'write') }),
} satisfies { [M in MethodName]?: FileFields<M> };

/** The rewriter of a method's file fields, or undefined when its requests name no file. */
export function fileFieldsOf(method: string): ((req: unknown, name: (value: string, role: FileRole) => string) => unknown) | undefined {
  if (!Object.hasOwn(FILE_FIELDS, method)) return undefined;
  return (FILE_FIELDS as unknown as Record<string, (req: unknown, name: (value: string, role: FileRole) => string) => unknown>)[method];
}
