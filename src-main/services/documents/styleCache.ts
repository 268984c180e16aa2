import { createRequire } from 'node:module';

// pdfmake resolves some twenty style properties for every word it measures (a Chinese paragraph is
// a word per character), each by pushing the word on the style stack and walking the stack. A word
// without a `style` of its own adds nothing to that walk beyond its own properties, which are read
// first anyway, so its answer is the stack's: that answer is kept per stack and property until the
// stack next changes (push/pop). Same values, a fraction of the work. Words with a named style (or
// anything unusual) take pdfmake's own path.

interface Stack {
  styleOverrides: unknown[];
  push(x: unknown): unknown;
  pop(n?: number): unknown;
  getProperty(p: string): unknown;
  _zhixingCache?: Map<string, unknown> | null;
}
type GetStyleProperty = (item: Record<string, unknown> | string, stack: Stack | null | undefined, property: string, defaultValue: unknown) => unknown;

const requireCjs = createRequire(import.meta.url);
let installed = false;
const isValue = (v: unknown) => v !== undefined && v !== null;

export function installStyleCache(): boolean {
  if (installed) return true;
  let cls: { getStyleProperty: GetStyleProperty; prototype: Stack } | undefined;
  try {
    cls = (requireCjs(requireCjs.resolve('pdfmake/js/StyleContextStack', { paths: [requireCjs.resolve('pdfmake')] })) as { default?: typeof cls }).default;
  } catch {
    return false;
  }
  if (!cls || typeof cls.getStyleProperty !== 'function' || typeof cls.prototype.push !== 'function' || typeof cls.prototype.pop !== 'function') return false;
  installed = true;
  const proto = cls.prototype;
  const push = proto.push;
  const pop = proto.pop;
  proto.push = function (this: Stack, x: unknown) {
    this._zhixingCache = null;
    return push.call(this, x);
  };
  proto.pop = function (this: Stack, n?: number) {
    this._zhixingCache = null;
    return pop.call(this, n);
  };
  const original = cls.getStyleProperty;
  cls.getStyleProperty = function (item, stack, property, defaultValue) {
    if (typeof item !== 'object' || item === null || !stack || item.style !== undefined || item.section !== undefined) return original.call(this, item, stack, property, defaultValue);
    if (isValue(item[property])) return item[property];
    const cache = (stack._zhixingCache ??= new Map());
    let value: unknown;
    if (cache.has(property)) value = cache.get(property);
    else cache.set(property, (value = stack.getProperty(property)));
    return isValue(value) ? value : defaultValue;
  };
  return true;
}
