"""Money figures: the amount parser on real snippets and generated text, the table rules on
corpus pages, and the stored rows end to end."""

from __future__ import annotations

from decimal import Decimal
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.common.amounts import find_amounts, parse_cell_number
from extractors.money import Hit, dollar_currency, find_money
from pipeline.extract import extract_document
from tests.conftest import read_corpus, segment_corpus

D = Decimal


def values(text: str, dollar: str = "USD") -> list[tuple[Decimal, str]]:
    return [(a.value, a.currency) for a in find_amounts(text, dollar)]


# --- the amount parser, on snippets from the corpus ------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 000 (Cheshire East), item 5 costs table and prose
        (
            "Domestic Abuse Family Safety Unit (IDVA, MARAC, Hub functions, training lead) £325k",
            [D(325000)],
        ),
        ("This will be in the region of £40k this year.", [D(40000)]),
        ("CCGs £26.5k", [D(26500)]),
        ("Home Office £27,5k", [D(27500)]),  # a decimal comma before the scale
        ("TOTAL £193.75k", [D(193750)]),
        # Kent Cabinet minutes and reports
        ("a reduction of £1.9 million", [D(1900000)]),
        ("forecast capital underspend of £111.6m.", [D(111600000)]),
        ("Capital Strategy of £40million", [D(40000000)]),
        # 000: "£1.98 billion", "£1bn"; 001: "£47 million"
        ("the Better Care Fund of £1.98 billion", [D(1980000000)]),
        ("a further £1bn", [D(1000000000)]),
        ("it is expected that we will need to save a further £47 million", [D(47000000)]),
        # Milburn agenda and Sutton Coldfield grants
        ("K & A Thompson & Son - Larch for seat repairs £ 48.00", [D(48)]),
        ("Invoice received from G & A M Johnston £1033.00 for grass cutting,", [D(1033)]),
        ("Subscription of 1p to join and there is no subsequent fee", [D("0.01")]),
        ("Total: £1,000", [D(1000)]),
        # 004: a dot before three digits and no scale is a thousands separator
        ("CORE IDVA/MARAC £27.500 Home Office", [D(27500)]),
        # Kent finance monitoring: signs kept
        (
            "Underspends are being reported in Children, Young People & Education Department "
            "(-£9.9m), Chief Executive's",
            [D(-9900000)],
        ),
        ("Overspends are being reported in Adult Social Care & Health (+£35.4m)", [D(35400000)]),
    ],
)
def test_amounts_in_real_snippets(text, expected):
    assert [value for value, _ in values(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "It is estimated that Cheshire East has 600+ high risk victims",
        "1 million victims of domestic abuse",  # a count
        "with circa 1.9m resident population",  # Kent devolution paper: a count
        "The 5k route is enough to challenge the fittest of individuals",  # Sutton: a run
        "which represents 1.6% of the revenue budget",
        "Revenue and Capital Budget Monitoring Report – November 2024-25 (Pages 11 - 84)",
        "Tel: 03000 419601",
        "approximately 175,000 pounds of sludge dewatering polymer",  # Omaha: a weight
        "Date of the next meeting 12th November",
        "Time: 2.00 pm",
    ],
)
def test_not_money(text):
    assert find_amounts(text) == []


def test_currencies_and_dollars_of_the_document():
    assert values("in the amount of $29,600.00 for the") == [(D("29600.00"), "USD")]
    assert values("a grant of $5,000", dollar="CAD") == [(D(5000), "CAD")]
    assert values("US$2m and C$3m and €40 and EUR 3,000") == [
        (D(2000000), "USD"),
        (D(3000000), "CAD"),
        (D(40), "EUR"),
        (D(3000), "EUR"),
    ]
    assert values("one hundred dollars") == []  # spelled-out amounts are not read
    assert values("Five Thousand and 00/100 Dollars ($25,000.00) is approved") == [
        (D("25000.00"), "USD")
    ]


def test_ranges_give_one_row_per_end():
    low, high = find_amounts("a gap of £5-10m over three years")
    assert (low.value, low.range_end, high.value, high.range_end) == (
        D(5000000),
        "low",
        D(10000000),
        "high",
    )
    assert low.raw == high.raw == "£5-10m"
    # Omaha: a pay range with the currency on both ends
    assert [a.value for a in find_amounts("from 26 AEC ($78,943-$96,343) to 23.1")] == [
        D(78943),
        D(96343),
    ]
    # Bronx: the low end takes the high end's scale
    assert [a.value for a in find_amounts("a value of $4.4 to $5 million")] == [
        D(4400000),
        D(5000000),
    ]
    # a figure followed by a date is not a range
    assert [a.value for a in find_amounts("£5-10 July")] == [D(5)]


