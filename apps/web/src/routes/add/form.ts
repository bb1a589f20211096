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
