/**
 * Command-line argument reading shared by every `attache` command: options are `--name value` or
 * `--name=value`; anything else is a positional argument.
 */

import { NUMERIC_ORDERS, NumericOrder } from '../core/types';

/** A command-line mistake: reported with the usage text and exit status 2. */
export class UsageError extends Error {}

/**
 * Calls `visit` for each argument of `argv` from `start`: `name` is the option name without its
 * `=value` (the argument itself when it is not a `--` option), and `value()` reads the option's
 * value, from `=value` or from the next argument, which it then consumes.
 */
export function eachArgument(argv: readonly string[], start: number, visit: (name: string, arg: string, value: () => string) => void): void {
  for (let i = start; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const eq = arg.indexOf('=');
      if (eq > 0) return arg.slice(eq + 1);
      if (i + 1 >= argv.length) throw new UsageError(`${arg} needs a value`);
      return argv[++i];
    };
    visit(arg.startsWith('--') ? arg.split('=')[0] : arg, arg, value);
  }
}

/** The value of `--numeric-order` (the setting `attache.dates.numericOrder`). */
export function numericOrderArg(v: string): NumericOrder {
  if (!NUMERIC_ORDERS.includes(v as NumericOrder)) throw new UsageError(`--numeric-order must be auto, mdy or dmy, not '${v}'`);
  return v as NumericOrder;
}
