"""Build small PDFs byte by byte, so tests can craft exactly the input they need."""

from __future__ import annotations

HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def text_ops(lines: list[str], x: float = 60, y: float = 780, size: float = 11) -> bytes:
    """Content-stream operators that show `lines` in font /F1, top down from (x, y)."""
    ops = ["BT", f"/F1 {size:g} Tf", f"{size * 14 / 11:g} TL", f"{x:g} {y:g} Td"]
    ops.extend(f"({escape(line)}) Tj T*" for line in lines)
    ops.append("ET")
    return "\n".join(ops).encode("latin-1")


def stream(data: bytes, entries: str = "", length: int | None = None) -> bytes:
    """A stream object body; `length` overrides the true /Length (to craft a bad one)."""
    size = len(data) if length is None else length
    return b"<< /Length %d %s>>\nstream\n" % (size, entries.encode()) + data + b"\nendstream"


def assemble(objects: list[bytes], trailer: str = "/Root 1 0 R", version: str = "1.4") -> bytes:
    """Number `objects` from 1, write them with a cross-reference table and a trailer."""
    out = bytearray(f"%PDF-{version}\n%\xe2\xe3\xcf\xd3\n".encode("latin-1"))
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref_at = len(out)
    out += f"xref\n0 {len(offsets) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(offsets) + 1} {trailer} >>\n".encode()
    out += f"startxref\n{xref_at}\n%%EOF\n".encode()
    return bytes(out)


def page_objects(
    contents: list[bytes], media_box: str = "0 0 595 842", first_id: int = 4
) -> list[bytes]:
    """Page and content objects (numbered from `first_id`, in pairs) for the given streams."""
    objects = []
    for index, content in enumerate(contents):
        content_id = first_id + 2 * index + 1
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [{media_box}] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {content_id} 0 R >>".encode()
        )
        objects.append(stream(content))
    return objects


def document_objects(contents: list[bytes], media_box: str = "0 0 595 842") -> list[bytes]:
    """Catalog (1), page tree (2), Helvetica (3), then one page + content pair per stream."""
    page_ids = [4 + 2 * i for i in range(len(contents))]
    kids = " ".join(f"{pid} 0 R" for pid in page_ids)
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {len(contents)} >>".encode(),
        HELVETICA,
        *page_objects(contents, media_box),
    ]


def make_pdf(pages: list[list[str]], encrypt: bool = False) -> bytes:
    """A PDF whose pages each show the given lines in Helvetica 11pt, top down.

    With encrypt=True the trailer names a Standard security handler whose password check
    fails for the empty password, as a document locked with a user password does.
    """
    objects = document_objects([text_ops(lines) for lines in pages])
    trailer = "/Root 1 0 R"
    if encrypt:
        objects.append(
            f"<< /Filter /Standard /V 1 /R 2 /P -4 /O <{'ab' * 32}> /U <{'cd' * 32}> >>".encode()
        )
        trailer += f" /Encrypt {len(objects)} 0 R /ID [<{'01' * 16}> <{'01' * 16}>]"
    return assemble(objects, trailer)


SCANNED_LINES = [
    "MINUTES OF THE PARISH COUNCIL MEETING",
    "Held on Tuesday 3 September 2019 at 7.30 pm in the Village Hall",
    "Present: Councillors Ann Smith (Chair), Bill Jones and Carol White",
    "19/101 Apologies were received from Councillor David Brown.",
    "19/102 Accounts: the payments listed were approved, total £1,250.00",
    "RESOLVED: that the grass cutting contract be renewed for one year.",
    "19/103 The meeting closed at 9.05 pm.",
]


def make_scan(lines: list[str], turn: int = 0, skew: float = 0.0, dpi: int = 150) -> bytes:
    """A page of text as a scanner gives it: an image only (no text layer), optionally fed
    turned `turn` degrees clockwise or `skew` degrees askew."""
    import io

    import pypdfium2
    from PIL import Image

    document = pypdfium2.PdfDocument(make_pdf([lines]))
    image = document[0].render(scale=dpi / 72, grayscale=True).to_pil()
    document.close()
    if skew:
        image = image.rotate(-skew, resample=Image.BICUBIC, fillcolor=255)
    if turn:
        image = image.rotate(-turn, expand=True)
    out = io.BytesIO()
    image.save(out, "PDF", resolution=dpi)
    return out.getvalue()


def make_stamped_scan(lines: list[str], stamp: str, dpi: int = 150) -> bytes:
    """A scanned page (an image of `lines`, no text of its own) on which the publisher
    stamped `stamp` as real text at the foot of the page, as agenda packs number their
    scanned appendices."""
    import zlib

    import pypdfium2

    document = pypdfium2.PdfDocument(make_pdf([lines]))
    image = document[0].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    document.close()
    width, height = image.size
    content = b"q 595 0 0 842 0 0 cm /Im1 Do Q\n" + text_ops([stamp], x=280, y=30)
    objects = document_objects([content])
    objects[3] = objects[3].replace(
        b"/Font << /F1 3 0 R >>", b"/Font << /F1 3 0 R >> /XObject << /Im1 6 0 R >>"
    )
    objects.append(
        stream(
            zlib.compress(image.tobytes()),
            entries=f"/Type /XObject /Subtype /Image /Width {width} /Height {height} "
            "/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode ",
        )
    )
    return assemble(objects)
