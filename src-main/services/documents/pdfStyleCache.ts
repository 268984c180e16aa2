import { createRequire } from 'node:module';

// pdfmake measures every inline of a paragraph (each CJK character is its own inline) by asking the
// style stack for about twenty properties, and each ask pushes the inline onto the stack, builds a
// closure, walks the stack and pops it again. While one
// paragraph's inlines are measured the stack does not change, and pushing an inline without a named
// style only puts the inline itself on top — whose own value was already looked at. So, within one
// measure() call, the stack's answer per property is looked up once and reused; inlines with their
// own value, a named `style` or a section go the original way. Same values, so the same pages
// (tests/integration/pdfPatches.test.ts compares every template with and without). It relies on
// pdfmake 0.3's StyleContextStack.getStyleProperty and TextInlines.measure; if either is not there
// the patch stays off. Measured on the three notices, rendered alternately with and without it:
// 16 % less CPU per document (9.6 against 11.5 ms).

type GetStyleProperty = (item: unknown, stack: StackLike | null | undefined, property: string, defaultValue: unknown) => unknown;
interface StackLike {
  getProperty(property: string): unknown;
}

const requireCjs = createRequire(import.meta.url);
let installed = false;

export function installStyleCache(): void {
  if (installed) return;
  installed = true;
  const from = { paths: [requireCjs.resolve('pdfmake')] };
  const Stack = (requireCjs(requireCjs.resolve('pdfmake/js/StyleContextStack.js', from)) as { default?: { getStyleProperty?: GetStyleProperty } }).default;
  const Inlines = (requireCjs(requireCjs.resolve('pdfmake/js/TextInlines.js', from)) as { default?: { prototype?: { measure?: (this: unknown, array: unknown[], stack: StackLike | null) => unknown } } }).default;
  const lookup = Stack?.getStyleProperty;
  const measure = Inlines?.prototype?.measure;
  if (!Stack || !Inlines?.prototype || typeof lookup !== 'function' || typeof measure !== 'function') return;
  // The stacks being measured, each with its answers so far.
  const measuring = new Map<StackLike, Map<string, unknown>>();
  Stack.getStyleProperty = function (this: unknown, item, stack, property, defaultValue) {
    const memo = stack ? measuring.get(stack) : undefined;
    if (!memo || item === null || typeof item !== 'object') return lookup.call(this, item, stack, property, defaultValue);
    const own = (item as Record<string, unknown>)[property];
    if (own !== undefined && own !== null) return own;
    if ((item as { style?: unknown }).style || (item as { section?: unknown }).section !== undefined) return lookup.call(this, item, stack, property, defaultValue);
    let value: unknown;
    if (memo.has(property)) value = memo.get(property);
    else {
      value = stack!.getProperty(property);
      memo.set(property, value);
    }
    return value !== undefined && value !== null ? value : defaultValue;
  };
  Inlines.prototype.measure = function (this: unknown, array, stack) {
    if (!stack || measuring.has(stack)) return measure.call(this, array, stack);
    measuring.set(stack, new Map());
    try {
      return measure.call(this, array, stack);
    } finally {
      measuring.delete(stack);
    }
  };
}
