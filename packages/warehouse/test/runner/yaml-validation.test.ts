import { describe, expect, it } from 'vitest';
import { ModelsConfigError } from '../../src/runner/index.js';
import { projectWith } from './project-files.js';

describe('YAML validation', () => {
  it.each([
    ['a bad materialization', { 'marts/partners.yml': 'materialized: snapshot' }, /marts\/partners\.yml: materialized: /],
    ['a typo in a key', { 'marts/partners.yml': 'materialised: table' }, /marts\/partners\.yml: \(root\): Unrecognized key: "materialised"/],
    ['a bad column name', { 'marts/partners.yml': 'unique_key: [Partner ID]' }, /marts\/partners\.yml: unique_key\.0: use lowercase letters/],
    ['two kinds in one test', { 'marts/partners.yml': 'tests:\n  - unique: [a]\n    not_null: [a]' }, /marts\/partners\.yml: tests\.0: give exactly one of unique, not_null, accepted_values, relationships, expression \(found unique, not_null\)/],
    ['accepted values without values', { 'marts/partners.yml': 'tests:\n  - accepted_values: { column: tier }' }, /marts\/partners\.yml: tests\.0\.accepted_values\.values: /],
    ['an incremental model without unique_key', { 'marts/partners.yml': 'materialized: incremental' }, /marts\/partners\.yml: unique_key: required for an incremental model/],
    ['a relationship to no model', { 'marts/partners.yml': 'tests:\n  - relationships: { column: a, to: nowhere, field: b }' }, /marts\/partners\.yml: tests: relationships: to: nowhere names no model/],
    ['a folder default in project.yml', { 'project.yml': 'folders:\n  marts: { schema: marts, materialized: ephemeral }' }, /project\.yml: folders\.marts\.materialized: /],
    ['a source without tables', { 'sources.yml': 'sources:\n  core: { schema: core }' }, /sources\.yml: sources\.core\.tables: /],
    ['a setting that is no setting name', { 'marts/partners.yml': "settings: { 'work mem': 256MB }" }, /marts\/partners\.yml: settings\.work mem: use a PostgreSQL setting name/],
    ['YAML that does not parse', { 'marts/partners.yml': 'tags: [a, b' }, /marts\/partners\.yml: not valid YAML/],
  ])('names the file and the key of %s', async (_case, files, message) => {
    const loading = projectWith(files);
    await expect(loading).rejects.toThrowError(ModelsConfigError);
    await expect(loading).rejects.toThrowError(message);
  });
});
