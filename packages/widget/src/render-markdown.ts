import { h, type ComponentChildren } from 'preact';
import { safeLink, type LinkOptions } from './safe-link';

// `**bold**` or `[label](href)`; everything else stays literal text, including any HTML.
const INLINE = /\*\*(.+?)\*\*|\[([^\]\n]+)\]\(([^()\s]+)\)/g;
const LIST_ITEM = /^([-*+]|\d{1,9}[.)])\s+(.*)$/;

const inline = (text: string, options: LinkOptions): ComponentChildren[] => {
  const out: ComponentChildren[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const at = match.index ?? 0;
    if (at > last) out.push(text.slice(last, at));
    const [whole, bold, label, href] = match;
    out.push(bold !== undefined ? h('strong', null, inline(bold, options)) : safeLink(href ?? '', inline(label ?? '', options), options));
    last = at + whole.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
};

type Block = { list: false; lines: string[] } | { list: true; ordered: boolean; items: string[] };

const parseBlocks = (source: string): Block[] => {
  const blocks: Block[] = [];
  let current: Block | null = null;
  for (const raw of source.split(/\r\n?|\n/)) {
    const line = raw.trim();
    const item = LIST_ITEM.exec(line);
    if (!line) {
      current = null;
    } else if (item) {
      const ordered = /\d/.test(item[1] ?? '');
      if (!current?.list || current.ordered !== ordered) blocks.push((current = { list: true, ordered, items: [] }));
      current.items.push(item[2] ?? '');
    } else if (current?.list && /^\s/.test(raw)) {
      // An indented line continues the list item above it.
      current.items[current.items.length - 1] += ` ${line}`;
    } else {
      if (!current || current.list) blocks.push((current = { list: false, lines: [] }));
      current.lines.push(line);
    }
  }
  return blocks;
};

/**
 * Renders the tiny Markdown subset allowed in rule content to Preact nodes: paragraphs
 * (a blank line between them, a single newline is a line break), `**bold**`, `-`/`*` and
 * `1.` lists, and `[links](https://…)` with safe schemes only (an unsafe link keeps its
 * label as text; an href cannot hold spaces or parentheses, so percent-encode them).
 * Nothing is ever parsed as HTML: `<b>` stays the three characters `<b>`.
 *
 * @example
 * render(h('div', null, renderMarkdown('Try **annual** billing:\n- saves 20%\n- [compare](/pricing)')), el)
 */
export const renderMarkdown = (source: string, options: LinkOptions = {}): ComponentChildren[] =>
  parseBlocks(String(source ?? '')).map((block) =>
    block.list
      ? h(
          block.ordered ? 'ol' : 'ul',
          null,
          block.items.map((item) => h('li', null, inline(item, options))),
        )
      : h(
          'p',
          null,
          block.lines.flatMap((line, i) => (i ? [h('br', null), ...inline(line, options)] : inline(line, options))),
        ),
  );
