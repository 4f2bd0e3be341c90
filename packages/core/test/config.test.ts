import { describe, expect, it } from 'vitest';
import { ConfigError, defaultProgramConfig, parseProgramConfig } from '../src/index.js';

describe('parseProgramConfig', () => {
  it('fills every default from an empty file', () => {
    expect(parseProgramConfig('')).toEqual(defaultProgramConfig);
    expect(defaultProgramConfig.reporting_currency).toBe('USD');
    expect(defaultProgramConfig.tiers).toEqual(['registered', 'silver', 'gold', 'platinum']);
  });

  it('keeps values that are given', () => {
    const config = parseProgramConfig('reporting_currency: EUR\ntiers: [member, elite]\n');
    expect(config.reporting_currency).toBe('EUR');
    expect(config.tiers).toEqual(['member', 'elite']);
  });

  it('names the file and the field of a bad value', () => {
    expect(() => parseProgramConfig('reporting_currency: euro', 'program.yml')).toThrowError(
      /program\.yml: reporting_currency: an ISO 4217 code/,
    );
  });

  it('refuses unknown keys so typos do not pass silently', () => {
    expect(() => parseProgramConfig('tier: [a]', 'program.yml')).toThrowError(ConfigError);
  });

  it('reports YAML syntax errors with the file name', () => {
    expect(() => parseProgramConfig('tiers: [a, b', 'program.yml')).toThrowError(/program\.yml: not valid YAML/);
  });
});
