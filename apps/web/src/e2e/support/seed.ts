export const SOURCE_ID = 'joint-statement-2022-02-04';
export const COMMENTARY_ID = 'op-ed-expanding-sino-russian-cooperation';
export const COMPARE = `/compare/${SOURCE_ID}/${COMMENTARY_ID}`;
