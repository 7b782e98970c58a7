import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi, type Mock } from 'vitest';
import { buildMenuTemplate, type MenuActions } from '../../src-main/electron/menu.ts';

function actions(): Record<keyof MenuActions, Mock<() => void>> {
  return { openWorkspace: vi.fn(), newWorkspace: vi.fn(), importFiles: vi.fn(), exportWorkbook: vi.fn(), about: vi.fn() };
}

function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((m) => m.label === label);
  return (menu?.submenu ?? []) as MenuItemConstructorOptions[];
}

function item(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = items.find((i) => i.label === label);
  if (!found) throw new Error(`no menu item ${label}`);
  return found;
}

function click(entry: MenuItemConstructorOptions): void {
  (entry.click as () => void)();
}

describe('native menu', () => {
  it('has Berkas, Tampilan and Bantuan, in Bahasa Indonesia', () => {
    expect(buildMenuTemplate(actions(), { dev: false }).map((m) => m.label)).toEqual(['Berkas', 'Tampilan', 'Bantuan']);
    const labels = submenu(buildMenuTemplate(actions(), { dev: false }), 'Berkas').map((i) => i.label).filter(Boolean);
    expect(labels).toEqual(['Buka workspace…', 'Workspace baru…', 'Impor berkas…', 'Ekspor workbook…', 'Keluar']);
  });

  it('wires each Berkas and Bantuan item to its own action, and only that one', () => {
    const cases: [string, string, keyof MenuActions][] = [
      ['Berkas', 'Buka workspace…', 'openWorkspace'],
      ['Berkas', 'Workspace baru…', 'newWorkspace'],
      ['Berkas', 'Impor berkas…', 'importFiles'],
      ['Berkas', 'Ekspor workbook…', 'exportWorkbook'],
      ['Bantuan', 'Tentang Pantau', 'about'],
    ];
    for (const [menu, label, action] of cases) {
      const a = actions();
      click(item(submenu(buildMenuTemplate(a, { dev: false }), menu), label));
      for (const name of Object.keys(a) as (keyof MenuActions)[]) {
        expect(a[name], `${label} → ${name}`).toHaveBeenCalledTimes(name === action ? 1 : 0);
      }
    }
  });

  it('quits through the standard role', () => {
    expect(item(submenu(buildMenuTemplate(actions(), { dev: false }), 'Berkas'), 'Keluar').role).toBe('quit');
  });

  it('offers reload, zoom and full screen through standard roles', () => {
    const roles = submenu(buildMenuTemplate(actions(), { dev: false }), 'Tampilan').map((i) => i.role).filter(Boolean);
    expect(roles).toEqual(['reload', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });

  it('shows developer tools only in dev', () => {
    const roles = (dev: boolean) => submenu(buildMenuTemplate(actions(), { dev }), 'Tampilan').map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('gives every item a distinct accelerator', () => {
    const accelerators = buildMenuTemplate(actions(), { dev: true })
      .flatMap((m) => m.submenu as MenuItemConstructorOptions[])
      .map((i) => i.accelerator)
      .filter(Boolean);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });
});
