/**
 * A small command-line parser shared by the subcommands: `--name value`,
 * `--name=value`, boolean switches, and positional arguments. Unknown
 * options and missing values are a `UsageError` (exit code 2).
 */
import { UsageError } from './io.js';

/** One option a command accepts: `value: true` takes an argument. */
export interface OptionSpec {
  readonly value?: boolean;
  /** May be given more than once (the values are collected). */
  readonly repeat?: boolean;
  /** A one-letter alias, e.g. `-o`. */
  readonly short?: string;
}

/** What {@link parseArgs} found. */
export interface ParsedArgs {
  /** Option values by long name without dashes; switches are `true`. */
  readonly options: ReadonlyMap<string, string | true | string[]>;
  readonly positional: readonly string[];
  readonly help: boolean;
}

/**
 * Parses `argv` against `spec` (long names without `--`). `-h`/`--help`
 * anywhere sets `help`; `--` ends the options.
 *
 * @throws UsageError for an unknown option or a missing value
 */
export function parseArgs(argv: readonly string[], spec: Readonly<Record<string, OptionSpec>>): ParsedArgs {
  const options = new Map<string, string | true | string[]>();
  const positional: string[] = [];
  let help = false;
  const shorts = new Map(Object.entries(spec).flatMap(([name, s]) => (s.short ? [[s.short, name] as const] : [])));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') {
      help = true;
      continue;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positional.push(arg);
      continue;
    }
    let name: string;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq < 0 ? undefined : arg.slice(eq + 1);
    } else {
      const long = shorts.get(arg.slice(1));
      if (long === undefined) throw new UsageError(`unknown option ${arg}`);
      name = long;
    }
    const s = spec[name];
    if (s === undefined) throw new UsageError(`unknown option --${name}`);
    if (!s.value) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      options.set(name, true);
      continue;
    }
    const v = inline ?? argv[++i];
    if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
    if (s.repeat) {
      const list = options.get(name);
      options.set(name, Array.isArray(list) ? [...list, v] : [v]);
    } else {
      options.set(name, v);
    }
  }
  return { options, positional, help };
}

/** The string value of option `name`, if given. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options.get(name);
  return typeof v === 'string' ? v : undefined;
}

/** True when switch `name` was given. */
export function flag(args: ParsedArgs, name: string): boolean {
  return args.options.get(name) === true;
}
