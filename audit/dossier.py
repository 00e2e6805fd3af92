"""The dossier's riv.* checklist: which parts of the re-integratieverslag the dossier shows.

A part is shown by a document of its type (``dossier.documents`` in checklists/riv.yaml), by a dated
entry or section in a logboek / RIV / eindevaluatie (``entries_in``), or by its content anywhere it
may be (``content_in``; spoor 1 needs functions on and below the employee's level tested against the
belastbaarheid). As of the peildatum a part whose statutory week (``due_week``, rules-and-sources.md
table C) has not come is ``not_yet_due``, not missing. ``when`` parts apply only when the dossier
shows the situation (checklists/data/conditions.yaml).
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from audit.component_checks import hours_in_text, identity_marks, run_check
from audit.components import condition_holds, judge_component, message, normalise, title_owners, vocab
from audit.cue_match import TextIndex
from audit.model import AuditedDocument, ComponentResult, Evidence, Timeline



def _first_evidence(audited: AuditedDocument) -> Evidence:
    titled = [s for s in audited.sections if s.title]
    quote = titled[0].title if titled else (audited.document.text.strip().splitlines() or [audited.document.path])[0]
    return Evidence(audited.document.path, audited.sections[0].page if audited.sections else 1, quote[:200])


def _week(timeline: Timeline, peildatum: date | None) -> int | None:
    return timeline.week_of(peildatum) if (peildatum and timeline and timeline.first_sick_day) else None


def _fml_changed(docs: Sequence[AuditedDocument], checklists, texts: TextIndex | None = None) -> bool:
    """Belastbaarheid changed: two FML/IZP documents with other hours, or the dossier says so (not as an
    expectation: 'wacht op nieuwe FML'). Only an FML/IZP is a belastbaarheid to compare: a probleemanalyse's
    advice or a plan's hours are not (corpus README: 'a later FML/IZP with other hours or limits')."""
    entry = vocab(checklists, "conditions").get("belastbaarheid_gewijzigd", {}) or {}
    types = set(entry.get("fml_doc_types", ("fml",)))
    fmls = [d for d in docs if d.doc_type in types]
    if len(fmls) >= int(entry.get("min_fml_documents", 2)):
        hours = {max(hours_in_text(d.document.text, checklists) or [0]) for d in fmls}
        if len(hours) > 1:
            return True
    texts = texts if texts is not None else _texts(docs)
    return bool(condition_holds("belastbaarheid_gewijzigd", texts, checklists))


def condition_in_dossier(condition: str, docs: Sequence[AuditedDocument], checklists,
                         texts: TextIndex | None = None) -> bool:
    """``texts``: the dossier's ``_texts``, when they are already indexed."""
    if condition == "belastbaarheid_gewijzigd":
        return _fml_changed(docs, checklists, texts)
    texts = texts if texts is not None else _texts(docs)
    return bool(condition_holds(condition, texts, checklists, [d.doc_type for d in docs]))


def _texts(docs: Sequence[AuditedDocument]) -> TextIndex:
    """The normalised texts of the dossier's blocks, furniture left out, indexed for the conditions' phrases."""
    return TextIndex([normalise(b.text) for d in docs for b in d.document.blocks if not b.is_furniture])


class _Shared:
    """``title_owners`` of each document against the riv checklist, and the dossier's indexed texts,
    worked out once per dossier rather than once per riv part (issue 3). Keeps each document it was
    asked about, so an id is never taken for another document's."""

    def __init__(self, checklists, docs: Sequence[AuditedDocument] = ()):
        self.riv = checklists.components.get("riv", {})
        self.done: dict[int, tuple[AuditedDocument, dict[int, set[str]]]] = {}
        self.docs = docs
        self._texts: TextIndex | None = None
        self.conditions: dict[str, bool] = {}  # two parts may ask the same ('belastbaarheid_gewijzigd')

    @property
    def texts(self) -> TextIndex:
        if self._texts is None:
            self._texts = _texts(self.docs)
        return self._texts

    def owners(self, audited: AuditedDocument) -> dict[int, set[str]]:
        if id(audited) not in self.done:
            self.done[id(audited)] = (audited, title_owners(audited.sections, self.riv))
        return self.done[id(audited)][1]


