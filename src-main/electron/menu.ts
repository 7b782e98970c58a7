import type { MenuItemConstructorOptions } from 'electron';

/** What the menu's own items do; the standard ones (reload, zoom, full screen, quit) are roles. */
export interface MenuActions {
  openWorkspace(): void;
  newWorkspace(): void;
  importFiles(): void;
  exportWorkbook(): void;
  about(): void;
}

/** The native menu, in Bahasa Indonesia. Developer tools appear only when running from the dev server. */
export function buildMenuTemplate(actions: MenuActions, options: { dev: boolean }): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { label: 'Muat ulang', role: 'reload' },
    ...(options.dev
      ? ([
          { label: 'Muat ulang paksa', role: 'forceReload' },
          { label: 'Alat pengembang', role: 'toggleDevTools' },
        ] satisfies MenuItemConstructorOptions[])
      : []),
    { type: 'separator' },
    { label: 'Ukuran asli', role: 'resetZoom' },
    { label: 'Perbesar', role: 'zoomIn' },
    { label: 'Perkecil', role: 'zoomOut' },
    { type: 'separator' },
    { label: 'Layar penuh', role: 'togglefullscreen' },
  ];
  return [
    {
      label: 'Berkas',
      submenu: [
        { id: 'open-workspace', label: 'Buka workspace…', accelerator: 'CmdOrCtrl+O', click: () => actions.openWorkspace() },
        { id: 'new-workspace', label: 'Workspace baru…', accelerator: 'CmdOrCtrl+Shift+N', click: () => actions.newWorkspace() },
        { type: 'separator' },
        { id: 'import', label: 'Impor berkas…', accelerator: 'CmdOrCtrl+I', click: () => actions.importFiles() },
        { id: 'export', label: 'Ekspor workbook…', accelerator: 'CmdOrCtrl+E', click: () => actions.exportWorkbook() },
        { type: 'separator' },
        { label: 'Keluar', role: 'quit' },
      ],
    },
    { label: 'Tampilan', submenu: view },
    { label: 'Bantuan', submenu: [{ id: 'about', label: 'Tentang Pantau', click: () => actions.about() }] },
  ];
}
