/** The tokenizer lives with the bulk builder (one self-contained body of code a worker thread can run too). */
export { forEachTerm, terms, MIN_TERM, MAX_TERM } from './segment-builder';
