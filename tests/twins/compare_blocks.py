#!/usr/bin/python3
"""compare_blocks.py TEXT.blocks TWIN.blocks - do two block dumps carry the
same document?

Both dumps (`soan extract --dump=blocks`) are reduced to what a reader
would call the content, ignoring layout:
  - a paragraph is its lines, the first one led by its label ("II. NỘI
    DUNG" whether II. was typed or numbered by Word);
  - a 2-column table (the header or signature layout, borders or not: a
    text or markdown source cannot say) is read as the paragraphs of its
    cells, row by row, cell by cell;
  - any other table is its rows; a cell spanning columns counts as that
    many cells, a merged placeholder repeats the cell above, and a group
    row ("I" then one title, typed once, repeated or spanned) reads the
    same in every form;
  - whitespace is collapsed; formatting flags are not compared.
Prints a unified diff and exits 1 when they differ.
"""
import difflib
import re
import sys

LINE_RE = re.compile(r'^( *)(P|NOTE|TABLE|ROW|CELL)(.*)$')


def parse(path):
    lines = open(path, encoding='utf-8').read().split('\n')
    pos = 0

    def blocks(depth):
        nonlocal pos
        out = []
        while pos < len(lines):
            m = LINE_RE.match(lines[pos])
            if not m or len(m.group(1)) != depth * 2:
                break
            kind, rest = m.group(2), m.group(3)
            pos += 1
            if kind == 'P':
                head, _, text = rest.partition(' | ')
                lab = re.search(r' \[(.*)\]$', head)
                out.append({'kind': 'P', 'label': lab.group(1) if lab else None,
                            'lines': text.split('\\n')})
            elif kind == 'NOTE':
                out.append({'kind': 'NOTE', 'lines': rest.partition(' | ')[2].split('\\n')})
            elif kind == 'TABLE':
                cols = int(re.search(r'cols=(\d+)', rest).group(1))
                t = {'kind': 'TABLE', 'cols': cols, 'borderless': 'borderless' in rest.split(), 'rows': []}
                while pos < len(lines):
                    m = LINE_RE.match(lines[pos])
                    if not m or m.group(2) != 'ROW' or len(m.group(1)) != depth * 2 + 2:
                        break
                    pos += 1
                    row = []
                    while pos < len(lines):
                        m = LINE_RE.match(lines[pos])
                        if not m or m.group(2) != 'CELL' or len(m.group(1)) != depth * 2 + 4:
                            break
                        pos += 1
                        attrs = m.group(3)
                        span = re.search(r'colspan=(\d+)', attrs)
                        row.append({'span': int(span.group(1)) if span else 1,
                                    'merged': ' merged' in attrs, 'blocks': blocks(depth + 3)})
                    t['rows'].append(row)
                out.append(t)
        return out

    return blocks(0)


def norm(s):
    return re.sub(r'\s+', ' ', s).strip()


def para_lines(b):
    lines = [norm(l) for l in b['lines']]
    if b.get('label'):
        lines[0] = norm(b['label'] + ' ' + lines[0])
    return [l for l in lines if l]


def cell_text(cell):
    return ' / '.join(l for b in cell['blocks'] if b['kind'] == 'P' for l in para_lines(b))


def project(blocks, out):
    for b in blocks:
        if b['kind'] == 'P':
            out.extend(para_lines(b))
        elif b['kind'] == 'NOTE':
            out.append('NOTE: ' + norm(' '.join(b['lines'])))
        elif b['cols'] == 2:
            for row in b['rows']:
                for cell in row:
                    project(cell['blocks'], out)
        else:
            out.append('TABLE')
            above = {}
            for row in b['rows']:
                cells, g = [], 0
                for cell in row:
                    text = above.get(g, '') if cell['merged'] else cell_text(cell)
                    for k in range(cell['span']):
                        above[g + k] = text
                        cells.append(text if k == 0 else '')
                    g += cell['span']
                while cells and cells[-1] == '':
                    cells.pop()
                if (len(cells) >= 2 and re.match(r'^[IVXLC]+$', cells[0])
                        and all(c in ('', cells[1]) for c in cells[2:])):
                    cells = cells[:2]
                out.append('ROW: ' + ' | '.join(cells))
    return out


def main():
    a = project(parse(sys.argv[1]), [])
    b = project(parse(sys.argv[2]), [])
    if a == b:
        return 0
    sys.stdout.writelines(l + '\n' for l in difflib.unified_diff(a, b, sys.argv[1], sys.argv[2], lineterm='', n=1))
    return 1


if __name__ == '__main__':
    sys.exit(main())
