import { failpoint } from '../../src/main/failpoints';

/** A child process for the failpoint tests: passes `a` three times and `b` once, printing each step it finished. */
for (const name of ['a', 'a', 'a', 'b']) {
  failpoint(name);
  process.stdout.write(`${name} `);
}
process.stdout.write('done');
