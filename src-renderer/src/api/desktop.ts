import { AppError, isErrorCode, type DesktopMethodName, type DesktopMethods, type Envelope } from '../../../src-main/contract/index.ts';

/** The desktop shell's own methods (native save dialog, show in folder), through the same one `invoke`. */
export async function desktopCall<M extends DesktopMethodName>(method: M, request: DesktopMethods[M]['request']): Promise<DesktopMethods[M]['result']> {
  if (!window.pantau) throw new AppError('BAD_REQUEST', 'Hanya tersedia di aplikasi desktop.');
  const envelope = JSON.parse(await window.pantau.invoke(method, JSON.stringify(request))) as Envelope;
  if (envelope.ok) return envelope.value as DesktopMethods[M]['result'];
  throw new AppError(isErrorCode(envelope.error.code) ? envelope.error.code : 'INTERNAL', envelope.error.message);
}

/** Browser mode: fetches a workbook the server wrote for this page and saves it through the browser. */
export async function downloadWorkbook(name: string, token: string | null): Promise<void> {
  const res = await fetch(`/download/${encodeURIComponent(name)}`, { method: 'POST', headers: { 'x-pantau-token': token ?? '' } });
  if (!res.ok) throw new Error(`${res.status}: ${await res.text()}`);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
