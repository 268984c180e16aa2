import type { HandlerMap } from '../registry';

/** Every domain's handler file in this folder (`<domain>.ts` exporting `handlers`). */
export function allHandlers(): HandlerMap[] {
  const modules = import.meta.glob<{ handlers: HandlerMap }>(['./*.ts', '!./index.ts'], { eager: true });
  return Object.values(modules).map((m) => m.handlers);
}
