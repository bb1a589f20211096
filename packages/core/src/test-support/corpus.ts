import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import type { AlignmentReport, Passage } from '../types.js';

const corpus = (name: string) => readFileSync(fileURLToPath(new URL(`../../../../corpus/${name}`, import.meta.url)), 'utf8');

export const statement = corpus('joint-statement-2022-02-04.en.txt');
export const opEd = corpus('op-ed-expanding-sino-russian-cooperation.txt');

const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../../contracts/alignment-report.schema.json', import.meta.url)), 'utf8'));
const validate = new Ajv2020.default({ allErrors: true, strict: false }).compile(schema);

/** Schema errors of a report, as readable lines; empty when it is valid. */
export function schemaErrors(report: AlignmentReport): string[] {
  return validate(report) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** Every span of a report that does not slice back to its text, or is out of bounds. */
export function badSpans(report: AlignmentReport, source: string, commentary: string): string[] {
  const bad: string[] = [];
  const check = (where: string, text: string, s: { start: number; end: number; text?: string }) => {
    if (!(0 <= s.start && s.start <= s.end && s.end <= text.length)) bad.push(`${where}: [${s.start}, ${s.end}) out of bounds`);
    else if (s.text !== undefined && text.slice(s.start, s.end) !== s.text) bad.push(`${where}: text differs from its slice`);
  };
  report.passages.forEach((p: Passage, i) => {
    check(`passage ${i} commentary`, commentary, p.commentary);
    if (p.source) check(`passage ${i} source`, source, p.source);
    p.differences.forEach((d, k) => {
      check(`passage ${i} difference ${k} commentary`, commentary, d.commentary);
      check(`passage ${i} difference ${k} source`, source, d.source);
    });
    p.marks.forEach((m, k) => {
      check(`passage ${i} mark ${k}`, commentary, m.commentary);
      if ('emphasized' in m && m.emphasized) m.emphasized.forEach((e, j) => check(`passage ${i} mark ${k} emphasis ${j}`, commentary, e));
    });
  });
  report.omissions.forEach((o, i) => check(`omission ${i}`, source, o));
  return bad;
}

/** A difference as a reader sees it: `source → commentary (category)`. */
export function describe(p: Passage): string[] {
  return p.differences.map((d) => `${d.source.text} → ${d.commentary.text} (${d.category}${d.editorial ? ', editorial' : ''})`);
}
