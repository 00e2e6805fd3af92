"""The HTML report: self-contained, escaped, verdict first, findings worst first, the timeline
drawn from the checklists' weeks, every quote with its document and page, both languages."""
from __future__ import annotations

import re
from datetime import date
from dataclasses import replace

import lxml.html
import pytest
from report_sample import empty_report, sample_report

from audit.model import Evidence, Finding
from audit.report import render
from audit.report.texts import dutch_only_texts
from audit.report.timeline import PLOT_LEFT, PLOT_RIGHT
from audit.report.view import bundled_checklists, component_title, rule_text

EXTERNAL = re.compile(r"(?:src|href|xlink:href|action|poster|srcset)\s*=", re.I)


def html_of(report, lang="nl") -> str:
    return render(report, "html", lang).decode("utf-8")


def tree_of(report, lang="nl"):
    return lxml.html.fromstring(html_of(report, lang))


@pytest.mark.parametrize("report", [sample_report(), empty_report()], ids=["full", "empty"])
def test_self_contained_nothing_to_fetch(report):
    html = html_of(report)
    assert not EXTERNAL.search(html), "no attribute may point at a resource"
    assert "<script" not in html and "<link" not in html and "<img" not in html
    assert "url(" not in html and "@import" not in html and "@font-face" not in html
    tree = lxml.html.fromstring(html)
    csp = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert csp and "default-src 'none'" in csp[0]


def test_text_from_documents_is_escaped():
    report = sample_report()
    html = html_of(report)
    assert "<b>&amp;</b>" not in html and "<test>" not in html
    tree = lxml.html.fromstring(html)
    assert "Sollicitaties: 6 <b>&amp;</b> 'tekst'" in tree.text_content()
    assert tree.xpath("//h1")[0].text_content() == "Bakker & Zn <test>"


def test_verdict_comes_first_with_risk_and_counts():
    tree = tree_of(sample_report())
    verdict = tree.xpath("//header[@id='verdict']")[0]
    body_children = [el for el in tree.xpath("//main/*")]
    assert body_children[0] is verdict
    assert "risk-hoog" in verdict.get("class")
    counts = [li.text_content().split() for li in verdict.xpath(".//ul[@class='counts']/li")]
    assert counts == [["1", "hoog"], ["2", "middel"], ["1", "laag"]]


def test_findings_worst_first_with_rule_source_and_evidence():
    report = sample_report()
    tree = tree_of(report)
    articles = tree.xpath("//section[@id='findings']/article")
    order = {"high": 0, "medium": 1, "low": 2}
    severities = [a.get("class").split("sev-")[1] for a in articles]
    assert severities == sorted(severities, key=order.__getitem__)
    assert len(articles) == len(report.findings)
    text = " ".join(a.text_content() for a in articles)
    for f in report.findings:
        assert f.message in text and f.id in text and f.source in text
        for e in f.evidence:
            assert e.quote in text
            assert f"{e.document}, p. {e.page}" in text
    # the component finding's rule is the component's plain-Dutch title, not its id
    title = component_title(bundled_checklists(), "spoor2_plan.arbeidsmarktanalyse", "nl")
    assert title != "spoor2_plan.arbeidsmarktanalyse" and title in text
    assert rule_text(bundled_checklists(), "deadline.spoor2_start", "nl") in text


def _week_of_x(x: float) -> float:
    return (x - PLOT_LEFT) * 104 / (PLOT_RIGHT - PLOT_LEFT) + 1


def test_timeline_draws_statutory_weeks_from_the_checklists():
    tree = tree_of(sample_report())
    svg = tree.xpath("//*[@id='timeline-svg']")[0]
    moments = svg.xpath(".//rect[@class='moment']")
    vocab = bundled_checklists().vocab["timeline"]
    starts = sorted(round(_week_of_x(float(r.get("x")))) for r in moments)
    expected = {m["weeks"][0] for m in vocab["moments"] if not m.get("after_event")}
    assert expected <= set(starts)
    # the spoor-2 window hangs off the eerstejaarsevaluatie the dossier shows (week 50)
    assert 50 in starts


