// How deeply a JSON text nests, found in one pass before JSON.parse builds anything: a request body
// or an uploaded file of a million "[" is refused at the first bracket past the limit instead of
// becoming a million nested arrays that every later walk (validation, hygiene) recurses through.

/** True when some value of `text` nests deeper than `max` arrays/objects. Strings are skipped. */
export function jsonNestsDeeper(text: string, max: number): boolean {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A string: skip to its closing quote, past escaped characters.
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}
