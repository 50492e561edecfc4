import type { AppInfo, Platform } from '../../shared/domain/app-info';
import type { PartialIpcHandlers } from '../ipc/handler-types';

export function platformOf(nodePlatform: string): Platform {
  return nodePlatform === 'linux' || nodePlatform === 'darwin' || nodePlatform === 'win32' ? nodePlatform : 'other';
}

export function createAppInfoHandlers(info: AppInfo): PartialIpcHandlers<'app.getInfo'> {
  return {
    'app.getInfo': () => info,
  };
}