def test_timeline_marks_late_items_and_sollicitatie_gaps():
    report = sample_report()
    svg = tree_of(report).xpath("//*[@id='timeline-svg']")[0]
    late_marks = svg.xpath(".//polygon[contains(@class,'late-mark')]")
    deadline = [f for f in report.findings if f.id.startswith("deadline.")]
    assert len(late_marks) == len(deadline)
    assert len(svg.xpath(".//circle[contains(@class,'late')]")) == 2  # the PvA and the spoor-2 start
    cells = svg.xpath(".//rect[starts-with(@class,'cell')]")
    assert len(cells) == 104
    classes = [c.get("class") for c in cells]
    assert classes.count("cell soll") == 10
    long_gap = [i + 1 for i, c in enumerate(classes) if c == "cell gap long"]
    assert long_gap == list(range(71, 78))  # weeks 71-77 without sollicitaties
    assert svg.xpath(".//line[@class='peil']")


def test_per_document_checklist_shows_every_status_and_reason():
    report = sample_report()
    tree = tree_of(report)
    docs = tree.xpath("//section[@id='documents']/article")
    assert len(docs) == len(report.documents) + 1  # + the dossier's riv checklist
    statuses = {s.get("class").split()[-1] for s in tree.xpath("//span[starts-with(@class,'status')]")}
    assert statuses == {"st-present", "st-weak", "st-missing", "st-not_yet_due", "st-not_applicable"}
    text = tree.text_content()
    for a in report.documents:
        for c in a.components:
            if c.reason:
                assert c.reason in text
    assert "Het bestand is versleuteld" in text


def test_print_and_phone_css():
    html = html_of(sample_report())
    assert re.search(r"@page\s*\{[^}]*size:\s*A4", html)
    assert "break-before: page" in html
    assert '<meta name="viewport"' in html and "@media (max-width" in html


def test_english_has_no_dutch_frame_words():
    report = sample_report()
    tree = tree_of(report, "en")
    assert tree.get("lang") == "en"
    for style in tree.xpath("//style"):
        style.drop_tree()
    text = tree.text_content()
    text = re.sub(r"\b[a-z0-9_]+(?:\.[a-z0-9_]+)+\b", " ", text)  # ids are identifiers, not words
    # what the documents say, and the names of the sources cited, stay as written
    sources = {f.source for f in report.findings if f.source} | {
        m["source"] for m in bundled_checklists().vocab["timeline"]["moments"]}
    quoted = {report.dossier, *(e.quote for f in report.findings for e in f.evidence),
              *(e.quote for a in report.documents for c in a.components for e in c.evidence),
              *(e.quote for c in report.components for e in c.evidence),
              *(e.evidence.quote for e in report.timeline.events if e.evidence),
              *(a.document.path for a in report.documents), *report.warnings, *report.timeline.warnings,
              *(w for a in report.documents for w in a.document.warnings),
              *(a.document.error for a in report.documents if a.document.error), *sources}
    for q in sorted(quoted, key=len, reverse=True):
        text = text.replace(q, " ")
    leftovers = [w for w in dutch_only_texts() if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text)]
    assert not leftovers, f"Dutch frame words in the English report: {leftovers}"
    for f in report.findings:
        assert f.message_en in text and f.message not in text


def test_english_falls_back_to_dutch_message_when_no_translation():
    finding = Finding("deadline.probleemanalyse", "high", "Probleemanalyse in week 9.",
                      (Evidence("pa.pdf", 1, "14-03-2023"),))
    html = html_of(replace(sample_report(), findings=(finding,)), "en")
    assert "Probleemanalyse in week 9." in html


def test_english_report_translates_the_timelines_own_warnings():
    """The first-sick-day dissent is worded by its finding's Dutch template; in English the dates
    carry over into the English template. A reader's note is translated too."""
    from dataclasses import replace

    from audit.checklist import load_checklists
    from audit.extract.events import _dissent_warning
    from audit.report.view import report_view

    checklists = load_checklists()
    dissent = _dissent_warning(checklists, date(2023, 1, 9), [date(2023, 1, 16), date(2023, 2, 1)])
    assert dissent.startswith("Documenten noemen")
    report = sample_report()
    report = replace(report, timeline=replace(report.timeline, warnings=(dissent,)),
                     warnings=("export.json: overgeslagen (JSON-gegevens, geen dossierdocument).",))
    warnings = report_view(report, "en", checklists).warnings
    assert ("Documents give different first days of sickness: 09-01-2023 (majority) and 16-01-2023, 01-02-2023."
            in warnings)
    assert "export.json: skipped (JSON data, not a dossier document)." in warnings
    assert report_view(report, "nl", checklists).warnings[-1] == dissent
