// Bulk-adds documents to a store and prints each id once its add has returned, i.e. once
// it is acknowledged. The crash test kills this process with SIGKILL part-way through.
// Plain JavaScript run on the built package, as a user's script would be.
import { openStore } from '@verbatim/store';

const [dbPath, corpusDir, countArg] = process.argv.slice(2);
const store = await openStore({ path: dbPath, corpusDir });
const statement = await store.get('joint-statement-2022-02-04');
const paragraphs = statement.paragraphs.filter((p) => !p.title && p.text.length > 200);

for (let i = 0; i < Number(countArg); i++) {
  const quoted = [0, 1, 2].map((k) => paragraphs[(i * 3 + k) % paragraphs.length].text);
  const isSource = i % 5 === 4;
  const text = isSource
    ? `Bulk source ${i}\n\n${quoted.map((q) => q.split(' ').reverse().join(' ')).join('\n\n')}\n\nSerial ${i}.`
    : `Bulk commentary ${i}\n\nAs the statement puts it, “${quoted[0]}”\n\nCommentators number ${i} added: “${quoted[1]}”\n\nAnd later: “${quoted[2]}”`;
  const doc = await store.add({ text, format: 'text', kind: isSource ? 'source' : 'commentary', title: `Bulk ${i}` });
  process.stdout.write(`${doc.id}\n`);
}
await store.close();
