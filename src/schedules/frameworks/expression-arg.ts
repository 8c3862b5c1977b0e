/**
 * A Python function given to a library as text (PyTorch's lr_lambda and
 * scale_fn, an optax schedule callable, a Keras LearningRateSchedule's
 * __call__): parsed by the expression language (../expression/), never run
 * as code. A refusal names the argument and the offending characters.
 */
import { compile, ExpressionError } from "../expression/language.ts";
import { ConfigError, type Kwargs } from "./kwargs.ts";

export function expressionArg(kw: Kwargs, where: string, key: string): (t: number) => number {
  const text = kw.raw(key);
  if (typeof text !== "string") throw new ConfigError(`${where}: ${key} must be a Python function written as text (a lambda of the step), e.g. "lambda epoch: 0.95 ** epoch"`);
  try {
    return compile(text).f;
  } catch (error) {
    if (error instanceof ExpressionError) throw new ConfigError(`${where}: ${key}: ${error.message} (characters ${error.from + 1}–${error.to} of ${JSON.stringify(text)})`);
    throw error;
  }
}

/** The function's values, with an ExpressionError at some step turned into the library's refusal. */
export function guardedValues(where: string, f: (t: number) => number): (t: number) => number {
  return (t) => {
    try {
      return f(t);
    } catch (error) {
      if (error instanceof ExpressionError) throw new ConfigError(`${where}: ${error.message}`);
      throw error;
    }
  };
}
