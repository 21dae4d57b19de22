import { forEachTerm } from './tokenize';

/** The most distinct words of a query that are searched (the rest are ignored). */
export const MAX_QUERY_TERMS = 8;

/** The distinct terms of a query, in order, at most `MAX_QUERY_TERMS` of them. */
export function queryWords(query: string): string[] {
  const words: string[] = [];
  forEachTerm(query, (t) => {
    if (words.length < MAX_QUERY_TERMS && !words.includes(t)) words.push(t);
  });
  return words;
}
