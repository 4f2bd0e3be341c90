import { InvalidArgumentError, type Command } from 'commander';
import {
  compileModels,
  listModels,
  loadProject,
  runModels,
  testModels,
  type ModelRunResult,
  type ModelTestResult,
  type RunEvent,
} from '@ppm/warehouse';
import { exitCodes } from '../lib/exit.js';
import { formatTable, note, printJson } from '../lib/output.js';
import { openSession, type Session } from '../lib/session.js';

interface SelectionFlags {
  readonly select?: string[];
  readonly exclude?: string[];
  readonly modelsDir?: string;
}

interface RunFlags extends SelectionFlags {
  readonly fullRefresh?: boolean;
  readonly var: Record<string, string>;
  readonly json?: boolean;
}

type TestFlags = Omit<RunFlags, 'fullRefresh'>;
type CompileFlags = Omit<RunFlags, 'fullRefresh' | 'json'>;
type ListFlags = Omit<RunFlags, 'fullRefresh' | 'var'>;

/** `--var name=value`, repeatable; later values win. */
function collectVar(text: string, vars: Record<string, string>): Record<string, string> {
  const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(text);
  if (!match?.[1]) throw new InvalidArgumentError(`expected name=value (e.g. --var period_start=2026-01-01), got "${text}"`);
  return { ...vars, [match[1]]: match[2] ?? '' };
}

function withSelection(command: Command): Command {
  return command
    .option('-s, --select <selectors...>', 'models to include: name, name+, +name, +name+, tag:<tag>, path:<folder> (default: all)')
    .option('--exclude <selectors...>', 'models to leave out (same syntax)')
    .option('--models-dir <path>', 'the models folder (default: the models of @ppm/warehouse)');
}

const withVars = (command: Command) => command.option('--var <name=value>', 'set a template variable (repeatable)', collectVar, {});

const selection = (flags: SelectionFlags) => ({ select: flags.select, exclude: flags.exclude });

async function withSession<T>(quiet: boolean, work: (session: Session) => Promise<T>): Promise<T> {
  const session = await openSession({ quiet, databaseOnly: true });
  try {
    return await work(session);
  } finally {
    await session.close();
  }
}

function printProgress(event: RunEvent): void {
  const step = `[${event.index + 1}/${event.total}]`;
  if (event.type === 'model_started') note(`${step} ${event.model} (${event.materialized})...`);
  else if (event.result.status !== 'success') note(`${step} ${event.result.name} ${event.result.status}: ${event.result.error ?? ''}`);
}

async function runCommand(flags: RunFlags): Promise<void> {
  const project = await loadProject(flags.modelsDir);
  const results = await withSession(flags.json ?? false, (session) =>
    runModels(session.db, project, { ...selection(flags), fullRefresh: flags.fullRefresh, vars: flags.var, onEvent: flags.json ? undefined : printProgress }),
  );
  if (flags.json) printJson(results);
  else console.log(formatTable(results.map(runRow), ['model', 'materialized', 'status', 'rows', 'ms']));
  if (results.some((result) => result.status !== 'success')) process.exitCode = exitCodes.failed;
}

const runRow = (result: ModelRunResult) => ({
  model: result.name,
  materialized: result.materialized,
  status: result.status,
  rows: result.rows ?? null,
  ms: result.durationMs,
});

async function testCommand(flags: TestFlags): Promise<void> {
  const project = await loadProject(flags.modelsDir);
  const results = await withSession(flags.json ?? false, (session) => testModels(session.db, project, { ...selection(flags), vars: flags.var }));
  const problems = results.filter((result) => result.status !== 'pass');
  if (flags.json) printJson(results);
  else printTestReport(results, problems);
  if (problems.length > 0) process.exitCode = exitCodes.failed;
}

function printTestReport(results: readonly ModelTestResult[], problems: readonly ModelTestResult[]): void {
  console.log(formatTable(results.map(({ model, test, status, failures }) => ({ model, test, status, failures })), ['model', 'test', 'status', 'failures']));
  for (const problem of problems) {
    console.log(`\n${problem.status.toUpperCase()} ${problem.test} on ${problem.model || '(sources only)'}`);
    if (problem.error) console.log(problem.error);
    else console.log(`${problem.failures} failing row(s); first ${problem.sample.length}:\n${formatTable(problem.sample)}`);
  }
  note(`\n${results.length - problems.length} passed, ${problems.length} failed`);
}

async function compileCommand(flags: CompileFlags): Promise<void> {
  const project = await loadProject(flags.modelsDir);
  for (const model of compileModels(project, { ...selection(flags), vars: flags.var })) {
    console.log(`-- ${model.name} (${model.path}): ${model.materialized} ${model.relation}\n${model.sql.trimEnd()}\n`);
  }
}

async function listCommand(flags: ListFlags): Promise<void> {
  const models = listModels(await loadProject(flags.modelsDir), selection(flags));
  if (flags.json) {
    printJson(models.map(({ name, path, schema, materialized, dependsOn, tags, description }) => ({ name, path, schema, materialized, dependsOn, tags, description })));
    return;
  }
  const rows = models.map((model) => ({ ...model, depends_on: model.dependsOn.join(', '), tags: model.tags.join(', ') }));
  console.log(formatTable(rows, ['name', 'materialized', 'schema', 'depends_on', 'tags']));
}

export function registerModels(program: Command): void {
  const models = program.command('models').description('build, test and inspect the SQL models of the warehouse (staging views, mart tables)');

  withVars(withSelection(models.command('run')))
    .description('build the selected models in dependency order; a failing model keeps its previous version and skips its descendants')
    .option('--full-refresh', 'rebuild incremental models from scratch')
    .option('--json', 'print the results as JSON')
    .action(runCommand);

  withVars(withSelection(models.command('test')))
    .description('run the generic tests (YAML) and singular tests (tests/*.sql) of the selected models; exit code 1 if any fails')
    .option('--json', 'print the results as JSON')
    .action(testCommand);

  withVars(withSelection(models.command('compile')))
    .description('print the SQL of the selected models with ref(), source() and var() resolved (no database needed)')
    .action(compileCommand);

  withSelection(models.command('ls'))
    .description('list the selected models in run order with their materialization, schema and dependencies')
    .option('--json', 'print as JSON')
    .action(listCommand);
}
