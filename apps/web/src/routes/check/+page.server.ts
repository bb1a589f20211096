import type { CheckAnswer } from '$lib/check/view';
import type { PageServerLoad } from './$types';

/**
 * A shared link (`/check?q=…`) opens with its verdicts already there, through the API like
 * every page; the browser then checks again as the reader types. A refusal (an empty or
 * over-long text, too many checks at once) is shown beside the box.
 */
export const load: PageServerLoad = async ({ url, locals: { api } }) => {
  const q = url.searchParams.get('q') ?? '';
  if (q.trim() === '') return { q, answer: null, error: null };
  const sent = await api.send<CheckAnswer, Record<string, never>>('POST', '/api/check', { body: { text: q }, refused: () => ({}) });
  if (!sent.ok) return { q, answer: null, error: sent.failure.data.error };
  return { q, answer: sent.data, error: null };
};
