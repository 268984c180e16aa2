// One figure per line: {"bench","metric","value","unit","budget","ok"} — the format bench/run.mjs collects.
// `budget` is {"max": n} or {"min": n} (or null when the issue sets none); `ok` compares the value with it.
export function figure(bench, metric, value, unit, budget = null, extra = {}) {
  let ok = true;
  if (budget && typeof value === 'number') {
    if (budget.max !== undefined && !(value <= budget.max)) ok = false;
    if (budget.min !== undefined && !(value >= budget.min)) ok = false;
  }
  if (value === null || Number.isNaN(value)) ok = false;
  const line = { bench, metric, value, unit, budget, ok, ...extra };
  console.log(JSON.stringify(line));
  return line;
}

export function percentile(samples, p) {
  if (samples.length === 0) return NaN;
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

export const round = (x, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
