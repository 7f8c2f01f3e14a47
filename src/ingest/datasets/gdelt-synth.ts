// Writes large GDELT 2.0 event files for load tests and benchmarks by repeating real rows
// with fresh GLOBALEVENTIDs and SQLDATEs (one day per 1,000 rows), so every row is a new
// event and the file has the real column mix. Not used by the import itself.
import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';

export async function writeRepeatedGdelt(sources: string[], out: string, rows: number, firstId = 1_000_000_000): Promise<{ rows: number; bytes: number }> {
  const real = sources.flatMap((f) => readFileSync(f, 'utf8').split('\n').filter((l) => l.split('\t').length === 61));
  if (!real.length) throw new Error('no GDELT 2.0 rows in the source files');
  const ws = createWriteStream(out);
  const start = Date.UTC(2015, 0, 1);
  let bytes = 0;
  let buf: string[] = [];
  for (let i = 0; i < rows; i++) {
    const f = real[i % real.length].split('\t');
    const d = new Date(start + Math.floor(i / 1000) * 86_400_000).toISOString();
    const sqldate = d.slice(0, 10).replace(/-/g, '');
    f[0] = String(firstId + i);
    f[1] = sqldate;
    f[2] = sqldate.slice(0, 6);
    f[3] = sqldate.slice(0, 4);
    f[59] = `${sqldate}000000`;
    buf.push(f.join('\t'));
    if (buf.length === 5000 || i === rows - 1) {
      const text = buf.join('\n') + '\n';
      bytes += Buffer.byteLength(text);
      buf = [];
      if (!ws.write(text)) await once(ws, 'drain');
    }
  }
  ws.end();
  await once(ws, 'finish');
  return { rows, bytes };
}