def test_column_headers_are_not_amounts():
    assert find_amounts("All figures in £000s") == []
    assert find_amounts("£'000") == []


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("75,000", (D(75000), False)),
        ("(20)", (D(-20), False)),  # an accounting negative
        ("-0.020", (D("-0.020"), False)),  # a saving in a £m column
        ("+4.727m", (D(4727000), True)),
        ("+ 23.3", (D("23.3"), False)),
        ("6.0%", None),
        ("2024-25", None),
        ("Corporate", None),
    ],
)
def test_table_cells(cell, expected):
    assert parse_cell_number(cell) == expected


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_the_parser_never_fails_on_arbitrary_text(text):
    for amount in find_amounts(text):
        assert text[amount.start : amount.end] == amount.raw or amount.range_end
        assert abs(amount.value) < D(10) ** 15
    parse_cell_number(text)


SCALES = {"k": D(1000), "m": D(10) ** 6, "bn": D(10) ** 9}


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=0, max_value=10**5),
    st.integers(min_value=0, max_value=99),
    st.booleans(),
    st.booleans(),
    st.sampled_from(sorted(SCALES)),
)
def test_scaled_amounts_round_trip(units, hundredths, with_decimals, grouped, suffix):
    number = f"{units:,}" if grouped else str(units)
    value = D(units)
    if with_decimals:
        number += f".{hundredths:02d}"
        value += D(hundredths) / 100
    (amount,) = find_amounts(f"a budget of £{number}{suffix} for 2025")
    assert amount.value == value * SCALES[suffix]
    assert amount.raw == f"£{number}{suffix}"
    assert amount.currency == "GBP"


# --- pages of the corpus ----------------------------------------------------------------------


@cache
def money_of(stem: str) -> list[Hit]:
    return find_money(read_corpus(stem))


def on_page(stem: str, page: int) -> list[Hit]:
    return [hit for hit in money_of(stem) if hit.page.number == page]


def test_amount_column_with_a_total_in_pounds():
    """000 page 12: 'Agency | Amount' with bare 75,000 ... and 'TOTAL £111,345'."""
    page = on_page("000_de16defd1125f27f", 12)
    implicit = [(h.raw, h.value) for h in page if h.implicit]
    assert implicit == [("75,000", D(75000)), ("9,750", D(9750)), ("26,595", D(26595))]
    total = next(h for h in page if h.raw == "£111,345")
    assert not total.implicit
    assert total.context == "TOTAL | £111,345"


def test_sign_on_the_line_above_its_number_and_bare_cells_in_a_pound_column():
    """000 page 54: '£' / '234,954.15' in one cell; '40,000' under £ figures."""
    page = on_page("000_de16defd1125f27f", 54)
    joined = next(h for h in page if h.value == D("234954.15"))
    assert not joined.implicit and joined.raw == "£ 234,954.15" and len(joined.lines) == 2
    bare = {h.raw for h in page if h.implicit}
    assert {"40,000", "74,163", "16,000", "5,000"} <= bare
    assert "£XXX" not in {h.raw for h in page}


def test_three_decimals_take_the_scale_of_their_neighbours():
    """000 page 72: '£11.326' below '£10.481m (South CCG) £0.845m (CEC)' is £11.326m."""
    page = on_page("000_de16defd1125f27f", 72)
    assert next(h for h in page if h.raw == "£11.326").value == D(11326000)


def test_bare_thousands_in_money_prose():
    """004: '(300k p.a.)' and '= ±260k (plus ...)' are money; Sutton's '5k route' is not."""
    raws = {(h.raw, h.value) for h in money_of("004_d846ccc318364117") if h.implicit}
    assert raws == {("300k", D(300000)), ("260k", D(260000))}
    sutton = money_of("sutton-coldfield-tc-alcs-committee-2018-03-13-grant-applications-report")
    assert not [h for h in sutton if h.raw == "5k"]


