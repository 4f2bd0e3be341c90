import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import { loadProject, type ModelsProject } from '../../src/runner/index.js';

export type ProjectFiles = Record<string, string>;

/** A small models folder: two sources, staging views and mart tables. */
export const baseProject: ProjectFiles = {
  'project.yml': 'folders:\n  staging: { schema: stg, materialized: view }\n  marts: { schema: marts, materialized: table }\nvars:\n  currency: USD\n',
  'sources.yml': 'sources:\n  core:\n    tables: [revenue, partner_history]\n  crm:\n    schema: crm_raw\n    tables: [accounts]\n',
  'staging/stg_core__revenue.sql': "select *\nfrom {{ source('core', 'revenue') }}\nwhere currency = '{{ var('currency') }}'\n",
  'staging/stg_core__partners.sql': "select * from {{ source('core', 'partner_history') }}\n",
  'marts/partners.sql': "select * from {{ ref('stg_core__partners') }}\n",
  'marts/partners.yml': 'tags: [nightly]\ntests:\n  - unique: [partner_id]\n',
  'marts/partner_revenue.sql': "select *\nfrom {{ ref('stg_core__revenue') }}\njoin {{ ref('partners') }} using (partner_id)\n",
  'marts/partner_revenue.yml': 'materialized: incremental\nunique_key: [partner_id, period_start]\ntags: [nightly, finance]\n',
};

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

export function writeProject(files: ProjectFiles): string {
  const dir = mkdtempSync(join(tmpdir(), 'ppm-models-'));
  folders.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** Loads `baseProject` with `changes` applied. */
export function projectWith(changes: ProjectFiles = {}): Promise<ModelsProject> {
  return loadProject(writeProject({ ...baseProject, ...changes }));
}
