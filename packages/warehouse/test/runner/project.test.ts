import { describe, expect, it } from 'vitest';
import { ModelCompileError, ModelsConfigError } from '../../src/runner/index.js';
import { projectWith } from './project-files.js';

describe('loadProject', () => {
  it('applies folder defaults, YAML settings and the refs found in the SQL', async () => {
    const project = await projectWith();
    const partnerRevenue = project.models.find((model) => model.name === 'partner_revenue');
    expect(partnerRevenue).toMatchObject({
      path: 'marts/partner_revenue.sql',
      folder: 'marts',
      schema: 'marts',
      relation: '"marts"."partner_revenue"',
      materialized: 'incremental',
      uniqueKey: ['partner_id', 'period_start'],
      tags: ['nightly', 'finance'],
      dependsOn: ['partners', 'stg_core__revenue'],
    });
    expect(project.models.find((model) => model.name === 'stg_core__revenue')).toMatchObject({ schema: 'stg', materialized: 'view', sources: ['core.revenue'] });
  });

  it('orders models after their refs, ties by name', async () => {
    const project = await projectWith();
    expect(project.models.map((model) => model.name)).toEqual(['stg_core__partners', 'partners', 'stg_core__revenue', 'partner_revenue']);
  });

  it('finds refs inside an is_incremental() block too', async () => {
    const project = await projectWith({
      'marts/partner_revenue.sql': "select * from {{ ref('partners') }}\n{% if is_incremental() %}where x > (select 1 from {{ ref('stg_core__revenue') }}){% endif %}\n",
    });
    expect(project.models.find((model) => model.name === 'partner_revenue')?.dependsOn).toEqual(['partners', 'stg_core__revenue']);
  });

  it('names generic tests after the model and columns', async () => {
    const project = await projectWith({
      'marts/partners.yml': [
        'tests:',
        '  - unique: [partner_id, valid_from]',
        '  - not_null: [partner_id, tier]',
        '  - accepted_values: { column: tier, values: [gold, silver] }',
        '  - relationships: { column: partner_id, to: stg_core__partners, field: partner_id }',
        '  - expression: "revenue >= 0"',
        '  - expression: "revenue < 1e9"',
        '    name: revenue_is_plausible',
      ].join('\n'),
    });
    expect(project.models.find((model) => model.name === 'partners')?.tests.map((test) => test.name)).toEqual([
      'unique_partners_partner_id__valid_from',
      'not_null_partners_partner_id',
      'not_null_partners_tier',
      'accepted_values_partners_tier',
      'relationships_partners_partner_id__stg_core__partners_partner_id',
      'expression_partners_1',
      'revenue_is_plausible',
    ]);
  });

  it('refuses a cycle, naming its path', async () => {
    const cycle = projectWith({
      'marts/a.sql': "select * from {{ ref('b') }}",
      'marts/b.sql': "select * from {{ ref('c') }}",
      'marts/c.sql': "select * from {{ ref('a') }}",
    });
    await expect(cycle).rejects.toThrowError(ModelsConfigError);
    await expect(cycle).rejects.toThrowError('cycle: a -> b -> c -> a');
  });

  it('names the model, the file, the line and the missing ref of an unknown ref', async () => {
    await expect(projectWith({ 'marts/partners.sql': "select *\nfrom {{ ref('stg_core__partner') }}\n" })).rejects.toThrowError(
      new ModelCompileError("Model partners (marts/partners.sql, line 2): ref('stg_core__partner') names no model (models are named after their .sql files)"),
    );
  });

  it('refuses a source not declared in sources.yml', async () => {
    await expect(projectWith({ 'staging/stg_core__partners.sql': "select * from {{ source('core', 'partners') }}" })).rejects.toThrowError(
      /Model stg_core__partners \(staging\/stg_core__partners\.sql, line 1\): source\('core', 'partners'\) is not declared: add it under sources: core: tables: in sources\.yml/,
    );
  });

  it('reports template syntax errors with the file and line', async () => {
    await expect(projectWith({ 'marts/partners.sql': 'select *\n{% if is_incremental() %}\nwhere 1 = 1\n' })).rejects.toThrowError(/Model partners \(marts\/partners\.sql.*\): .*endif/);
    await expect(projectWith({ 'marts/partners.sql': 'select *\nfrom {{ ref(partners }}\n' })).rejects.toThrowError(/marts\/partners\.sql, line 2\)/);
  });

  it('refuses two models of the same name in different folders', async () => {
    await expect(projectWith({ 'staging/partners.sql': 'select 1' })).rejects.toThrowError(/Two models are named partners \(marts\/partners\.sql and staging\/partners\.sql\)/);
  });

  it('refuses a model without a schema', async () => {
    await expect(projectWith({ 'intermediate/int_x.sql': 'select 1' })).rejects.toThrowError(/intermediate\/int_x\.sql: no schema: set schema: in intermediate\/int_x\.yml, or folders: intermediate: schema:/);
  });

  it('refuses a model that would overwrite a declared source table', async () => {
    await expect(projectWith({ 'staging/revenue.sql': 'select 1', 'staging/revenue.yml': 'schema: core' })).rejects.toThrowError(
      'staging/revenue.sql: builds "core"."revenue", which sources.yml declares as source core.revenue',
    );
  });

  it('refuses a .yml without its .sql', async () => {
    await expect(projectWith({ 'marts/partner.yml': 'tags: [x]' })).rejects.toThrowError('marts/partner.yml: no partner.sql beside it');
  });

  it('reads singular tests and their refs', async () => {
    const project = await projectWith({ 'tests/assert_revenue_positive.sql': "select * from {{ ref('partner_revenue') }} where amount < 0" });
    expect(project.singularTests).toEqual([expect.objectContaining({ name: 'assert_revenue_positive', path: 'tests/assert_revenue_positive.sql', dependsOn: ['partner_revenue'] })]);
  });
});
