import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isoDate, monthPeriod } from './calendar.js';
import { writeDirtyFiles } from './dirty/dirty-files.js';
import { chooseHosts, sampledPartners, type Hosts } from './dirty/hosts.js';
import { Ledger } from './manifest/ledger.js';
import { describeFiles, quarantineTotals, type Manifest } from './manifest/manifest.js';
import { GeneratorOptionsError, resolveSettings, type GenerateOptions, type Settings } from './options.js';
import { CleanOutput } from './output/clean-output.js';
import { GroundTruthWriter } from './output/ground-truth.js';
import type { FileWriter } from './output/writer.js';
import { generatePartner } from './partner/generate-partner.js';
import { generatorPackage } from './version.js';
import { archetypes, expectedSegments, segments, type Archetype, type Segment } from './world/archetypes.js';
import { FxTable } from './world/fx.js';
import { currencies, regions, reportingCurrency } from './world/geography.js';
import { Population } from './world/population.js';

export interface GenerateHooks {
  /** Called now and then with the partners written so far, for a progress bar. */
  readonly onProgress?: (partnersDone: number, partners: number) => void;
}

async function prepareDirectory(settings: Settings): Promise<void> {
  const data = join(settings.out, 'data');
  if (settings.overwrite) await rm(data, { recursive: true, force: true });
  await mkdir(data, { recursive: true });
  const existing = await readdir(data);
  if (existing.length > 0) {
    throw new GeneratorOptionsError(`generate: out: ${data} already holds ${existing.length} file(s) the loader would also load; choose an empty directory or pass overwrite`);
  }
}

function writeFx(output: CleanOutput, fx: FxTable): void {
  for (const row of fx.rows()) output.emit('fx_rates', { date: isoDate(row.day), currency: row.currency, rate: row.rateMicro });
}

interface CleanResult {
  readonly writers: FileWriter[];
  readonly archetypeCounts: Record<Archetype, number>;
  readonly hosts: Hosts;
  readonly samples: ReturnType<CleanOutput['sampledRows']>;
}

async function writeClean(settings: Settings, population: Population, fx: FxTable, ledger: Ledger, hooks: GenerateHooks): Promise<CleanResult> {
  const hosts = chooseHosts(population);
  const output = new CleanOutput(settings.out, ledger, sampledPartners(hosts));
  const groundTruth = new GroundTruthWriter(join(settings.out, 'ground_truth.csv'));
  const archetypeCounts = Object.fromEntries(archetypes.map((name) => [name, 0])) as Record<Archetype, number>;
  writeFx(output, fx);
  for (let index = 0; index < settings.partners; index++) {
    output.beginPartner(population.partnerId(index));
    const profile = generatePartner(population, fx, index, output.emit);
    ledger.addPartner();
    archetypeCounts[profile.archetype] += 1;
    groundTruth.write(profile.id, profile.archetype);
    if (output.backedUp) await output.ready();
    if (groundTruth.backedUp) await groundTruth.ready();
    if (index % 1000 === 999) hooks.onProgress?.(index + 1, settings.partners);
  }
  hooks.onProgress?.(settings.partners, settings.partners);
  await groundTruth.close();
  return { writers: await output.close(), archetypeCounts, hosts, samples: output.sampledRows() };
}

function segmentCounts(archetypeCounts: Record<Archetype, number>): Record<Segment, number> {
  const counts = Object.fromEntries(segments.map((name) => [name, 0])) as Record<Segment, number>;
  for (const name of archetypes) counts[expectedSegments[name]] += archetypeCounts[name];
  return counts;
}

/**
 * Writes the ecosystem to `out`: data/ (the contract files, with dirty files when
 * asked), ground_truth.csv and manifest.json; returns the manifest.
 */
export async function generateEcosystem(options: GenerateOptions, hooks: GenerateHooks = {}): Promise<Manifest> {
  const settings = resolveSettings(options);
  await prepareDirectory(settings);
  const fx = FxTable.generate(settings.seed, settings.fxFirstDay, settings.endDay);
  const population = new Population(settings);
  const ledger = new Ledger(fx);
  const clean = await writeClean(settings, population, fx, ledger, hooks);
  const dirtyWriters = settings.dirty ? await writeDirtyFiles({ settings, fx, ledger, population, hosts: clean.hosts, samples: clean.samples }) : [];
  const files = describeFiles([...clean.writers, ...dirtyWriters]);
  const manifest: Manifest = {
    generator: { name: generatorPackage.name, version: generatorPackage.version },
    seed: settings.seed,
    partners: settings.partners,
    months: settings.months,
    start_month: monthPeriod(settings.startMonth),
    end_month: monthPeriod(settings.endMonth),
    reporting_currency: reportingCurrency,
    dirty: settings.dirty,
    files,
    entities: ledger.totals(),
    quarantine: quarantineTotals(files),
    facts: {
      archetypes: clean.archetypeCounts,
      expected_segments: segmentCounts(clean.archetypeCounts),
      fx_currencies: currencies.map((currency) => currency.code),
      fx_first_date: isoDate(fx.firstDay),
      fx_last_date: isoDate(fx.lastDay),
      channel_account_managers: regions.reduce((sum, region) => sum + population.camsIn(region).length, 0),
      last_event_date: isoDate(settings.endDay),
      last_target_start_month: monthPeriod(settings.lastTargetStartMonth),
    },
  };
  await writeFile(join(settings.out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
