"""The timeline picture's geometry: gaps, label lanes, windows that move with the dossier."""
from __future__ import annotations

from datetime import date

from report_sample import sample_report

from audit.model import Event, Timeline
from audit.report.timeline import (CHAR_WIDTH, moments_from_vocab, sollicitatie_cells, sollicitatie_span)
from audit.report.view import bundled_checklists, report_view


def test_gap_longer_than_the_norm_is_marked_long():
    cells = sollicitatie_cells({10, 11, 17, 18}, (10, 20), 4, 30)
    assert cells[9:11] == ["soll", "soll"]
    assert cells[11:16] == ["gap long"] * 5  # weeks 12-16: five weeks
    assert cells[18:20] == ["gap", "gap"]  # weeks 19-20: two weeks, within the norm
    assert cells[:9] == ["idle"] * 9 and cells[20:] == ["idle"] * 10


def test_span_runs_from_track2_start_to_peildatum():
    t = Timeline(date(2023, 1, 2), (Event("spoor2_start", None, 55), Event("sollicitatie", date(2024, 2, 5), None)))
    weeks, span = sollicitatie_span(t.events, t, date(2024, 6, 3), 104)
    assert weeks == {58} and span == (55, 75)  # 399 days: week 58
    assert sollicitatie_span((), Timeline(None), None, 104) == (frozenset(), None)


def test_labels_in_one_lane_never_overlap():
    picture = report_view(sample_report()).picture
    by_lane: dict[float, list] = {}
    for label in picture.labels:
        if label.cls.startswith("lbl"):
            by_lane.setdefault(label.y, []).append(label)
    for labels in by_lane.values():
        spans = sorted((lb.x - (len(lb.text) * CHAR_WIDTH if lb.anchor == "end" else 0),
                        lb.x + (len(lb.text) * CHAR_WIDTH if lb.anchor != "end" else 0)) for lb in labels)
        for (_, end), (start, _) in zip(spans, spans[1:]):
            assert end <= start


def test_weeks_come_from_the_rule_params_and_move_with_the_eje():
    checklists = bundled_checklists()
    vocab = checklists.vocab["timeline"]
    fake_rules = {"deadline.probleemanalyse": {"params": {"max_week": 7}},
                  "deadline.spoor2_start": {"params": {"max_days_after_eje": 56}}}
    t = Timeline(date(2023, 1, 2), (Event("eerstejaarsevaluatie", None, 48),))
    moments = {m.key: m for m in moments_from_vocab(vocab, fake_rules, t.events, t, "en")}
    assert (moments["probleemanalyse"].first, moments["probleemanalyse"].last) == (7, 7)
    assert (moments["spoor2_start"].first, moments["spoor2_start"].last) == (48, 56)
    assert moments["probleemanalyse"].label == "Problem analysis"


def test_table_groups_sollicitaties_in_consecutive_weeks():
    report = sample_report()
    rows = [r for r in report_view(report).timeline_rows if r.label.startswith("Sollicitatie")]
    soll = sorted(e.week for e in report.timeline.events if e.event == "sollicitatie")
    runs, start = [], soll[0]
    for prev, week in zip(soll, soll[1:] + [None]):
        if week != prev + 1:
            runs.append(f"{start}–{prev}" if prev != start else str(start))
            start = week
    assert [r.weeks for r in rows] == runs
    assert sum(int(r.label.split("(")[1].rstrip(")")) for r in rows) == len(soll)
