/** Regions, countries and the currencies partners book in. */
export interface Country {
  readonly code: string;
  readonly region: Region;
  readonly currency: string;
  /** Relative share of partners within the region. */
  readonly weight: number;
  /** Share of partners here that book in USD instead of the local currency. */
  readonly usdShare: number;
}

export const regions = ['NA', 'LATAM', 'EMEA', 'APAC'] as const;
export type Region = (typeof regions)[number];
export const regionWeights: Readonly<Record<Region, number>> = { NA: 38, LATAM: 12, EMEA: 32, APAC: 18 };

export const countries: readonly Country[] = [
  { code: 'US', region: 'NA', currency: 'USD', weight: 85, usdShare: 1 },
  { code: 'CA', region: 'NA', currency: 'CAD', weight: 15, usdShare: 0.15 },
  { code: 'BR', region: 'LATAM', currency: 'BRL', weight: 40, usdShare: 0.2 },
  { code: 'MX', region: 'LATAM', currency: 'MXN', weight: 30, usdShare: 0.25 },
  { code: 'CL', region: 'LATAM', currency: 'USD', weight: 10, usdShare: 1 },
  { code: 'CO', region: 'LATAM', currency: 'USD', weight: 10, usdShare: 1 },
  { code: 'AR', region: 'LATAM', currency: 'USD', weight: 10, usdShare: 1 },
  { code: 'DE', region: 'EMEA', currency: 'EUR', weight: 22, usdShare: 0.05 },
  { code: 'FR', region: 'EMEA', currency: 'EUR', weight: 14, usdShare: 0.05 },
  { code: 'NL', region: 'EMEA', currency: 'EUR', weight: 7, usdShare: 0.1 },
  { code: 'ES', region: 'EMEA', currency: 'EUR', weight: 7, usdShare: 0.05 },
  { code: 'IT', region: 'EMEA', currency: 'EUR', weight: 7, usdShare: 0.05 },
  { code: 'GB', region: 'EMEA', currency: 'GBP', weight: 18, usdShare: 0.1 },
  { code: 'CH', region: 'EMEA', currency: 'CHF', weight: 5, usdShare: 0.1 },
  { code: 'SE', region: 'EMEA', currency: 'SEK', weight: 5, usdShare: 0.1 },
  { code: 'PL', region: 'EMEA', currency: 'PLN', weight: 5, usdShare: 0.15 },
  { code: 'ZA', region: 'EMEA', currency: 'ZAR', weight: 4, usdShare: 0.3 },
  { code: 'AE', region: 'EMEA', currency: 'USD', weight: 3, usdShare: 1 },
  { code: 'JP', region: 'APAC', currency: 'JPY', weight: 25, usdShare: 0.05 },
  { code: 'AU', region: 'APAC', currency: 'AUD', weight: 22, usdShare: 0.05 },
  { code: 'NZ', region: 'APAC', currency: 'NZD', weight: 6, usdShare: 0.1 },
  { code: 'SG', region: 'APAC', currency: 'SGD', weight: 15, usdShare: 0.3 },
  { code: 'IN', region: 'APAC', currency: 'INR', weight: 32, usdShare: 0.2 },
];

export interface CurrencyDefinition {
  readonly code: string;
  /** USD per unit around the start of the history. */
  readonly usd: number;
  /** Daily volatility of the log rate. */
  readonly volatility: number;
  /** Whole units only (no cents) in amounts, as invoices in yen are. */
  readonly wholeUnits?: boolean;
}

/** Every currency with FX rates; USD is the reporting currency and needs none. */
export const currencies: readonly CurrencyDefinition[] = [
  { code: 'AUD', usd: 0.655, volatility: 0.0021 },
  { code: 'BRL', usd: 0.183, volatility: 0.0027 },
  { code: 'CAD', usd: 0.728, volatility: 0.0015 },
  { code: 'CHF', usd: 1.125, volatility: 0.0018 },
  { code: 'EUR', usd: 1.082, volatility: 0.0015 },
  { code: 'GBP', usd: 1.268, volatility: 0.0017 },
  { code: 'INR', usd: 0.012, volatility: 0.0009 },
  { code: 'JPY', usd: 0.0068, volatility: 0.0018, wholeUnits: true },
  { code: 'MXN', usd: 0.0562, volatility: 0.0024 },
  { code: 'NZD', usd: 0.602, volatility: 0.0021 },
  { code: 'PLN', usd: 0.251, volatility: 0.0018 },
  { code: 'SEK', usd: 0.0958, volatility: 0.0018 },
  { code: 'SGD', usd: 0.742, volatility: 0.0012 },
  { code: 'ZAR', usd: 0.0541, volatility: 0.0027 },
];

export const reportingCurrency = 'USD';

/** Real ISO 4217 codes that never get FX rows, for unknown_currency test rows. */
export const currenciesWithoutRates = ['NOK', 'DKK'] as const;

export function countriesOf(region: Region): readonly Country[] {
  return countries.filter((country) => country.region === region);
}

export function currencyDefinition(code: string): CurrencyDefinition | undefined {
  return currencies.find((currency) => currency.code === code);
}
