/** The add form's fields; shared by the action and the page. */

export interface AddValues {
  title: string;
  kind: string;
  format: string;
  date: string;
  author: string;
  issuer: string;
  url: string;
  language: string;
  text: string;
  /** A page to fetch instead of a text or a file. */
  address: string;
}

export type AddField = keyof AddValues | 'file' | 'token';

export const EMPTY: AddValues = {
  title: '',
  kind: '',
  format: 'auto',
  date: '',
  author: '',
  issuer: '',
  url: '',
  language: '',
  text: '',
  address: '',
};

/** What was typed, read back from a submitted form (a refusal shows the form as it was). */
export function valuesOf(form: FormData): AddValues {
  const text = (name: keyof AddValues) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : EMPTY[name];
  };
  return Object.fromEntries((Object.keys(EMPTY) as Array<keyof AddValues>).map((k) => [k, text(k)])) as unknown as AddValues;
}

/** What "Read the page" found, shown beside the fields it filled (POST /api/documents/preview). */
export interface PageRead {
  /** Where it was read from, after redirects. */
  address: string;
  format: string;
  paragraphs: number;
  length: number;
  excerpt: string;
}
