"""Crafted PDFs for reading fidelity: each shows one way a reader can lose or garble text.

Written by hand from the PDF specification; what a reader must give for each is written in
the tests, from what a viewer shows, not from what the code produced.
"""

from __future__ import annotations

from tests.pdf_factory import assemble, document_objects, escape, stream, text_ops

AGENDA_LINES = [
    "Democratic Services",
    "Date of meeting: 5 March 2025",
    "1. Apologies for absence",
    "2. Declarations of interest",
    "3. Minutes of the last meeting",
    "4. Planning applications",
    "5. Any other business",
]

PRESENT = [
    "PRESENT:",
    "Cllr Ceri Davies (Chair)",
    "Cllr Alun Jones",
    "Cllr Mair Evans",
    "Cllr Huw Roberts",
    "Cllr Nia Lewis",
    "",
    "APOLOGIES:",
    "Cllr Gareth Price",
]

DECISION = [
    "RESOLVED: That application 24/0123 be",
    "approved subject to the conditions set out in",
    "the report of the Head of Planning, with an",
    "additional condition on hours of working so",
    "that no deliveries are made to the site before",
    "eight in the morning or after six in the",
    "evening on any weekday, and none at all on",
    "Sundays or on bank holidays in the year.",
    "The Chair thanked the officers for the report.",
]


def rotated_page() -> bytes:
    """A page with /Rotate 90 whose text is drawn horizontally in the page's own frame:
    a viewer turns the page, so the lines run down the screen, one below the other."""
    objects = document_objects([text_ops(AGENDA_LINES, x=60, y=780, size=11)])
    objects[3] = objects[3].replace(b"/Type /Page ", b"/Type /Page /Rotate 90 ")
    return assemble(objects)


def two_column_minutes() -> bytes:
    """Minutes set in two columns: the attendance list on the left, the decision on the right,
    at the same line spacing, so every left line sits on the baseline of a right line."""
    content = (
        text_ops(PRESENT, x=50, y=760, size=10) + b"\n" + text_ops(DECISION, x=250, y=760, size=10)
    )
    return assemble(document_objects([content]))


_IDENTITY_TO_UNICODE = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CMapName /Soft-Hyphen def
/CMapType 2 def
1 begincodespacerange
<00> <FF>
endcodespacerange
2 beginbfrange
<20> <7E> <0020>
<A0> <FF> <00A0>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end
"""


def soft_hyphen() -> bytes:
    """A word broken at a line end by a soft hyphen (U+00AD, code 0xAD with a ToUnicode map),
    as word processors write an optional hyphen: a viewer shows 'Llan-' then 'fair'."""
    lines = [
        "The meeting was held at the Memorial Hall, Llan\xad",
        "fair, and the minutes were signed by the Chair.",
    ]
    ops = ["BT", "/F1 11 Tf", "14 TL", "60 780 Td"]
    ops += [f"({escape(line)}) Tj T*" for line in lines]
    ops.append("ET")
    objects = document_objects(["\n".join(ops).encode("latin-1")])
    objects[2] = (
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding "
        b"/ToUnicode 6 0 R >>"
    )
    objects.append(stream(_IDENTITY_TO_UNICODE))
    return assemble(objects)


FORM_LABELS = ["MEETING INFORMATION", "Date/Time:", "Location/Address:", "MEETING AGENDA"]
FORM_VALUES = {"DateTime": "June 6, 2023 5:30 pm", "Location": "Maggie Daley Fieldhouse"}


def form_fields() -> bytes:
    """An agenda template whose date and venue are typed into form fields: the values live in
    the fields (/V), not in the page's content stream, and the fields have no appearance
    stream (the viewer draws them, as with /NeedAppearances)."""
    content = text_ops(FORM_LABELS, x=60, y=700, size=12)
    objects = document_objects([content])
    # label rows are 12 * 14 / 11 pt apart; each field sits right of its label, on its row
    step = 12 * 14 / 11
    widgets = []
    for index, (name, value) in enumerate(FORM_VALUES.items(), start=1):
        baseline = 700 - index * step
        rect = f"200 {baseline - 4:.2f} 450 {baseline + 12:.2f}"
        widgets.append(
            f"<< /Type /Annot /Subtype /Widget /FT /Tx /T ({name}) /V ({escape(value)}) "
            f"/Rect [{rect}] /F 4 /DA (/Helv 12 Tf 0 g) /P 4 0 R >>".encode()
        )
    first_widget = len(objects) + 1
    ids = [first_widget + i for i in range(len(widgets))]
    refs = " ".join(f"{i} 0 R" for i in ids)
    objects[3] = objects[3][:-2] + f" /Annots [{refs}] >>".encode()
    objects.extend(widgets)
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    helv = len(objects)
    objects[0] = (
        f"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [{refs}] "
        f"/NeedAppearances true /DA (/Helv 0 Tf 0 g) /DR << /Font << /Helv {helv} 0 R >> >> "
        f">> >>"
    ).encode()
    return assemble(objects)


def spaced_letters(lines: list[str] | None = None, tracking: float = 0.0) -> bytes:
    """Every character shown by its own text object, as some PDF generators write them,
    `tracking` points apart beyond the letters' own widths."""
    lines = lines or ["Regular Meeting of the City Council", "Tuesday, January 10, 2023"]
    ops = []
    y = 780.0
    for line in lines:
        x = 60.0
        for char in line:
            if char != " ":
                ops.append(f"BT /F1 11 Tf {x:.3f} {y:.2f} Td ({escape(char)}) Tj ET")
            x += HELVETICA_WIDTHS[char] * 11 / 1000 + tracking
        y -= 14
    return assemble(document_objects(["\n".join(ops).encode("latin-1")]))


# advance widths of Helvetica (its AFM file), per 1000 units of font size
HELVETICA_WIDTHS = {
    **dict.fromkeys("abdeghnopqu0123456789", 556),
    **dict.fromkeys("ckvsxyzJ", 500),
    **dict.fromkeys("fijlt ,.:I", 278),
    **{"i": 222, "j": 222, "l": 222, "m": 833, "r": 333, "w": 722},
    **dict.fromkeys("ABEKPSVXY", 667),
    **dict.fromkeys("CDHNRU", 722),
    **dict.fromkeys("GOQ", 778),
    **dict.fromkeys("FTZ", 611),
    **{"L": 556, "M": 833, "W": 944},
}
