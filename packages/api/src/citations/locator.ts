/**
 * A locator as a reader of a note expects it: `IV.5` → `sec. IV, para. 5`, the preamble's
 * `0.3` → `preamble, para. 3`, `¶12` → `para. 12`, and ranges (`I.1–I.2`) likewise
 * (`sec. I, paras. 1–2`).
 */
export function describeLocator(locator: string): string {
  const [from, to] = locator.split('–');
  const a = parse(from ?? '');
  if (to === undefined) return one(a);
  const b = parse(to);
  if (a.section === b.section && a.paragraph !== undefined && b.paragraph !== undefined) {
    return [sectionName(a.section), `paras. ${a.paragraph}–${b.paragraph}`].filter(Boolean).join(', ');
  }
  return `${one(a)}, to ${one(b)}`;
}

interface Place {
  section: string | null;
  paragraph?: string;
  raw: string;
}

function parse(locator: string): Place {
  const sectioned = /^([0IVXLC]+)\.(\d+)$/.exec(locator);
  if (sectioned) return { section: sectioned[1]!, paragraph: sectioned[2]!, raw: locator };
  const numbered = /^¶(\d+)$/.exec(locator);
  if (numbered) return { section: null, paragraph: numbered[1]!, raw: locator };
  return { section: null, raw: locator };
}

function sectionName(section: string | null): string {
  if (section === null) return '';
  return section === '0' ? 'preamble' : `sec. ${section}`;
}

function one(place: Place): string {
  if (place.paragraph === undefined) return place.raw === 'title' ? 'title' : place.raw;
  return [sectionName(place.section), `para. ${place.paragraph}`].filter(Boolean).join(', ');
}
