"""Build the crafted bad and awkward inputs, and the manifest that says what each must give.

    python tests/badpdfs/make_bad_pdfs.py OUT_DIR

writes every file into OUT_DIR and OUT_DIR/manifest.json. The tests build them the same way
into a temporary folder, so nothing generated is committed. Each case names the status and a
reason substring the ingest must record, and strings that must (or must not) be in the
extracted text. They are written by hand from the PDF specification, not copied from what
the code produced.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import sys
import zlib
from dataclasses import asdict, dataclass, field
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `tests.pdf_factory` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.pdf_factory import (  # noqa: E402
    HELVETICA,
    SCANNED_LINES,
    assemble,
    document_objects,
    escape,
    make_pdf,
    make_scan,
    stream,
    text_ops,
)

LETTER = [
    "Minutes of the Finance Committee",
    "Held on 4 March 2025 at the Town Hall",
    "The committee considered the quarterly budget monitoring report.",
]


@dataclass
class Case:
    """One crafted input and what ingesting it must give."""

    name: str  # file name, relative to the output folder
    status: str  # 'ok', 'partial' or 'failed'
    reason: str = ""  # substring of documents.error ('' = no error for ok)
    must_contain: list[str] = field(default_factory=list)
    must_not_contain: list[str] = field(default_factory=list)
    note: str = ""
    same_as: str | None = None  # duplicate bytes of another case: one document, two paths


def _pdf(lines: list[str]) -> bytes:
    return make_pdf([lines])


# --- damaged structure -------------------------------------------------------------------


def damaged_xref_offsets() -> bytes:
    """startxref is right, but every offset in the table points 3 bytes into its object."""
    good = _pdf(["Damaged offsets: the audit plan was agreed."])
    head, _, tail = good.partition(b"xref\n")
    table, _, rest = tail.partition(b"trailer")
    rows = table.splitlines()
    fixed = rows[:2] + [b"%010d 00000 n " % (int(row[:10]) + 3) for row in rows[2:] if row.strip()]
    return head + b"xref\n" + b"\n".join(fixed) + b"\ntrailer" + rest


def damaged_xref() -> bytes:
    """Every cross-reference offset points 7 bytes off; startxref points into the middle."""
    good = _pdf(["Damaged xref: the budget was approved."])
    head, _, tail = good.partition(b"xref\n")
    body = tail.split(b"trailer", 1)
    table = body[0].splitlines()
    shifted = [table[0], table[1]] + [
        b"%010d 00000 n " % (int(row[:10]) + 7) for row in table[2:] if row.strip()
    ]
    xref = b"xref\n" + b"\n".join(shifted) + b"\ntrailer" + body[1]
    return head + xref.replace(b"startxref\n", b"startxref\n1").rstrip(b"\n") + b"\n"


def bad_length() -> bytes:
    """A content stream whose /Length says 9 bytes: the reader must not trust it."""
    content = text_ops(["Bad length: the parking scheme was deferred."])
    objects = document_objects([content])
    objects[4] = stream(content, length=9)
    return assemble(objects)


def looping_prev() -> bytes:
    """Two cross-reference sections whose trailers name each other as /Prev."""
    objects = document_objects([text_ops(["Looping prev: the minutes were signed."])])
    base = assemble(objects, "/Root 1 0 R /Prev 0000000000")
    first = int(base[base.rindex(b"startxref") :].split()[1])
    update_at = len(base)
    base = base.replace(b"/Prev 0000000000", b"/Prev %010d" % update_at)
    update = (
        b"xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 6 /Root 1 0 R /Prev %d >>\n" % first
    )
    return base + update + b"startxref\n%d\n%%%%EOF\n" % update_at


def deep_nesting() -> bytes:
    """A page resource nested 50,000 arrays deep (parsers that recurse run out of stack)."""
    objects = document_objects([text_ops(["Deep nesting: the grant was awarded."])])
    objects.append(b"[" * 50_000 + b"]" * 50_000)
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R /Deep %d 0 R >>" % len(objects)
    return assemble(objects)


def truncated(keep: float) -> bytes:
    pages = [[f"Truncated pack, page {n}: item {n} was noted."] * 30 for n in range(1, 6)]
    good = make_pdf(pages)
    return good[: int(len(good) * keep)]


def garbage_prefix() -> bytes:
    """A mail gateway put 600 bytes before the header: every offset is off by 600."""
    return b"X-Scanned-By: gateway\r\n" * 26 + _pdf(["Prefixed: the tree works were agreed."])


def incremental_update() -> bytes:
    """A saved edit: the page's content is replaced by an appended revision."""
    base = _pdf(["Draft wording: REJECTED text."])
    new_content = stream(text_ops(["Final wording: the library hours were extended."]))
    update_at = len(base) + len(b"5 0 obj\n" + new_content + b"\nendobj\n")
    prev = int(base[base.rindex(b"startxref") :].split()[1])
    return (
        base
        + b"5 0 obj\n"
        + new_content
        + b"\nendobj\n"
        + b"xref\n5 1\n%010d 00000 n \n" % len(base)
        + b"trailer\n<< /Size 6 /Root 1 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n"
        % (prev, update_at)
    )


