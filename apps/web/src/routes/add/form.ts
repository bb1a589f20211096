/** The add form's fields and how a format is chosen; shared by the action and the page. */

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
};

/**
 * "Automatic" reads a file's extension; pasted text is taken as plain text unless the user
 * says otherwise, because guessing HTML from a pasted "<" would swallow the angle brackets of
 * a text that merely quotes some markup.
 */
export function formatFor(choice: string, fileName: string | null): 'text' | 'markdown' | 'html' | null {
  if (choice === 'text' || choice === 'markdown' || choice === 'html') return choice;
  if (choice !== 'auto') return null;
  const extension = fileName?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (extension === 'md' || extension === 'markdown') return 'markdown';
  if (extension === 'html' || extension === 'htm' || extension === 'xhtml') return 'html';
  return 'text';
}
