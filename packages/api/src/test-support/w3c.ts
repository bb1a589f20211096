import fs from 'node:fs';
import path from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { W3C_TESTS_DIR } from './app.js';

/** The TextQuoteSelector and TextPositionSelector assertions of annotations/specificResource/. */
export const SELECTOR_ASSERTIONS = [
  'annotations/specificResource/4.2.4-textQuoteSelector.json',
  'annotations/specificResource/4.2.4-textQuoteSelectorValid.json',
  'annotations/specificResource/4.2.4-prefix.json',
  'annotations/specificResource/4.2.4-suffix.json',
  'annotations/specificResource/4.2.5-textPositionSelector.json',
  'annotations/specificResource/4.2-TextDataPositionSelectorValid.json',
];

export interface Assertion {
  file: string;
  title: string;
  expectedResult: 'valid' | 'invalid';
  errorMessage: string;
  validate: (data: unknown) => boolean;
}

const read = (file: string) => JSON.parse(fs.readFileSync(path.join(W3C_TESTS_DIR, file), 'utf8')) as Record<string, unknown>;

/** The assertions a `.test` file lists (`annotations/annotationMusts.test`). */
export function assertionsOfTest(testFile: string): string[] {
  return (read(testFile) as { assertions: string[] }).assertions;
}

/**
 * Compiles assertions the way the W3C test runner does: draft-04 schemas whose `$ref`s name
 * the definition files (`id.json`, `specificResource.json`, …) by their ids. Each assertion
 * gets its own validator so that assertions reusing one id do not collide.
 */
export function compileAssertions(files: readonly string[]): Assertion[] {
  const definitions = fs
    .readdirSync(path.join(W3C_TESTS_DIR, 'definitions'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => read(path.join('definitions', f)));
  return files.map((file) => {
    // The assertions carry keywords of the test harness (assertionType, expectedResult, …).
    const ajv = new Ajv04.default({ allErrors: true, strict: false });
    addFormats.default(ajv);
    for (const definition of definitions) ajv.addSchema(definition);
    const schema = read(file);
    return {
      file,
      title: String(schema.title),
      expectedResult: schema.expectedResult as 'valid' | 'invalid',
      errorMessage: String(schema.errorMessage),
      validate: ajv.compile(schema) as (data: unknown) => boolean,
    };
  });
}
