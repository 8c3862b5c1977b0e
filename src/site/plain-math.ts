/**
 * Typesetting for the short formulas written in plain text in definitions and
 * summaries ("η_t = η_0·e^(−kt)", "Σ η_t² < ∞"): the text split into runs that
 * a page renders as text, <sub> and <sup>, at build time and without KaTeX's
 * weight on a card. Only a single-letter base takes a subscript, so names such
 * as optax.join_schedules or nesterov=True stay as written.
 */
export type MathRun = { kind: "text" | "sub" | "sup"; text: string };

// η_t, η_0, η_end, x_{n+1}: one letter (not inside a word or a dotted name), then "_" and a word.
// A Latin base takes only a one-letter or numeric word (x_n, T_0): T_max and beta_1 are parameter names, left as code.
const SUBSCRIPT = /(?<![\p{L}\p{N}_.])(?:(\p{Script=Greek})_(?:\{([^{}]+)\}|([\p{L}0-9]+))|([A-Za-z])_(?:\{([^{}]+)\}|([A-Za-z]|[0-9]+)(?![\p{L}0-9_])))/u;
// e^(−kt), (1 − t/T)^p, step^−0.5: "^" then a bracketed group or a (signed) word.
const SUPERSCRIPT = /\^(?:\(([^()]+)\)|([−-]?[\p{L}\p{N}.]*[\p{L}\p{N}]))/u;

export function mathRuns(text: string): MathRun[] {
  if (typeof text !== "string") throw new Error(`mathRuns: expected a string, got ${JSON.stringify(text)}`);
  const runs: MathRun[] = [];
  let rest = text;
  while (rest !== "") {
    const sub = SUBSCRIPT.exec(rest);
    const sup = SUPERSCRIPT.exec(rest);
    const next = [sub, sup].filter((m): m is RegExpExecArray => m !== null).sort((a, b) => a.index - b.index)[0];
    if (!next) {
      push(runs, "text", rest);
      break;
    }
    if (next === sub) {
      push(runs, "text", rest.slice(0, next.index) + (next[1] ?? next[4]!));
      push(runs, "sub", next[2] ?? next[3] ?? next[5] ?? next[6]!);
    } else {
      push(runs, "text", rest.slice(0, next.index));
      push(runs, "sup", next[1] ?? next[2]!);
    }
    rest = rest.slice(next.index + next[0].length);
  }
  return runs;
}

function push(runs: MathRun[], kind: MathRun["kind"], text: string): void {
  if (text === "") return;
  const last = runs.at(-1);
  if (last && last.kind === kind) last.text += text;
  else runs.push({ kind, text });
}
