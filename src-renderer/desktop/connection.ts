import { ApiCallError } from '../api/client';
import type { ConnectionRequest, ConnectionView, ServerProbe } from '../../src-shared/desktopBridge';

// The desktop's connection choice through the preload bridge (absent in the browser).

export const isDesktop = (): boolean => window.zhixing !== undefined;

export async function connection(request: { action: 'probe'; address: string }): Promise<ServerProbe>;
export async function connection(request: Exclude<ConnectionRequest, { action: 'probe' }>): Promise<ConnectionView>;
export async function connection(request: ConnectionRequest): Promise<ConnectionView | ServerProbe> {
  const bridge = window.zhixing;
  if (!bridge) throw new Error('仅桌面版可用');
  const r = await bridge.connection(request);
  if (!r.ok) throw new ApiCallError(r.error);
  return r.data as ConnectionView | ServerProbe;
}

const changed = new Set<() => void>();
/** The choice was reset (login page → 更改连接方式): the gate shows the first-run choice again. */
export function onChoiceReset(listener: () => void): () => void {
  changed.add(listener);
  return () => changed.delete(listener);
}
export function choiceReset(): void {
  for (const l of changed) l();
}
