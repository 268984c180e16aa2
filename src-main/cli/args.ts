/** Minimal `--name value` / `--flag` parser for the project's command-line entries. */
export function parseArgs(argv: string[], spec: Record<string, 'string' | 'boolean'>): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) throw new Error(`无法识别的参数：${a}`);
    const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    const kind = spec[name];
    if (!kind) throw new Error(`未知选项 --${name}（可用：${Object.keys(spec).map((k) => `--${k}`).join(' ')}）`);
    if (kind === 'boolean') out[name] = true;
    else {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`选项 --${name} 需要一个值`);
      out[name] = v;
    }
  }
  return out;
}
