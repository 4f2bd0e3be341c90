import { describe, expect, it } from 'vitest';
import { renderModel } from '../../src/runner/compile.js';
import { compileModels, ModelCompileError } from '../../src/runner/index.js';
import { projectWith } from './project-files.js';

describe('compileModels', () => {
  it('renders ref(), source(), var() and this as relations and values', async () => {
    const project = await projectWith({ 'marts/partners.sql': "-- {{ this }}\nselect * from {{ ref('stg_core__partners') }}, {{ source('crm', 'accounts') }}\n" });
    const compiled = compileModels(project, { select: ['partners', 'stg_core__revenue'] });
    expect(compiled.map((model) => [model.name, model.sql])).toEqual([
      ['partners', '-- "marts"."partners"\nselect * from "stg"."stg_core__partners", "crm_raw"."accounts"\n'],
      ['stg_core__revenue', 'select *\nfrom "core"."revenue"\nwhere currency = \'USD\'\n'],
    ]);
  });

  it('lets run variables override project defaults, and var() take a default of its own', async () => {
    const project = await projectWith({ 'marts/partners.sql': "select '{{ var('currency') }}', {{ var('limit', 10) }}" });
    expect(compileModels(project, { select: ['partners'], vars: { currency: 'EUR' } })[0]?.sql).toBe("select 'EUR', 10");
  });

  it('renders is_incremental() as false and keeps the rest of the SQL as written', async () => {
    const project = await projectWith({
      'marts/partner_revenue.sql': "select * from {{ ref('partners') }}\n{% if is_incremental() %}where period_start > (select max(period_start) from {{ this }}){% endif %}",
    });
    expect(compileModels(project, { select: ['partner_revenue'] })[0]?.sql).toBe('select * from "marts"."partners"\n');
  });

  it('renders incremental_max() as the literal an incremental run passes', async () => {
    const project = await projectWith({
      'marts/partner_revenue.sql': "select * from {{ ref('partners') }}\n{% if is_incremental() %}where period_start >= {{ incremental_max() }}{% endif %}",
      'marts/partner_revenue.yml': 'materialized: incremental\nunique_key: [partner_id, period_start]\nincremental: { filter_column: period_start }\n',
    });
    const model = project.models.find((candidate) => candidate.name === 'partner_revenue');
    expect(model?.filterColumn).toBe('period_start');
    const sql = model && renderModel(project, model, { isIncremental: true, incrementalMax: "'2026-08-01'::date" });
    expect(sql).toBe('select * from "marts"."partners"\nwhere period_start >= \'2026-08-01\'::date');
  });

  it('refuses incremental_max() outside is_incremental() and in a model without a filter_column, saying how to fix it', async () => {
    const outside = projectWith({ 'marts/partners.sql': "select * from {{ ref('stg_core__partners') }} where x > {{ incremental_max() }}" });
    await expect(outside).rejects.toThrowError(ModelCompileError);
    await expect(outside).rejects.toThrowError(/Model partners \(marts\/partners\.sql, line 1\): incremental_max\(\) is set only in an incremental run of a model whose \.yml declares incremental: \{ filter_column: <column> \}/);
    const undeclared = projectWith({ 'marts/partner_revenue.sql': "select 1\n{% if is_incremental() %}where x > {{ incremental_max() }}{% endif %}" });
    await expect(undeclared).rejects.toThrowError(/Model partner_revenue \(marts\/partner_revenue\.sql, line 2\): incremental_max\(\) is set only/);
  });

  it('names the model, the var and how to pass it when a var is unset', async () => {
    const project = await projectWith({ 'marts/partners.sql': "select *\nfrom {{ ref('stg_core__partners') }}\nwhere period = '{{ var('period') }}'" });
    const compiling = () => compileModels(project, { select: ['partners'] });
    expect(compiling).toThrowError(ModelCompileError);
    expect(compiling).toThrowError(
      "Model partners (marts/partners.sql, line 3): var('period') is not set: pass it with --var period=<value> (vars: { period: ... } in the API), or give it a default under vars: in project.yml",
    );
  });

  it('reports an undefined name in {{ }} with its line', async () => {
    await expect(projectWith({ 'marts/partners.sql': 'select 1\n\nfrom {{ partners }}' })).rejects.toThrowError(/Model partners \(marts\/partners\.sql, line 3\): a value in \{\{ \}\} is undefined/);
  });

  it('leaves SQL characters alone (autoescape is off)', async () => {
    const project = await projectWith({ 'marts/partners.sql': "select '<a & b>' as \"quoted\", data ? 'key' from {{ ref('stg_core__partners') }}" });
    expect(compileModels(project, { select: ['partners'] })[0]?.sql).toBe('select \'<a & b>\' as "quoted", data ? \'key\' from "stg"."stg_core__partners"');
  });
});
