import { FIELD } from './postings';

/** The boost of a posting's field bits (title, tags, path, description), indexed by the four bits. */
export const FIELD_BOOST: ReadonlyArray<number> = (() => {
  const out: number[] = [];
  for (let f = 0; f < 16; f++)
    out.push(
      (f & FIELD.title ? 3 : 0) +
        (f & FIELD.tags ? 2.5 : 0) +
        (f & FIELD.path ? 1.5 : 0) +
        (f & FIELD.description ? 1.5 : 0),
    );
  return out;
})();
/** BM25 term-frequency saturation. */
export const K1 = 1.2;
/** BM25 length normalisation. */
export const B = 0.75;