def zero_pages() -> bytes:
    return assemble([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])


def page_tree_cycle() -> bytes:
    """The page tree lists itself as a kid, besides one real page."""
    objects = document_objects([text_ops(["Cycle: the page tree loops."])])
    objects[1] = b"<< /Type /Pages /Kids [4 0 R 2 0 R] /Count 2 >>"
    return assemble(objects)


def header_only() -> bytes:
    return b"%PDF-1.7\n" + b"\x00\x17\x9c" * 300


def corrupt_flate_page() -> bytes:
    """Page 2 of 3 claims FlateDecode but holds bytes that do not inflate."""
    objects = document_objects(
        [text_ops([f"Flate page {n}: the item was noted."]) for n in (1, 2, 3)]
    )
    objects[6] = stream(b"\x78\x9c" + b"\xff\x00\x13" * 40, entries="/Filter /FlateDecode ")
    return assemble(objects)


# --- size and layout -----------------------------------------------------------------------


def long_line(chars: int = 500_000) -> bytes:
    """One line of `chars` characters in 1pt type, with markers at both ends."""
    words = "LONGSTART " + "lorem " * ((chars - 20) // 6) + "LONGEND"
    content = b"BT /F1 1 Tf 5 800 Td (" + escape(words).encode() + b") Tj ET"
    return assemble(document_objects([content]))


def slow_pack(pages: int = 20_000) -> bytes:
    """Many pages of dense text that all share one content stream: a small file that takes any
    reader minutes, because every page is read and laid out."""
    lines = [f"Line {n}: the committee noted the report and agreed the plan." for n in range(60)]
    content = text_ops(lines, x=40, y=800, size=9)
    kids = " ".join(f"{5 + i} 0 R" for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        HELVETICA,
        stream(content),
    ]
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
    )
    objects.extend([page] * pages)
    return assemble(objects)


def huge_page() -> bytes:
    """A 200,000 x 200,000 point page with text near opposite corners."""
    content = (
        text_ops(["Huge page top: the estates strategy was noted."], x=100, y=199_800)
        + b"\n"
        + text_ops(["Huge page bottom: the meeting closed."], x=199_000, y=100)
    )
    return assemble(document_objects([content], media_box="0 0 200000 200000"))


RESOLUTION = (
    "RESOLVED: That the Committee approves the revised parking charges for 2025/26 and "
    "asks the Director of Place to report back on their effect within six months."
)


def _wrap(text: str, width: int) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return [*lines, current]


def two_columns() -> bytes:
    """A newsletter-style page: two text columns side by side, the decision in the right one."""
    left = _wrap(
        "The Chair welcomed members to the meeting and introduced the report on parking. "
        "Officers explained that charges had not risen for five years and that the car parks "
        "ran at a loss. Members asked about the effect on town centre shops and on residents.",
        40,
    )
    right = _wrap(
        "After a debate the Chair moved the recommendation, which was seconded and carried. "
        + RESOLUTION,
        40,
    )
    content = text_ops(left, x=50, y=760, size=10) + b"\n" + text_ops(right, x=320, y=760, size=10)
    return assemble(document_objects([content]))


# --- text that is not text ------------------------------------------------------------------


