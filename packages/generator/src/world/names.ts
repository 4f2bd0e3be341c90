import type { Random } from '../random.js';

/**
 * Company names. Some carry commas, double quotes, accented letters or (rarely) a line
 * break, so CSV quoting and encodings are exercised; every character exists in
 * Windows-1252 so any name can be written to the Windows-1252 dirty file.
 */
const stems = [
  'Northwind', 'Contoso', 'Fabrikam', 'Blue Ridge', 'Summit', 'Apex', 'Brightpath', 'Cedar', 'Crestline', 'Delta',
  'Evergreen', 'Falcon', 'Granite', 'Harbor', 'Ironwood', 'Juniper', 'Keystone', 'Lighthouse', 'Meridian', 'Nimbus',
  'Oakridge', 'Pinnacle', 'Quantum', 'Redwood', 'Silverline', 'Trident', 'Unity', 'Vertex', 'Westgate', 'Zenith',
  'Atlas', 'Beacon', 'Cobalt', 'Driftwood', 'Emerald', 'Frontier', 'Horizon', 'Lakeside', 'Mosaic', 'Orion',
];
const cores = [
  'Systems', 'Solutions', 'Networks', 'Technologies', 'Digital', 'Cloud Services', 'IT', 'Data', 'Consulting',
  'Integration', 'Infotech', 'Computing', 'Security', 'Software',
];
const surnames = ['Smith', 'Jones', 'Baker', 'Lee', 'Garcia', 'Patel', 'Nguyen', 'Kowalski', 'Tanaka', 'Silva', 'Brown', 'Wilson'];

/** Local names with accented letters, by country. */
const localNames: Readonly<Record<string, readonly string[]>> = {
  DE: ['Müller Systemhaus', 'Schäfer Datentechnik', 'Köhler IT-Service', 'Weiß Netzwerke'],
  CH: ['Zürcher Informatik', 'Bärtschi Datensysteme'],
  FR: ['Société Générale de Réseaux', 'Systèmes Lefèvre', 'Informatique Côte d\'Azur'],
  ES: ['Soluciones Informáticas Peña', 'Tecnología Ibérica'],
  IT: ['Informatica Nicolò', 'Sistemi Città Alta'],
  BR: ['Informática São Paulo', 'Soluções Tecnológicas Ação'],
  MX: ['Tecnología Azteca', 'Cómputo Peñasco'],
  SE: ['Åkesson Data', 'Björklund Nätverk'],
};

const legalForms: Readonly<Record<string, readonly string[]>> = {
  US: ['Inc.', 'LLC', 'Corp.'], CA: ['Inc.', 'Ltd.'], GB: ['Ltd', 'plc'], DE: ['GmbH', 'AG'], CH: ['AG', 'GmbH'],
  FR: ['SAS', 'SARL'], ES: ['S.L.', 'S.A.'], IT: ['S.r.l.', 'S.p.A.'], NL: ['B.V.'], BR: ['Ltda.'],
  MX: ['S.A. de C.V.'], JP: ['K.K.'], AU: ['Pty Ltd'], NZ: ['Ltd'], IN: ['Pvt Ltd'], SG: ['Pte Ltd'],
  SE: ['AB'], PL: ['Sp. z o.o.'], ZA: ['(Pty) Ltd'],
};

function base(country: string, random: Random): string {
  const local = localNames[country];
  const roll = random.float();
  if (local && roll < 0.35) return random.pick(local);
  if (roll < 0.47) return `${random.pick(surnames)}, ${random.pick(surnames)} & Partners`;
  if (roll < 0.49) return `The "${random.pick(stems)}" ${random.pick(cores)} Company`;
  return `${random.pick(stems)} ${random.pick(cores)}`;
}

export function companyName(country: string, random: Random): string {
  const forms = legalForms[country] ?? ['Ltd'];
  const name = `${base(country, random)} ${random.pick(forms)}`;
  return random.chance(0.004) ? `${name}\n(formerly ${random.pick(stems)} ${random.pick(cores)})` : name;
}

const firstNames = [
  'ana', 'ben', 'carla', 'david', 'elena', 'farid', 'grace', 'hiro', 'ines', 'jonas', 'kavya', 'liam',
  'maria', 'noah', 'olga', 'pedro', 'quinn', 'rosa', 'sven', 'tara', 'umar', 'vera', 'wei', 'yara',
];
const lastNames = [
  'ruiz', 'meyer', 'okafor', 'larsen', 'costa', 'ito', 'schmidt', 'dubois', 'rossi', 'kim', 'novak', 'walsh',
  'haddad', 'santos', 'fischer', 'moreau', 'sato', 'nair', 'lopez', 'berg',
];

/** The k-th channel account manager's email, unique for every k. */
export function camEmail(k: number): string {
  const first = firstNames[k % firstNames.length] ?? 'cam';
  const rest = Math.floor(k / firstNames.length);
  const last = lastNames[rest % lastNames.length] ?? 'manager';
  const round = Math.floor(rest / lastNames.length);
  return `${first}.${last}${round > 0 ? round + 1 : ''}@vendor.example`;
}
