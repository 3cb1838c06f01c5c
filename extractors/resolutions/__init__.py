"""Decisions recorded in minutes, one row per decision, each under its minute.

Five forms, tried per minute in this order:
- board resolutions closed by a vote line ("Therefore be it resolved that X; and ..." /
  "Vote: Unanimous, with 39 Board members in favor."), found over the whole segment: the
  first resolved clause (with its list when it only leads in to one), outcome and counts;
- RESOLVED blocks: the text after "RESOLVED", one row per numbered or lettered
  sub-resolution ("1.", "(a)", "A)"), or one row when the block is not numbered; a lead-in
  such as "that Cabinet agree to:" before the sub-resolutions is not itself a decision;
- motions with a printed vote ("RESULT: APPROVED [UNANIMOUS]", "AYES: ...", "NAYS: ..."):
  the motion sentence before the vote, else the consent items it decides, else the minute;
- motions recorded in prose, found over the whole segment ("Motion to approve X was made by
  A, seconded by B. All were in favor.", "Councilor A moved to X. Councilor B seconded.",
  "Moved by: A Seconded by: B That X. Carried.", "It was proposed by A, seconded by B, that
  X. Agreed unanimously."): the moved clause, when a seconder or an outcome closes it (a
  clause ending "with the following amendment." takes the numbered list printed below its
  vote); a segment not classified as minutes that records such motions is read for them too;
- in a minute with none of the first three, sentences that record a decision ("It was
  agreed that ...", "The Panel agreed ...", "Recommendations 1.1 and 1.2 were agreed",
  "Councillors resolved to pay", "were confirmed as a true record", "have no objections", "A
  consensus was reached"); consecutive decision sentences of one paragraph are one decision.
  Beside a recorded motion, such sentences outside the motion count too when they say who
  decided. A mover and seconder printed after a sentence ("– A (motion), B (second)",
  "Proposed: A 2nd: B") mark it as voted on; they are cut from its text and kept as
  moved_by / seconded_by.

One module per form: `board_votes` (board resolutions closed by a vote line), `resolved`
(RESOLVED blocks), `vote_blocks` (motions with a printed vote), `motions` (motions recorded
in prose), `decision_sentences` (sentences that record a decision), all on the paragraphs
and `Decision` record of `paragraphs`. This module orders them per minute, links each
decision to its meeting and agenda item, and registers the extractor.

May import: other extractors, `extractors.common` and `pipeline.models`.
"""

from __future__ import annotations

from extractors.common.base import ExtractionContext, Extractor, register
from extractors.common.minutes_layout import (
    Minute,
    MinutesDocument,
    minutes_segments,
    parse_minutes,
)
from extractors.common.motion_people import motion_people
from extractors.common.text import provenance
from extractors.meetings.minutes import meeting_key
from extractors.resolutions.board_votes import _header_sentence_decisions, _voted_resolutions
from extractors.resolutions.decision_sentences import _sentence_decisions
from extractors.resolutions.motions import _mentions_motions, _segment_motions
from extractors.resolutions.paragraphs import Decision
from extractors.resolutions.resolved import _resolved_decisions
from extractors.resolutions.vote_blocks import _motion_decisions
from pipeline.models import ResolutionRecord


def minute_decisions(
    minute: Minute, motions: list[Decision] | None = None, voted: list[Decision] | None = None
) -> list[Decision]:
    found = voted or _resolved_decisions(minute) or _motion_decisions(minute)
    if found:
        return found
    if not motions:
        return _sentence_decisions(minute)
    # a minute recording a motion may record other decisions in sentences beside it
    sentences = _sentence_decisions(minute, tuple(d.record for d in motions))
    return sorted([*motions, *sentences], key=_position)


def _position(decision: Decision) -> tuple[int, float]:
    first = decision.lines[0]
    return first.page.number, first.line.top


def _same_meeting_item(ctx: ExtractionContext, document: MinutesDocument, minute: Minute):
    """The pack's agenda item for this minute, when the minutes are of the pack's meeting."""
    key = meeting_key(document)
    minutes_meeting = next((m for m in ctx.found.meetings if m.key == key), None)
    agenda = next((m for m in ctx.found.meetings if m.kind == "agenda"), None)
    if not minutes_meeting or not agenda or not agenda.date_text:
        return None
    if minutes_meeting.date_text != agenda.date_text:
        return None
    return minute.agenda_item or minute.number


@register
class ResolutionsExtractor(Extractor):
    name = "resolutions.v1"

    def extract(self, ctx: ExtractionContext) -> None:
        minutes = minutes_segments(ctx)
        for segment in ctx.segments():
            if segment not in minutes and not _mentions_motions(ctx.pages_of(segment)):
                continue  # reports and appendices: no record of a motion to read
            document = parse_minutes(ctx, segment)
            key = meeting_key(document)
            motions = _segment_motions(document)
            voted = _voted_resolutions(document)
            if segment not in minutes:  # a record of motions put to a vote is minutes too
                decided = [(None, d) for found in motions.values() for d in found]
                decided.sort(
                    key=lambda pair: (pair[1].lines[0].page.number, pair[1].lines[0].line.top)
                )
            else:
                in_header = voted.get(-1) or motions.get(-1, [])
                if voted.get(-1):
                    in_header = sorted(
                        [*in_header, *_header_sentence_decisions(document, voted[-1])],
                        key=_position,
                    )
                decided = [(None, d) for d in in_header]
                for index, minute in enumerate(document.minutes):
                    item = _same_meeting_item(ctx, document, minute)
                    found = minute_decisions(minute, motions.get(index), voted.get(index))
                    decided += [(item, d) for d in found]
            for item, decision in decided:
                minute = decision.minute
                first = decision.lines[0]
                mover, seconder = decision.moved_by, decision.seconded_by
                if mover is None and seconder is None:
                    mover, seconder = motion_people(" ".join(ml.text for ml in decision.lines))
                on_page = [ml.line for ml in decision.lines if ml.page is first.page]
                ctx.found.resolutions.append(
                    ResolutionRecord(
                        meeting_key=key,
                        item_number=item,
                        minute_number=decision.number or minute.number,
                        item_title=decision.title or minute.title or None,
                        text=decision.text,
                        outcome=decision.outcome,
                        votes_for=decision.votes.get("for"),
                        votes_against=decision.votes.get("against"),
                        votes_abstain=decision.votes.get("abstain"),
                        moved_by=mover,
                        seconded_by=seconder,
                        provenance=provenance(
                            first.page, on_page, "\n".join(ml.text for ml in decision.lines)
                        ),
                        extractor=self.name,
                    )
                )
