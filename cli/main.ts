/** The command line's entry (built into out/node/cli.mjs): `counter-steps verify …` on this process. */
import { main } from './verify';

process.exitCode = await main(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  env: process.env,
});
