/**
 * The symbols a LaTeX formula uses, so that a test can hold a formula to the
 * names its family defines (ParamDef.symbol and Family.where) and a glossary
 * entry's formula section to the same names. A symbol is a Latin letter or a
 * Greek letter command, with its subscript: `\eta_{\min}` and `\eta_\min` are
 * the same symbol ("\eta_\min"), `\eta_{\text{end}}` is "\eta_end", and an
 * index subscript (i, i+1, j−1, k, n) reads as "_i", so `b_{i+1}` is "b_i".
 * Words set in \text, \operatorname or \mathrm, function names (\cos, \max)
 * and operators, with their limits and bound index (the i of \prod_{i=1}^{k}), are not symbols.
 */

const GREEK = new Set(
  "alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi pi rho sigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Phi Psi Omega".split(" "),
);
/** Commands whose braced argument is words, not maths. */
const WORDS = new Set(["text", "operatorname", "mathrm", "textrm", "textbf", "textit", "begin", "end", "mbox"]);

/** The closing index of the brace group opening at `open`. */
function groupEnd(tex: string, open: number): number {
  let depth = 0;
  for (let i = open; i < tex.length; i += 1) {
    if (tex[i] === "{") depth += 1;
    else if (tex[i] === "}") {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  throw new SyntaxError(`unbalanced braces in ${JSON.stringify(tex)}`);
}

function normalizeSubscript(raw: string): string {
  const plain = raw
    .replace(/\\(?:text|mathrm|operatorname)\{([^{}]*)\}/g, "$1")
    .replace(/[{}\s]/g, "")
    .replace(/\\[,;!]/g, "");
  return /^[ijkn]([+-−]\d)?$/.test(plain) ? "i" : plain;
}

/** Read a subscript at `at` (just after "_"): its text and where it ends. */
function readSubscript(tex: string, at: number): { text: string; next: number } {
  if (tex[at] === "{") {
    const end = groupEnd(tex, at);
    return { text: tex.slice(at + 1, end), next: end + 1 };
  }
  const command = /^\\[a-zA-Z]+/.exec(tex.slice(at));
  if (command) return { text: command[0], next: at + command[0].length };
  return { text: tex[at] ?? "", next: at + 1 };
}

/** The symbols of a formula, normalised, in order of first use. */
export function formulaSymbols(tex: string): string[] {
  const found: string[] = [];
  const bound = new Set<string>();
  let i = 0;
  while (i < tex.length) {
    const rest = tex.slice(i);
    const command = /^\\([a-zA-Z]+)/.exec(rest);
    let base: string | null = null;
    if (command) {
      const name = command[1] as string;
      i += command[0].length;
      if (WORDS.has(name)) {
        while (tex[i] === " ") i += 1;
        if (tex[i] === "{") i = groupEnd(tex, i) + 1;
        continue;
      }
      if (!GREEK.has(name)) {
        // An operator's limits bind its index (\prod_{s=1}^{t} … s): neither the index nor the limits are symbols of the formula.
        while (tex[i] === "_" || tex[i] === "^") {
          const limit = readSubscript(tex, i + 1);
          if (tex[i] === "_") bound.add(limit.text.split("=")[0]?.trim() ?? "");
          i = limit.next;
        }
        continue;
      }
      base = `\\${name}`;
    } else if (/^[a-zA-Z]/.test(rest)) {
      base = rest[0] as string;
      i += 1;
    } else {
      i += rest.startsWith("\\") ? 2 : 1;
      continue;
    }
    let j = i;
    while (tex[j] === " ") j += 1;
    let symbol = base;
    if (tex[j] === "_") {
      const sub = readSubscript(tex, j + 1);
      symbol = `${base}_${normalizeSubscript(sub.text)}`;
      i = sub.next;
    }
    if (!found.includes(symbol)) found.push(symbol);
  }
  return found.filter((s) => !bound.has(s));
}

/** Symbols every schedule formula may use without defining them: the step, the rate at that step, π, and the index letters i, j, n. */
export const UNIVERSAL_SYMBOLS: readonly string[] = ["t", "\\eta_t", "\\pi", "i", "j", "n"];

/**
 * The symbols of `tex` that are not among `allowed` (LaTeX, normalised the
 * same way). X_0 counts as allowed where X_i is (the first of an indexed list).
 */
export function unexplainedSymbols(tex: string, allowed: readonly string[]): string[] {
  const known = new Set([...allowed.flatMap((a) => formulaSymbols(a)), ...UNIVERSAL_SYMBOLS]);
  return formulaSymbols(tex).filter((s) => {
    if (known.has(s)) return false;
    const indexed = /^(.+)_\d$/.exec(s);
    return !(indexed && known.has(`${indexed[1]}_i`));
  });
}
