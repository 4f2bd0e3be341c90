import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const currencies = ['USD', 'EUR', 'GBP', 'JPY', 'AUD'];
const products = ['Cloud Suite', 'Edge Gateway', 'Analytics, Pro', 'Support Plan', 'Security Pack'];

/** A deterministic sample: partners, daily FX rates for 2024-2026 and `rows` revenue lines. */
export async function writeBenchFiles(folder: string, rows: number, partners = 2000): Promise<{ revenueFile: string }> {
  const revenueFile = join(folder, 'revenue.csv');
  const stamp = join(folder, 'rows.txt');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === String(rows)) return { revenueFile };
  mkdirSync(folder, { recursive: true });
  const partnerLines = ['partner_id,name,partner_type,tier,region,country,status,onboarded_at'];
  for (let index = 0; index < partners; index++) partnerLines.push(`P${index},Partner ${index},reseller,silver,EMEA,DE,active,2023-01-01`);
  writeFileSync(join(folder, 'partners.csv'), `${partnerLines.join('\n')}\n`);
  const rates = ['date,currency,rate'];
  for (let day = 0; day < 3 * 366; day++) {
    const date = new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
    currencies.slice(1).forEach((currency, index) => rates.push(`${date},${currency},${(0.5 + index * 0.3 + (day % 50) / 1000).toFixed(6)}`));
  }
  writeFileSync(join(folder, 'fx_rates.csv'), `${rates.join('\n')}\n`);

  const out = createWriteStream(revenueFile);
  out.write('line_id,partner_id,booked_at,amount,currency,product,deal_id\n');
  let chunk = '';
  for (let index = 0; index < rows; index++) {
    const date = new Date(Date.UTC(2024, 0, 1 + (index % 1000))).toISOString().slice(0, 10);
    const product = products[index % products.length] as string;
    chunk += `L${index},P${index % partners},${date},${((index * 7919) % 100000) / 100},${currencies[index % currencies.length]},"${product}",${index % 11 === 0 ? `D${index % 5000}` : ''}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  writeFileSync(stamp, String(rows));
  return { revenueFile };
}