def cid_font() -> bytes:
    """A Type0 font with Identity-H and no ToUnicode: the codes map to no characters."""
    glyphs = "".join(f"{0x24 + (i * 7) % 40:04X}" for i in range(400))
    lines = [f"<{glyphs[i : i + 160]}> Tj T*" for i in range(0, len(glyphs), 160)]
    content = ("BT /F1 10 Tf 13 TL 50 780 Td\n" + "\n".join(lines) + "\nET").encode()
    objects = document_objects([content])
    objects[2] = (
        b"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Calibri /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] >>"
    )
    objects.append(
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Calibri "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/FontDescriptor 7 0 R /DW 500 >>"
    )
    objects.append(
        b"<< /Type /FontDescriptor /FontName /ABCDEF+Calibri /Flags 32 "
        b"/FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 750 /Descent -250 /CapHeight 700 "
        b"/StemV 80 >>"
    )
    return assemble(objects)


def control_garbage() -> bytes:
    """Text drawn with byte codes below 32 in a simple font: control characters, not words."""
    junk = bytes((i * 13) % 31 + 1 for i in range(900))
    rows = [junk[i : i + 90] for i in range(0, len(junk), 90)]
    content = b"BT /F1 10 Tf 13 TL 50 780 Td\n"
    for row in rows:
        content += b"<" + row.hex().encode() + b"> Tj T*\n"
    content += b"ET"
    objects = document_objects([content])
    objects[2] = (
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
        b"/Encoding << /Differences [1 " + b" ".join(b"/c%d" % i for i in range(1, 32)) + b"] >> >>"
    )
    return assemble(objects)


def shifted_letters() -> bytes:
    """A font whose encoding is off by three letters: words become 'Wkh frxqflo ...'."""
    plain = (
        "The council agreed the budget for the coming year after a long debate about the "
        "library service, the leisure centre and the cost of repairing roads in the district. "
    ) * 4

    def shift(ch: str) -> str:
        if ch.islower():
            return chr((ord(ch) - 97 + 3) % 26 + 97)
        if ch.isupper():
            return chr((ord(ch) - 65 + 3) % 26 + 65)
        return ch

    garbled = "".join(shift(c) for c in plain)
    return make_pdf([_wrap(garbled, 80)])


def scanned_image() -> bytes:
    """One page painted with a grey image and no text at all."""
    pixels = zlib.compress(bytes((x * y) % 256 for y in range(200) for x in range(150)))
    objects = document_objects([b"q 595 0 0 842 0 0 cm /Im1 Do Q"])
    objects[3] = objects[3].replace(b"/Font << /F1 3 0 R >>", b"/XObject << /Im1 6 0 R >>")
    objects.append(
        stream(
            pixels,
            entries="/Type /XObject /Subtype /Image /Width 150 /Height 200 "
            "/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode ",
        )
    )
    return assemble(objects)


def blank_pages() -> bytes:
    return assemble(document_objects([b"", b""]))


def active_content() -> bytes:
    """JavaScript on open, a launch action on the page, and an attached file."""
    objects = document_objects([text_ops(["Active content: the visible page text."])])
    js = "app.alert('JAVASCRIPT RAN'); this.exportDataObject({cName: 'secret.txt'});"
    objects[0] = (
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R "
        b"/Names << /EmbeddedFiles << /Names [(secret.txt) 7 0 R] >> /JavaScript 9 0 R >> >>"
    )
    objects[3] = objects[3].replace(
        b"/Type /Page ", b"/Type /Page /AA << /O << /S /Launch /F (calc.exe) >> >> "
    )
    objects.append(f"<< /S /JavaScript /JS ({escape(js)}) >>".encode())  # 6
    objects.append(b"<< /Type /Filespec /F (secret.txt) /EF << /F 8 0 R >> >>")  # 7
    objects.append(stream(b"ATTACHMENT SECRET: do not extract", "/Type /EmbeddedFile "))  # 8
    objects.append(b"<< /Names [(opener) 6 0 R] >>")  # 9
    return assemble(objects)


# --- encryption (Standard security handler, revision 2, RC4 40-bit) --------------------------

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def encrypted(user_password: str, lines: list[str]) -> bytes:
    """RC4-encrypt the content streams as the PDF 1.3 Standard handler (R2) does."""
    file_id = hashlib.md5(b"agendas crafted " + user_password.encode()).digest()
    permissions = -4
    padded_user = (user_password.encode() + _PAD)[:32]
    owner_key = hashlib.md5((b"owner-secret" + _PAD)[:32]).digest()[:5]
    owner_entry = _rc4(owner_key, padded_user)
    key = hashlib.md5(padded_user + owner_entry + struct.pack("<i", permissions) + file_id).digest()
    key = key[:5]
    user_entry = _rc4(key, _PAD)
    content = text_ops(lines)
    object_key = hashlib.md5(key + (5).to_bytes(3, "little") + (0).to_bytes(2, "little")).digest()
    objects = document_objects([content])
    objects[4] = stream(_rc4(object_key[:10], content))
    objects.append(
        f"<< /Filter /Standard /V 1 /R 2 /Length 40 /P {permissions} "
        f"/O <{owner_entry.hex()}> /U <{user_entry.hex()}> >>".encode()
    )
    trailer = f"/Root 1 0 R /Encrypt 6 0 R /ID [<{file_id.hex()}> <{file_id.hex()}>]"
    return assemble(objects, trailer)


