// The source tree of an earlier commit, ready to build, for a benchmark that compares the app
// before a change with the app after it in one run (scripts/bench-startup.mjs).
//
// The commit's files are exported with `git archive` into a temporary folder (not `git worktree
// add`: a worktree would be registered in the repository every other checkout shares, and left
// there if the benchmark is killed). Its node_modules is this tree's, linked entry by entry
// (nothing is copied or installed), except the runtime dependencies the commit locked at a
// version this tree no longer has (Preact, once the renderer is on React): those are installed
// at the locked version into a folder of their own under the system's temporary folder, kept
// between runs, and linked in instead. Build tools are this tree's, so both builds are made by
// the same Vite.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SKIPPED = new Set(['.bin', '.cache', '.vite', '.vite-temp', '.package-lock.json']);

/** The version of `name` installed in `modules`, or null. */
function installedVersion(modules, name) {
  const file = join(modules, name, 'package.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : null;
}

/** Links `target/name` to `source`, making a scope folder (`@scope/`) real where it was a link. */
function link(target, name, source) {
  if (name.startsWith('@')) {
    const scopeDir = join(target, name.split('/')[0]);
    if (existsSync(scopeDir) && lstatSync(scopeDir).isSymbolicLink()) {
      const original = realpathSync(scopeDir);
      rmSync(scopeDir);
      mkdirSync(scopeDir);
      for (const entry of readdirSync(original)) {
        symlinkSync(join(original, entry), join(scopeDir, entry));
      }
    }
    mkdirSync(scopeDir, { recursive: true });
  }
  rmSync(join(target, name), { force: true });
  symlinkSync(source, join(target, name));
}

/**
 * Exports `commit` of the repository at `repo` into a temporary folder with a node_modules to build
 * it with, made from `modules` (the repository's own unless given). `close` removes the folder (the installed packages stay cached for the next run).
 */
export function treeAt(repo, commit, { modules: ours = join(repo, 'node_modules') } = {}) {
  const sha = execFileSync('git', ['-C', repo, 'rev-parse', '--verify', `${commit}^{commit}`], {
    encoding: 'utf8',
  }).trim();
  const root = mkdtempSync(join(tmpdir(), `counter-steps-bench-before-${sha.slice(0, 7)}-`));
  execFileSync('sh', ['-c', `git -C "${repo}" archive --format=tar ${sha} | tar -x -C "${root}"`]);

  const modules = join(root, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(ours)) {
    if (!SKIPPED.has(entry)) symlinkSync(join(ours, entry), join(modules, entry));
  }

  // The runtime dependencies the commit locked at a version this tree does not have.
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const wanted = Object.keys(pkg.dependencies ?? {})
    .map((name) => ({ name, version: lock.packages?.[`node_modules/${name}`]?.version }))
    .filter(({ name, version }) => version && installedVersion(ours, name) !== version);
  if (wanted.length > 0) {
    const specs = wanted.map(({ name, version }) => `${name}@${version}`).sort();
    const key = createHash('sha256').update(specs.join(' ')).digest('hex').slice(0, 12);
    const side = join(tmpdir(), `counter-steps-bench-deps-${key}`);
    const sideModules = join(side, 'node_modules');
    if (!wanted.every(({ name, version }) => installedVersion(sideModules, name) === version)) {
      console.log(
        `Installing what ${sha.slice(0, 7)} needs and this tree lacks: ${specs.join(' ')}`,
      );
      mkdirSync(side, { recursive: true });
      writeFileSync(join(side, 'package.json'), '{ "private": true }\n');
      execFileSync(
        'npm',
        [
          'install',
          '--no-save',
          '--no-package-lock',
          '--ignore-scripts',
          '--no-audit',
          '--no-fund',
          ...specs,
        ],
        { cwd: side, stdio: 'inherit' },
      );
    }
    // Each package installed resolves its own dependencies from the side folder (Node and Vite
    // follow links to the real path); linking the wanted ones is enough.
    for (const { name } of wanted) link(modules, name, join(sideModules, name));
  }

  return {
    root,
    commit: sha,
    installed: wanted,
    close() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}
