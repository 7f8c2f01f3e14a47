// GDELT 2.0 publishes every 15 minutes: lastupdate.txt lists the newest files and
// masterfilelist.txt every file since 2015, one "SIZE MD5 URL" line each
// (http://data.gdeltproject.org/gdeltv2/). This reads those lists; nothing here fetches.

export interface GdeltFile {
  size: number;
  md5: string;
  url: string;
  /** The file name's YYYYMMDDHHMMSS. */
  stamp: string;
  kind: 'export' | 'mentions' | 'gkg';
  translation: boolean;
}

const NAME = /(\d{14})\.(translation\.)?(export|mentions|gkg)\.csv\.zip$/i;

/** The list's lines as files; lines that are not "SIZE MD5 URL" of a known file are ignored. */
export function parseFileList(text: string): GdeltFile[] {
  const out: GdeltFile[] = [];
  for (const line of text.split('\n')) {
    const [size, md5, url, extra] = line.trim().split(/\s+/);
    if (extra !== undefined || !url || !/^\d+$/.test(size) || !/^[0-9a-f]{32}$/i.test(md5)) continue;
    const m = NAME.exec(url);
    if (!m) continue;
    out.push({ size: Number(size), md5: md5.toLowerCase(), url, stamp: m[1], kind: m[3].toLowerCase() as GdeltFile['kind'], translation: !!m[2] });
  }
  return out;
}

export function fileName(f: GdeltFile): string {
  return f.url.slice(f.url.lastIndexOf('/') + 1);
}

/** Events before mentions of the same 15 minutes; `order` decides which end of the backlog goes first. */
export function orderFiles(files: GdeltFile[], order: 'oldest' | 'newest'): GdeltFile[] {
  const rank = (f: GdeltFile) => (f.kind === 'export' ? 0 : 1);
  return [...files].sort((a, b) => (a.stamp === b.stamp ? rank(a) - rank(b) : (a.stamp < b.stamp ? -1 : 1) * (order === 'oldest' ? 1 : -1)));
}

/** The stamp 15 minutes after `stamp`. */
export function nextStamp(stamp: string): string {
  const t = Date.UTC(+stamp.slice(0, 4), +stamp.slice(4, 6) - 1, +stamp.slice(6, 8), +stamp.slice(8, 10), +stamp.slice(10, 12), +stamp.slice(12, 14)) + 15 * 60_000;
  return new Date(t).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}
