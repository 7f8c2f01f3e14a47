import { findTriggers, triggerIndex } from './dist/extract/triggers/find-triggers.js';
import { tokenize } from './dist/extract/sentences/tokenize.js';
import { posTags } from './dist/extract/grammar/pos-tags.js';
for (const s of ['The Israeli strikes on Beirut continued.', 'Israel launched strikes on Beirut.', "Iran's seizure of a British tanker angered London."]) {
  const t = tokenize(s);
  console.log(s, triggerIndex().get('strikes')?.map(e=>e.text+'/'+e.pos), findTriggers(t).map(x=>x.entry), findTriggers(t, posTags(s,t)).map(x=>x.entry), posTags(s,t).join(' '));
}
