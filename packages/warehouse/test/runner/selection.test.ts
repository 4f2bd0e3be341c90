import { beforeAll, describe, expect, it } from 'vitest';
import { listModels, ModelSelectionError, type ModelsProject } from '../../src/runner/index.js';
import { projectWith } from './project-files.js';

let project: ModelsProject;
beforeAll(async () => {
  project = await projectWith({ 'marts/partner_summary.sql': "select * from {{ ref('partner_revenue') }}", 'marts/partner_summary.yml': 'tags: [finance]' });
});

const names = (select?: string[], exclude?: string[]) => listModels(project, { select, exclude }).map((model) => model.name);

describe('listModels selection', () => {
  it.each([
    ['nothing: every model, in run order', [], ['stg_core__partners', 'partners', 'stg_core__revenue', 'partner_revenue', 'partner_summary']],
    ['a name', ['partners'], ['partners']],
    ['name+: it and its descendants', ['partners+'], ['partners', 'partner_revenue', 'partner_summary']],
    ['+name: it and its ancestors', ['+partner_revenue'], ['stg_core__partners', 'partners', 'stg_core__revenue', 'partner_revenue']],
    ['+name+: both', ['+partners+'], ['stg_core__partners', 'partners', 'partner_revenue', 'partner_summary']],
    ['tag:', ['tag:finance'], ['partner_revenue', 'partner_summary']],
    ['path: a folder', ['path:staging'], ['stg_core__partners', 'stg_core__revenue']],
    ['path: a file', ['path:marts/partners.sql'], ['partners']],
    ['a union', ['stg_core__revenue', 'tag:nightly'], ['partners', 'stg_core__revenue', 'partner_revenue']],
    ['several selectors in one string', ['stg_core__revenue partners'], ['partners', 'stg_core__revenue']],
  ])('selects %s', (_case, select, expected) => {
    expect(names(select)).toEqual(expected);
  });

  it('leaves out excluded models', () => {
    expect(names(['path:marts'], ['partner_revenue+'])).toEqual(['partners']);
    expect(names(undefined, ['path:staging', 'tag:finance'])).toEqual(['partners']);
  });

  it.each([
    ['an unknown name', ['partner'], /The selector "partner" matches no model\. Models: partner_revenue, partner_summary, partners, /],
    ['an unknown tag', ['tag:weekly'], /The selector "tag:weekly" matches no model\. Tags in use: finance, nightly\./],
    ['an unknown folder', ['path:intermediate'], /Folders: marts, staging\./],
    ['an unknown method', ['model:partners'], /Unknown selector method "model" in "model:partners"/],
    ['a stray +', ['part+ners'], /Cannot read the selector "part\+ners"/],
  ])('refuses %s', (_case, select, message) => {
    expect(() => names(select)).toThrowError(ModelSelectionError);
    expect(() => names(select)).toThrowError(message);
  });

  it('refuses an unknown name in exclude too', () => {
    expect(() => names(undefined, ['nope'])).toThrowError(ModelSelectionError);
  });
});
