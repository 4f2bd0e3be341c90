import nunjucks from 'nunjucks';
import { ModelCompileError } from './errors.js';

const environment = new nunjucks.Environment(null, { autoescape: false, throwOnUndefined: true });

/**
 * Thrown by ref(), source() and var(). `call` finds the call in the template: nunjucks reports
 * the line of a failing function call off by one (and not at all on the first line).
 */
export class TemplateCallError extends Error {
  constructor(
    message: string,
    readonly call: RegExp,
  ) {
    super(message);
  }
}

/** A pattern for `name('first', 'second', ...)` with either quote style and any spacing. */
export function callPattern(name: string, ...args: readonly string[]): RegExp {
  const quoted = args.map((arg) => `\\s*['"]${arg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"]\\s*`);
  return new RegExp(`\\b${name}\\s*\\(${quoted.join(',')}`);
}

export interface TemplateSource {
  /** Who the template belongs to in messages, e.g. `Model stg_core__revenue`. */
  readonly label: string;
  /** The file, relative to the models folder. */
  readonly path: string;
  readonly text: string;
}

/** Renders a SQL template; any error names the label, the file and (where known) the line. */
export function renderTemplate(source: TemplateSource, context: Readonly<Record<string, unknown>>): string {
  let callFailure: TemplateCallError | undefined;
  const guarded = Object.fromEntries(
    Object.entries(context).map(([key, value]) => [key, typeof value === 'function' ? guard(value as Callable) : value]),
  );
  function guard(fn: Callable): Callable {
    return (...args) => {
      try {
        return fn(...args);
      } catch (error) {
        if (error instanceof TemplateCallError) callFailure ??= error;
        throw error;
      }
    };
  }
  try {
    return new nunjucks.Template(source.text, environment, source.path, true).render(guarded);
  } catch (error) {
    const problem = callFailure ? describeCallFailure(source.text, callFailure) : describeNunjucksError(error);
    throw new ModelCompileError(`${source.label} (${source.path}${problem.line ? `, line ${problem.line}` : ''}): ${problem.message}`);
  }
}

type Callable = (...args: unknown[]) => unknown;

interface Problem {
  readonly message: string;
  readonly line?: number;
}

function describeCallFailure(text: string, failure: TemplateCallError): Problem {
  const match = failure.call.exec(text);
  return { message: failure.message, line: match ? lineAt(text, match.index) : undefined };
}

/** nunjucks messages read `(file) [Line 3, Column 7]\n  the problem`. */
function describeNunjucksError(error: unknown): Problem {
  const text = error instanceof Error ? error.message : String(error);
  const match = /^\(.*?\)(?: \[Line (\d+), Column \d+\])?\n\s*(?:Error: )?([\s\S]*)$/.exec(text);
  if (!match) return { message: text };
  const problem = match[2] === 'attempted to output null or undefined value' ? 'a value in {{ }} is undefined (a typo in a name?)' : match[2];
  return { message: problem ?? text, line: match[1] ? Number(match[1]) : undefined };
}

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}
