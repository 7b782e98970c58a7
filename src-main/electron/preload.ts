import { contextBridge, ipcRenderer } from 'electron';

// The renderer gets exactly one function; everything else stays in the main process.
contextBridge.exposeInMainWorld('pantau', {
  invoke: (method: string, body: string): Promise<string> => ipcRenderer.invoke('pantau:invoke', method, body),
});
