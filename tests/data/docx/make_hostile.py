#!/usr/bin/python3
"""make_hostile.py OUTDIR - hostile and wrong "DOCX" files for the CLI tests.

Standard library only; each file is small on disk and made in well under a
second.  What each one is:

  bomb.docx        document.xml is 64 MB of spaces deflated to ~64 KB: the
                   compression ratio (~1000) no document has
  bomb-lying.docx  document.xml's headers declare 200 bytes while the data
                   inflates to 2 MB: reading must stop at the declared size
  bomb-big.docx    headers declare a 3 GB document.xml (over every limit)
  xxe.docx         document.xml declares an external entity (file:///etc/passwd)
  laughs.docx      document.xml is the billion laughs entity expansion
  truncated.docx   the first 60 % of a valid DOCX
  notzip.docx      plain text named .docx
  empty.docx       zero bytes
  encrypted.docx   an OLE2 compound file holding EncryptionInfo and
                   EncryptedPackage streams, which is how Word stores a
                   password-protected DOCX (the streams' content is dummy)
  workbook.docx    a valid zip package whose main part is a spreadsheet
  deep.docx        tables nested 12 deep in document.xml
  good.docx        a small valid DOCX (for batches with the bad ones)
"""
import os
import struct
import sys
import zipfile

W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
      'package/2006/content-types"><Default Extension="rels" ContentType="application/'
      'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
      'ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType='
      '"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
        '.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="word/document.xml"/></Relationships>')


def root(body):
    return '<w:document xmlns:w="%s"><w:body>%s</w:body></w:document>' % (W, body)


def doc(body):
    return '<?xml version="1.0" encoding="UTF-8"?>' + root(body)


def package(path, document, ct=CT, rels=RELS, main='word/document.xml'):
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', ct)
        z.writestr('_rels/.rels', rels)
        z.writestr(main, document)


def patch_sizes(path, size, name=b'word/document.xml'):
    """Make the headers of entry name claim size bytes uncompressed (the
    local header and the central directory both)."""
    data = bytearray(open(path, 'rb').read())
    for sig, size_at, name_len_at, name_at in ((b'PK\x03\x04', 22, 26, 30), (b'PK\x01\x02', 24, 28, 46)):
        i = 0
        while True:
            i = data.find(sig, i)
            if i < 0:
                break
            n = struct.unpack_from('<H', data, i + name_len_at)[0]
            if bytes(data[i + name_at:i + name_at + n]) == name:
                struct.pack_into('<I', data, i + size_at, size)
            i += 4
    open(path, 'wb').write(bytes(data))


def cfb(path, names):
    """A minimal OLE2 compound file (version 3, 512-byte sectors): one FAT
    sector, one directory sector with a root and one small stream per name,
    and one data sector shared by the streams (dummy content)."""
    sector = 512
    ENDOFCHAIN, FATSECT, FREESECT = 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    header = bytearray(512)
    header[0:8] = b'\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1'
    struct.pack_into('<HHHHH', header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into('<I', header, 44, 1)            # FAT sectors
    struct.pack_into('<I', header, 48, 1)            # first directory sector
    struct.pack_into('<I', header, 56, 4096)         # mini stream cutoff
    struct.pack_into('<I', header, 60, ENDOFCHAIN)   # no mini FAT
    struct.pack_into('<I', header, 64, 0)
    struct.pack_into('<I', header, 68, ENDOFCHAIN)   # no DIFAT sectors
    struct.pack_into('<I', header, 72, 0)
    difat = [0] + [FREESECT] * 108
    struct.pack_into('<109I', header, 76, *difat)
    fat = [FATSECT, ENDOFCHAIN, ENDOFCHAIN] + [FREESECT] * 125
    fat_sector = struct.pack('<128I', *fat)

    def entry(name, typ, left, right, child, start, size):
        e = bytearray(128)
        n = name.encode('utf-16-le') + b'\x00\x00'
        e[0:len(n)] = n
        struct.pack_into('<HBB', e, 64, len(n), typ, 1)
        struct.pack_into('<III', e, 68, left, right, child)
        struct.pack_into('<II', e, 116, start, size)
        return bytes(e)

    NOSTREAM = 0xFFFFFFFF
    entries = [entry('Root Entry', 5, NOSTREAM, NOSTREAM, 1 if names else NOSTREAM, ENDOFCHAIN, 0)]
    for i, name in enumerate(names):
        right = i + 2 if i + 1 < len(names) else NOSTREAM
        # streams under 4096 bytes would live in the mini stream; these point
        # at a regular sector and declare size 0, which readers accept
        entries.append(entry(name, 2, NOSTREAM, right, NOSTREAM, 2, 0))
    while len(entries) < 4:
        entries.append(bytes(128))
    directory = b''.join(entries[:4])
    data = b'\0' * sector
    with open(path, 'wb') as f:
        f.write(bytes(header) + fat_sector + directory + data)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    p = lambda n: os.path.join(out, n)
    # a good one
    package(p('good.docx'), doc('<w:p><w:r><w:t>Kế hoạch</w:t></w:r></w:p>'))
    # ratio bomb
    package(p('bomb.docx'), doc('<w:p><w:r><w:t>x</w:t></w:r></w:p>') + ' ' * (64 << 20))
    # lying header: 2 MB of varied text declared as 200 bytes
    text = ''.join(chr(97 + (i * 7 + i // 13) % 26) for i in range(2 << 20))
    package(p('bomb-lying.docx'), doc('<w:p><w:r><w:t>' + text + '</w:t></w:r></w:p>'))
    patch_sizes(p('bomb-lying.docx'), 200)
    package(p('bomb-big.docx'), doc(''))
    patch_sizes(p('bomb-big.docx'), 3 << 30)
    # entities
    package(p('xxe.docx'), '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM '
            '"file:///etc/passwd">]>' + root('<w:p><w:r><w:t>&x;</w:t></w:r></w:p>'))
    lol = '<!ENTITY lol "lol">' + ''.join(
        '<!ENTITY lol%d "%s">' % (i, ('&lol%s;' % ('' if i == 1 else i - 1)) * 10) for i in range(1, 10))
    package(p('laughs.docx'), '<?xml version="1.0"?><!DOCTYPE w:document [' + lol + ']>' +
            root('<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>'))
    # truncated: a valid package cut short
    good = open(p('good.docx'), 'rb').read()
    open(p('truncated.docx'), 'wb').write(good[:len(good) * 6 // 10])
    open(p('notzip.docx'), 'w').write('Kế hoạch số 1/KH-UBND\nthis is text, not a zip\n')
    open(p('empty.docx'), 'wb').close()
    cfb(p('encrypted.docx'), ['EncryptionInfo', 'EncryptedPackage'])
    package(p('workbook.docx'), '<workbook/>',
            ct=CT.replace('/word/document.xml', '/xl/workbook.xml').replace(
                'wordprocessingml.document.main', 'spreadsheetml.sheet.main'),
            rels=RELS.replace('word/document.xml', 'xl/workbook.xml'), main='xl/workbook.xml')
    deep = '<w:tbl><w:tr><w:tc>' * 12 + '<w:p><w:r><w:t>deep</w:t></w:r></w:p>' + \
        '</w:tc></w:tr></w:tbl>' * 12
    package(p('deep.docx'), doc(deep))


if __name__ == '__main__':
    main()
