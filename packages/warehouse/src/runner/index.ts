export { compileModels, type CompiledModel, type CompileOptions } from './compile.js';
export { ModelCompileError, ModelSelectionError, ModelsConfigError } from './errors.js';
export type { GenericTest, Materialization, Model, ModelsProject, SingularTest, SourceDefinition, VarValue } from './model.js';
export { defaultModelsDir } from './paths.js';
export { loadProject } from './project.js';
export { runModels, type ModelRunResult, type ModelRunStatus, type RunEvent, type RunOptions } from './run.js';
export { selectModels as listModels, type Selection } from './selection.js';
export { testModels, type ModelTestResult, type ModelTestStatus, type TestOptions } from './test-models.js';