def test_budget_and_amount_requested_columns():
    """Sutton: '2017-18 Budget' over 25,000 per ward; 'Amount / Requested' over
    'Total = 868.23' printed at the end of a merged line."""
    stem = "sutton-coldfield-tc-alcs-committee-2018-03-13-grant-applications-report"
    assert [h.raw for h in on_page(stem, 1) if h.implicit] == ["25,000"] * 4
    assert [(h.raw, h.value) for h in on_page(stem, 6) if h.implicit] == [("868.23", D("868.23"))]


def test_savings_columns_in_millions():
    """002 page 72: '2021/22 £m' columns; '-0.020' is a saving of £20,000."""
    page = on_page("002_f8fc1ac79f48ba23", 72)
    census = [h for h in page if "Census 2021" in h.context]
    assert [(h.raw, h.value, h.implicit) for h in census] == [("-0.020", D(-20000), True)]
    assert all(h.currency == "GBP" for h in page)


def test_impact_column_headed_in_pounds_with_suffixed_cells():
    """001 page 25: 'Financial Impact (£)' over cells such as '-0.450m'."""
    page = on_page("001_965a62ee09f95341", 25)
    assert [h.value for h in page if h.implicit][:3] == [D(4727000), D(-450000), D(-947000)]


def test_dollar_currency_of_a_document():
    assert dollar_currency(read_corpus("nipissing-township-2023-03-21-agenda")) == "CAD"
    assert dollar_currency(read_corpus("milburn-pc-2019-09-03-agenda")) == "USD"


def test_provenance_points_at_the_figure():
    hit = next(h for h in on_page("000_de16defd1125f27f", 12) if h.raw == "£325k")
    line = hit.page.lines[hit.lines[0]]
    assert line.x0 <= hit.x0 < hit.x1 <= line.x1 + 0.01
    assert hit.x0 > 400  # the Cost column, not the whole row
    assert "Domestic Abuse Family Safety Unit" in hit.context


def test_records_link_to_the_item_whose_papers_or_row_hold_them():
    """Milburn: payments printed under item 9 of the front sheet; 000: a report of item 5."""
    stem = "milburn-pc-2019-09-03-agenda"
    found = extract_document(read_corpus(stem), segment_corpus(stem))
    assert [(m.raw, m.item_number) for m in found.money] == [
        ("£ 48.00", "9"),
        ("£105.00", "9"),
        ("£5", "9"),
    ]
    stem = "000_de16defd1125f27f"
    found = extract_document(read_corpus(stem), segment_corpus(stem))
    record = next(m for m in found.money if m.raw == "£325k")
    assert record.item_number == "5"
    assert (record.provenance.page, record.provenance.page_label) == (12, "Page 9")


# --- end to end -------------------------------------------------------------------------------


def test_money_rows_in_the_database(corpus_con):
    row = corpus_con.execute(
        """SELECT m.amount, m.currency, m.implicit, m.range_end, m.page, a.number, m.extractor
           FROM money m JOIN documents d USING (document_id)
           LEFT JOIN agenda_items a ON a.item_id = m.item_id
           WHERE d.file_name = '000_de16defd1125f27f.pdf' AND m.raw = '£325k'"""
    ).fetchone()
    assert row == (D("325000.00"), "GBP", False, None, 12, "5", "money.v1")


def test_all_figures_in_millions_in_the_database(corpus_con):
    """Kent finance monitoring page 6, under 'All figures in £m': budgets, not percentages."""
    rows = corpus_con.execute(
        """SELECT raw, amount FROM money m JOIN documents d USING (document_id)
           WHERE d.file_name LIKE 'kent-cc-cabinet-2025-01-30-finance-monitoring%'
             AND m.page = 6 AND m.context LIKE 'Adult Social Care & Health |%'
           ORDER BY m.x0"""
    ).fetchall()
    assert rows == [
        ("586.1", D("586100000.00")),
        ("621.6", D("621600000.00")),
        ("+35.4", D("35400000.00")),
    ]
    counts = corpus_con.execute(
        """SELECT count(*) FROM money m JOIN documents d USING (document_id)
           WHERE d.file_name LIKE 'kent-cc-cabinet-2025-01-30-finance-monitoring%'
             AND m.page = 27 AND m.context LIKE 'Total Number of Pupils%'"""
    ).fetchone()
    assert counts == (0,)  # pupil numbers beside a table in £m are counts
