"""UK motions recorded as "It was proposed by A, seconded by B, that X. Agreed unanimously.",
and the decision sentences printed beside such a motion in the same minute.

The lines are those of minute 14/041 on page 2 of the scanned Horsley Parish Council minutes
of 18 March 2014 (transcription in corpus/ocr/horsley-pc-2014-03-18-minutes.p2.txt, checked
by hand against the rendered page); the boxes are a full-width text column.
"""

from __future__ import annotations

from extractors.common.minutes_layout import Minute, MinuteLine
from extractors.resolutions import minute_decisions
from extractors.resolutions.motions import _recorded_motions
from pipeline.models import Line, Page, Span

MINUTE_14_041 = [
    "discussion on the way forward, the group felt it needed the services of a professional",
    "consultant to assist them and some alternatives and price quotations were considered",
    "before finally deciding on one. It was proposed by Cllr Howells, seconded by Cllr",
    "Hackett, that Council retain the services of Pegasus to act as planning consultants for the",
    "initial part of the procedure which would require a budget amount of £1200. Agreed",
    "unanimously. It was agreed the group should arrange a meeting immediately with the",
    "consultant to decide the next step.",
    "The chairman thanked the working group for its efforts so far.",
]


def _minute() -> Minute:
    page = Page(number=2, width=595.0, height=842.0, lines=[])
    body = []
    for row, text in enumerate(MINUTE_14_041):
        top = 100.0 + 15 * row
        x1 = 540.0 if row not in (6, 7) else 300.0
        span = Span(x0=56, top=top, x1=x1, bottom=top + 12, text=text)
        line = Line(
            x0=56, top=top, x1=x1, bottom=top + 12, text=text, size=11, bold=False, spans=[span]
        )
        page.lines.append(line)
        body.append(MinuteLine(page, line, text))
    return Minute(number="14/041", title="Nupend Farm Development", heading=[], body=body)


def test_proposed_and_seconded_motion_closed_by_agreed_unanimously():
    minute = _minute()
    [motion] = _recorded_motions(minute.body, minute)
    assert motion.text == (
        "that Council retain the services of Pegasus to act as planning consultants for the "
        "initial part of the procedure which would require a budget amount of £1200."
    )
    assert (motion.moved_by, motion.seconded_by, motion.outcome) == (
        "Cllr Howells",
        "Cllr Hackett",
        "carried",
    )


def test_decision_sentence_beside_the_motion_is_kept_and_its_outcome_is_not():
    minute = _minute()
    motions = _recorded_motions(minute.body, minute)
    texts = [d.text for d in minute_decisions(minute, motions)]
    assert texts == [
        motions[0].text,
        "It was agreed the group should arrange a meeting immediately with the consultant to "
        "decide the next step.",
    ]


def test_beside_a_motion_a_thing_said_to_be_approved_is_not_a_decision():
    """Rivergrove City Council minutes, 10 December 2018, page 4 (text layer): a question in
    the discussion of a minute whose decisions are recorded motions."""
    minute = _minute()
    question = (
        "Councilor Tuttle asked if there is there a statute of limitation to appeal the "
        "ordinance if it were approved."
    )
    minute.body[-1] = MinuteLine(minute.body[-1].page, minute.body[-1].line, question)
    motions = _recorded_motions(minute.body, minute)
    texts = [d.text for d in minute_decisions(minute, motions)]
    assert question not in texts
