// @vitest-environment node
/**
 * The README is what a newcomer reads in five minutes; everything else lives in docs/. These
 * checks keep it so: the README stays short and its sections small, it starts with the two
 * commands, every page of docs/ is reachable from it (each decision through the decisions'
 * index), every relative link and image resolves to a file in the repository, and every decision
 * says whether it stands or which later decision replaced it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const DOCS = join(ROOT, 'docs');
const DECISIONS = join(DOCS, 'decisions');
const README = join(ROOT, 'README.md');

const read = (path: string) => readFileSync(path, 'utf8');

/** Every Markdown file under a folder, depth first. */
function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

/** The text outside fenced code blocks and inline code: links in code are examples, not links. */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

/** The targets of every Markdown link and image, `[text](target)` and `![alt](target)`. */
function linkTargets(markdown: string): string[] {
  return [...prose(markdown).matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map(
    (match) => match[1] ?? '',
  );
}

const isRelative = (target: string) =>
  !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#');

/** The file a relative link names, from the file it is written in (its anchor dropped). */
const resolveLink = (from: string, target: string) =>
  resolve(dirname(from), decodeURI(target.split('#')[0] ?? ''));

/** The README's `## ` sections, each with its number of lines (heading up to the next heading). */
function sections(markdown: string): { heading: string; lines: number }[] {
  const lines = markdown.replace(/\n$/, '').split('\n');
  const found: { heading: string; start: number }[] = [];
  let inFence = false;
  lines.forEach((line, index) => {
    if (line.startsWith('```')) inFence = !inFence;
    else if (!inFence && line.startsWith('## ')) found.push({ heading: line, start: index });
  });
  return found.map((section, index) => ({
    heading: section.heading,
    lines: (found[index + 1]?.start ?? lines.length) - section.start,
  }));
}

/** Each file linked from a Markdown file, as a path relative to the repository. */
const linkedFrom = (file: string) =>
  new Set(
    linkTargets(read(file))
      .filter(isRelative)
      .map((target) => relative(ROOT, resolveLink(file, target))),
  );

describe('the README', () => {
  const readme = read(README);

  it('is at most 200 lines long', () => {
    expect(readme.replace(/\n$/, '').split('\n').length).toBeLessThanOrEqual(200);
  });

  it('has no section longer than 40 lines', () => {
    const long = sections(readme).filter((section) => section.lines > 40);
    expect(long).toEqual([]);
    expect(sections(readme).length).toBeGreaterThan(0);
  });

  it('opens with the command that starts the app and the one that runs every test', () => {
    const firstBlock = /^```sh\n([\s\S]*?)^```/m.exec(readme)?.[1] ?? '';
    expect(firstBlock).toContain('npm ci && npm start');
    expect(firstBlock).toContain('scripts/test-setup.sh && npm ci && npm test');
    expect(readme.indexOf('```sh')).toBeLessThan(readme.indexOf('\n## '));
  });

  it('links to every page of docs/, and to the decisions through their index', () => {
    const linked = linkedFrom(README);
    const pages = readdirSync(DOCS)
      .filter((name) => name.endsWith('.md'))
      .map((name) => `docs/${name}`);
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.filter((page) => !linked.has(page))).toEqual([]);
    expect(linked.has('docs/decisions/README.md')).toBe(true);
  });
});

describe('the links in README.md and docs/', () => {
  const files = [README, ...markdownFiles(DOCS)];

  it('name files that exist, inside the repository', () => {
    const broken = files.flatMap((file) =>
      linkTargets(read(file))
        .filter(isRelative)
        .filter((target) => target.split('#')[0] !== '')
        .filter((target) => {
          const path = resolveLink(file, target);
          return !existsSync(path) || relative(ROOT, path).startsWith(`..${sep}`);
        })
        .map((target) => `${relative(ROOT, file)} → ${target}`),
    );
    expect(broken).toEqual([]);
  });
});

describe('the decisions', () => {
  const index = join(DECISIONS, 'README.md');
  const records = readdirSync(DECISIONS)
    .filter((name) => /^\d{4}-[a-z0-9-]+\.md$/.test(name))
    .sort();

  it('are one numbered file each, numbered without a gap from 0001', () => {
    expect(records.length).toBeGreaterThan(0);
    expect(records.map((name) => Number(name.slice(0, 4)))).toEqual(
      records.map((_, position) => position + 1),
    );
    const strays = readdirSync(DECISIONS).filter(
      (name) => name !== 'README.md' && !records.includes(name),
    );
    expect(strays).toEqual([]);
  });

  it('are each listed in the decisions index', () => {
    const linked = linkedFrom(index);
    expect(records.filter((name) => !linked.has(`docs/decisions/${name}`))).toEqual([]);
  });

  it('each say they are accepted or which existing decision superseded them', () => {
    const problems = records.flatMap((name) => {
      const text = read(join(DECISIONS, name));
      const status = /^Status: (.*)$/m.exec(text)?.[1];
      if (status === undefined) return [`${name}: no "Status:" line`];
      if (status === 'accepted') return [];
      const later = /^superseded by \[?(\d{4})\]?(?:\(([^)]+)\))?$/.exec(status);
      if (!later) return [`${name}: status "${status}"`];
      const target = records.find((record) => record.startsWith(`${later[1]}-`));
      if (!target) return [`${name}: superseded by ${later[1]}, which does not exist`];
      if (later[2] !== undefined && later[2] !== target)
        return [`${name}: links ${later[2]} for ${later[1]}`];
      if (Number(later[1]) <= Number(name.slice(0, 4)))
        return [`${name}: superseded by an earlier decision`];
      return [];
    });
    expect(problems).toEqual([]);
  });

  it('each have a title with their own number', () => {
    const wrong = records.filter(
      (name) => !read(join(DECISIONS, name)).startsWith(`# ${name.slice(0, 4)}. `),
    );
    expect(wrong).toEqual([]);
    expect(statSync(index).isFile()).toBe(true);
  });
});
