import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { feedItems, isFeed } from './feed-items.js';
import { sharedDir } from '../../../test/cli.js';

const rss = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>News</title>
<item><title>Putin &amp; Kim meet</title><link>https://example.org/1</link><pubDate>Wed, 13 Sep 2023 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Kim Jong Un met Vladimir Putin.&lt;/p&gt;&lt;p&gt;They talked.&lt;/p&gt;</description></item>
<item><title>Second</title><link>https://example.org/2</link><content:encoded><![CDATA[<p>Russia attacked Ukraine.</p>]]></content:encoded></item>
<item><title>Bad date</title><pubDate>sometime</pubDate><description>x</description></item>
</channel></rss>`;

const atom = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
<entry><title>Talks</title><link rel="alternate" href="https://example.org/a"/><published>2024-06-19T10:00:00Z</published><summary>Putin visited Pyongyang.</summary></entry>
</feed>`;

describe('feedItems', () => {
  it('reads RSS items: title, link, date, HTML description as text', () => {
    const items = feedItems(rss, 'f.rss');
    expect(items).toHaveLength(3);
    expect(items[0]).toMatchObject({ title: 'Putin & Kim meet', url: 'https://example.org/1', published: '2023-09-13' });
    expect(items[0].text).toBe('Putin & Kim meet\n\nKim Jong Un met Vladimir Putin.\n\nThey talked.');
    expect(items[1].text).toContain('Russia attacked Ukraine.');
    expect(items[1].published).toBeNull();
    expect(items[2].error).toMatch(/item 3: field published/);
  });

  it('reads Atom entries', () => {
    expect(feedItems(atom, 'f.atom')).toMatchObject([{ title: 'Talks', url: 'https://example.org/a', published: '2024-06-19', text: 'Talks\n\nPutin visited Pyongyang.' }]);
  });

  it('recognises feeds by content', () => {
    expect([isFeed(rss), isFeed(atom), isFeed('<html><body>x</body></html>'), isFeed('Russia attacked.')]).toEqual([true, true, false, false]);
  });

  it('refuses the billion-laughs feed before parsing it', () => {
    const xml = readFileSync(join(sharedDir, 'data/bad-input/billion-laughs.rss'), 'utf8');
    expect(() => feedItems(xml, 'billion-laughs.rss')).toThrow(expect.objectContaining({ code: 'BAD_INPUT', message: expect.stringMatching(/billion-laughs\.rss: .*declares XML entities/) }));
  });

  it('leaves undeclared entity references unexpanded', () => {
    const items = feedItems('<rss><channel><item><title>a &custom; b &#65;</title></item></channel></rss>', 'x.rss');
    expect(items[0].title).toBe('a &custom; b A');
  });

  it('refuses malformed XML and non-feeds with BAD_FORMAT', () => {
    expect(() => feedItems('<rss><channel><item>', 'x.rss')).toThrow(expect.objectContaining({ code: 'BAD_FORMAT' }));
    expect(() => feedItems('<html></html>', 'x.xml')).toThrow(/not an RSS or Atom feed/);
  });
});