def _shown_in(docs: Sequence[AuditedDocument], types: Sequence[str], cid: str, comp: Mapping,
              checklists, shared: _Shared | None = None) -> ComponentResult | None:
    """The component judged on each document of these types; the first present one."""
    shared = shared or _Shared(checklists, docs)
    for audited in docs:
        if audited.doc_type not in types:
            continue
        owners = shared.owners(audited)
        result = judge_component(audited, cid, comp, owners, checklists)
        if comp.get("check"):
            result = run_check(comp["check"], audited, cid, comp, result, owners, checklists)
        if result.status == "present":
            return result
    return None


def _gegevens(docs: Sequence[AuditedDocument], cid: str, comp: Mapping, checklists) -> ComponentResult:
    """Every document: BSN and eerste ziektedag; every authored one signed ([UWV-RIV-EN])."""
    exempt = set(vocab(checklists, "components_common").get("signature_exempt_types", ()))
    lacking = []
    for audited in docs:
        marks = identity_marks(audited, checklists)
        if audited.doc_type in exempt:
            marks["signed"] = True
        gone = [k for k, v in marks.items() if not v]
        if gone:
            lacking.append((audited, gone))
    practice = bool(comp.get("practice_norm"))
    if not lacking:
        return ComponentResult(cid, "present", practice_norm=practice)
    texts = []
    for lang in (0, 1):
        listing = "; ".join(f"{a.document.path}: {', '.join(message(checklists, 'mark_' + k)[lang] for k in g)}"
                            for a, g in lacking[:6])
        texts.append(message(checklists, "dossier_incomplete", listing=listing)[lang])
    evidence = tuple(_first_evidence(a) for a, _ in lacking[:6])
    return ComponentResult(cid, "missing", evidence, texts[0], texts[1], practice)


def _condition(condition: str, docs, checklists, shared: _Shared | None) -> bool:
    if shared is None:
        return condition_in_dossier(condition, docs, checklists)
    if condition not in shared.conditions:
        shared.conditions[condition] = condition_in_dossier(condition, docs, checklists, shared.texts)
    return shared.conditions[condition]


def _judge(key: str, comp: Mapping, docs, week: int | None, checklists,
           shared: _Shared | None = None) -> ComponentResult:
    cid = f"riv.{key}"
    practice = bool(comp.get("practice_norm"))
    when = comp.get("when")
    if when and not _condition(when, docs, checklists, shared):
        return ComponentResult(cid, "not_applicable", practice_norm=practice)
    if key == "gegevens_en_ondertekening":
        return _gegevens(docs, cid, comp, checklists)
    rules = comp.get("dossier", {}) or {}
    for audited in docs:
        if audited.doc_type in rules.get("documents", ()):
            return ComponentResult(cid, "present", (_first_evidence(audited),), practice_norm=practice)
    for types in (rules.get("entries_in", ()), rules.get("content_in", ())):
        shown = _shown_in(docs, types, cid, comp, checklists, shared) if types else None
        if shown:
            return shown
    due = rules.get("due_week")
    if due and week is not None and week < int(due):
        nl, en = message(checklists, "not_yet_due", week=week, due=due)
        return ComponentResult(cid, "not_yet_due", practice_norm=practice, reason=nl, reason_en=en)
    msg = comp.get("messages", {}).get("missing", {})
    where = message(checklists, "documents_list", docs="; ".join(f"{a.document.path} ({a.doc_type})" for a in docs[:12]))[0]
    return ComponentResult(cid, "missing", (Evidence(docs[0].document.path if docs else "", 1, where[:240]),),
                           msg.get("nl"), msg.get("en"), practice)


def assess_dossier(docs: Sequence[AuditedDocument], timeline: Timeline, peildatum: date | None,
                   checklists) -> tuple[ComponentResult, ...]:
    """Every riv.* component for the dossier as a whole, as of the peildatum."""
    riv = getattr(checklists, "components", {}).get("riv", {})
    week = _week(timeline, peildatum)
    docs = list(docs)
    shared = _Shared(checklists, docs)
    return tuple(_judge(key, comp, docs, week, checklists, shared) for key, comp in riv.items())
