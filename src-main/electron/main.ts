import { app as electronApp, BrowserWindow, dialog, ipcMain, session, shell, utilityProcess } from 'electron';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../transports/http';
import { probeCertificate } from '../net/pinnedTls';
import { lockDown, windowOptions } from './window';
import { serveIpc } from './ipc';
import { DesktopShell } from './desktopShell';
import { DESKTOP_SETTINGS_FILE, DesktopSettingsStore } from './desktopSettings';
import { LocalBackend, type BackOfficeChild } from './localBackend';
import { RemoteBackend } from './remoteBackend';
import { FileCache } from './fileCache';

// The desktop shell: thin. The window shows only the bundled UI; its calls reach the back office
// through main — in single-PC mode a utility process owning the data folder, in client mode the
// court server over HTTPS pinned to the certificate the clerk confirmed (desktopShell.ts).
const here = fileURLToPath(new URL('.', import.meta.url));
const rendererIndex = join(here, '../renderer/index.html');
const appUrl = pathToFileURL(rendererIndex).toString();

electronApp.enableSandbox();

async function start(): Promise<void> {
  if (!electronApp.requestSingleInstanceLock()) {
    dialog.showErrorBox('执行案件管理系统', '程序已经在运行（同一数据文件夹只能由一个程序打开）。');
    electronApp.quit();
    return;
  }
  await electronApp.whenReady();
  const userData = electronApp.getPath('userData');
  const dataDir = process.env.ZHIXING_DATA ?? join(userData, 'data');
  const cache = new FileCache(join(userData, 'cache', 'files'));
  cache.sweep();

  const desktop = new DesktopShell({
    settings: new DesktopSettingsStore(join(userData, DESKTOP_SETTINGS_FILE)),
    local: () =>
      new LocalBackend(
        () => utilityProcess.fork(join(here, 'backOffice.js'), [], { serviceName: '执行案件管理后台服务', stdio: 'inherit' }) as unknown as BackOfficeChild,
        dataDir,
        (message) => {
          dialog.showErrorBox('无法打开数据', message);
          electronApp.quit();
        },
      ),
    remote: (address, fingerprint256) => new RemoteBackend(address, fingerprint256, cache),
    probe: probeCertificate,
    openFile: (path, reveal) => (reveal ? shell.showItemInFolder(path) : shell.openPath(path)),
  });

  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));

  const win = new BrowserWindow(windowOptions(join(here, '../preload/index.cjs')));
  lockDown(win.webContents, appUrl);
  desktop.attach(win.webContents);
  serveIpc(ipcMain, desktop, appUrl);
  win.once('ready-to-show', () => win.show());
  await win.loadFile(rendererIndex);

  let quitting = false;
  electronApp.on('window-all-closed', () => {
    if (quitting) return;
    quitting = true;
    void desktop.close().finally(() => electronApp.quit());
  });
}

void start();