# --- the set ----------------------------------------------------------------------------------

GOOD_LINES = ["Ordinary pack: the committee noted the report."]


def build(out: Path) -> list[Case]:
    """Write every crafted file under `out` and return the cases (also in manifest.json)."""
    out.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []

    def add(name: str, data: bytes, case: Case) -> None:
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        cases.append(case)

    add(
        "damaged-xref.pdf",
        damaged_xref(),
        Case("damaged-xref.pdf", "ok", must_contain=["the budget was approved"]),
    )
    add(
        "damaged-xref-offsets.pdf",
        damaged_xref_offsets(),
        Case("damaged-xref-offsets.pdf", "ok", must_contain=["the audit plan was agreed"]),
    )
    add(
        "bad-length.pdf",
        bad_length(),
        Case("bad-length.pdf", "ok", must_contain=["the parking scheme was deferred"]),
    )
    add(
        "looping-prev.pdf",
        looping_prev(),
        Case("looping-prev.pdf", "ok", must_contain=["the minutes were signed"]),
    )
    add(
        "deep-nesting.pdf",
        deep_nesting(),
        Case("deep-nesting.pdf", "ok", must_contain=["the grant was awarded"]),
    )
    add(
        "garbage-prefix.pdf",
        garbage_prefix(),
        Case("garbage-prefix.pdf", "ok", must_contain=["the tree works were agreed"]),
    )
    add(
        "incremental-update.pdf",
        incremental_update(),
        Case(
            "incremental-update.pdf",
            "ok",
            must_contain=["the library hours were extended"],
            must_not_contain=["REJECTED"],
        ),
    )
    add(
        "page-tree-cycle.pdf",
        page_tree_cycle(),
        Case("page-tree-cycle.pdf", "ok", must_contain=["the page tree loops"]),
    )
    add(
        "corrupt-flate-page.pdf",
        corrupt_flate_page(),
        Case(
            "corrupt-flate-page.pdf",
            "partial",
            reason="page 2",
            must_contain=["Flate page 1", "Flate page 3"],
        ),
    )
    add(
        "truncated-head.pdf",
        truncated(0.08),
        Case("truncated-head.pdf", "failed", reason="truncated"),
    )
    add(
        "truncated-half.pdf",
        truncated(0.5),
        Case("truncated-half.pdf", "failed", reason="truncated"),
    )
    add("zero-pages.pdf", zero_pages(), Case("zero-pages.pdf", "failed", reason="no pages"))
    add("header-only.pdf", header_only(), Case("header-only.pdf", "failed", reason="corrupt PDF"))
    add(
        "not-a-pdf.pdf",
        b"Agenda notes\nthese are plain text\n",
        Case("not-a-pdf.pdf", "failed", reason="not a PDF"),
    )
    add("empty.pdf", b"", Case("empty.pdf", "failed", reason="empty file"))
    add(
        "web-page.pdf",
        b"<!DOCTYPE html>\n<html><head><title>Agenda</title></head><body>Not found</body></html>",
        Case("web-page.pdf", "failed", reason="HTML"),
    )
    add(
        "word-document.pdf",
        b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 200,
        Case("word-document.pdf", "failed", reason="ZIP"),
    )
    add(
        "long-line.pdf",
        long_line(),
        Case("long-line.pdf", "ok", must_contain=["LONGSTART", "LONGEND"]),
    )
    add(
        "huge-page.pdf",
        huge_page(),
        Case(
            "huge-page.pdf",
            "ok",
            must_contain=["the estates strategy was noted", "the meeting closed"],
        ),
    )
    add(
        "two-columns.pdf",
        two_columns(),
        Case("two-columns.pdf", "ok", must_contain=[RESOLUTION]),
    )
    add(
        "cid-font-no-unicode.pdf",
        cid_font(),
        Case(
            "cid-font-no-unicode.pdf",
            "ok",
            note="no Unicode map, but the glyphs the page shows are read by OCR",
        ),
    )
    add(
        "control-garbage.pdf",
        control_garbage(),
        Case("control-garbage.pdf", "partial", reason="unreadable text"),
    )
    add(
        "shifted-letters.pdf",
        shifted_letters(),
        Case("shifted-letters.pdf", "partial", reason="unreadable text"),
    )
    add(
        "scanned-image.pdf",
        scanned_image(),
        Case("scanned-image.pdf", "partial", reason="no text", note="OCR finds no text in it"),
    )
    add(
        "scanned-text.pdf",
        make_scan(SCANNED_LINES),
        Case(
            "scanned-text.pdf",
            "ok",
            must_contain=[SCANNED_LINES[5], "Held on Tuesday 3 September 2019"],
        ),
    )
    add("blank-pages.pdf", blank_pages(), Case("blank-pages.pdf", "partial", reason="no text"))
    add(
        "active-content.pdf",
        active_content(),
        Case(
            "active-content.pdf",
            "ok",
            must_contain=["the visible page text"],
            must_not_contain=["ATTACHMENT SECRET", "JAVASCRIPT RAN", "app.alert"],
        ),
    )
    add(
        "encrypted-empty-password.pdf",
        encrypted("", ["Encrypted, empty password: the accounts were approved."]),
        Case("encrypted-empty-password.pdf", "ok", must_contain=["the accounts were approved"]),
    )
    add(
        "encrypted-password.pdf",
        encrypted("s3cret", ["Encrypted with a password: NEVER READ."]),
        Case(
            "encrypted-password.pdf",
            "failed",
            reason="encrypted: password required",
            must_not_contain=["NEVER READ"],
        ),
    )
    # names a shell, a glob or an option parser could trip on
    for number, name in enumerate(
        [
            "name with spaces.pdf",
            "unicodé naïve 会議 – agenda.pdf",
            'quote\'s "double".pdf',
            "$(touch INJECTED).pdf",
            "-leading-dash.pdf",
            "UPPER CASE.PDF",
            "mixed.Pdf",
        ],
        start=1,
    ):
        add(
            name,
            _pdf([f"Odd file name {number}: the item was noted."]),
            Case(name, "ok", must_contain=["the item was noted"]),
        )
    dup = _pdf(["Duplicate bytes: the same pack saved twice."])
    add("dup-first.pdf", dup, Case("dup-first.pdf", "ok", must_contain=["saved twice"]))
    add(
        "copies/dup-second.pdf",
        dup,
        Case("copies/dup-second.pdf", "ok", must_contain=["saved twice"], same_as="dup-first.pdf"),
    )
    add(
        "loop/inside-loop.pdf",
        _pdf(["Inside a looping folder: found once."]),
        Case("loop/inside-loop.pdf", "ok", must_contain=["found once"]),
    )
    for link, target in [("loop/again", "."), ("loop/up", "..")]:
        if not (out / link).is_symlink():
            (out / link).symlink_to(target)
    add(
        "unreadable.pdf",
        _pdf(["Unreadable: permission denied."]),
        Case(
            "unreadable.pdf",
            "failed",
            reason="permission denied",
            note="as root the permission is not enforced: read normally",
        ),
    )
    (out / "unreadable.pdf").chmod(0)
    if not (out / "broken-link.pdf").is_symlink():
        (out / "broken-link.pdf").symlink_to("no-such-target.pdf")
    cases.append(Case("broken-link.pdf", "failed", reason="broken symbolic link"))
    if not (out / "pipe.pdf").exists():
        os.mkfifo(out / "pipe.pdf")  # reading it would block forever
    cases.append(Case("pipe.pdf", "failed", reason="not a regular file"))
    latin1 = os.fsdecode(b"latin1-caf\xe9.pdf")  # a name that is not UTF-8
    add(latin1, _pdf(["Latin-1 file name: the cafe licence was granted."]), Case(latin1, "ok"))
    cases[-1].must_contain = ["the cafe licence was granted"]
    (out / "manifest.json").write_text(json.dumps([asdict(c) for c in cases], indent=2))
    return cases


if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1].startswith("-"):
        sys.exit(__doc__)
    built = build(Path(sys.argv[1]))
    print(f"{len(built)} cases written to {sys.argv[1]}")
