"""The report's own words (headings, labels, verdicts) in Dutch and English.

Only the words of the report's frame live here. What a finding or a component *says* comes
from the pipeline (``Finding.message`` / ``message_en``, ``ComponentResult.reason`` /
``reason_en``) and the checklists (titles, sources); the statutory weeks come from
``checklists/data/timeline.yaml``.
"""
from __future__ import annotations

from collections.abc import Mapping

LANGS = ("nl", "en")

# One entry per key: (nl, en). Kept as pairs so a missing translation is impossible.
_TEXTS: dict[str, tuple[str, str]] = {
    "title": ("Bevindingen re-integratiedossier", "Findings re-integration dossier"),
    "subtitle": ("Toets van het re-integratiedossier (Wet verbetering poortwachter)",
                 "Review of the re-integration dossier (Dutch Gatekeeper Improvement Act)"),
    "dossier": ("Dossier", "Dossier"),
    "peildatum": ("Peildatum", "Reference date"),
    "first_sick_day": ("Eerste ziektedag", "First day of sickness"),
    "first_sick_day_unknown": ("niet gevonden", "not found"),
    "documents_count": ("Documenten", "Documents"),
    "generated_by": ("Gemaakt met Poortwachter Audit", "Made with Poortwachter Audit"),
    "checklist_version": ("checklists", "checklists"),
    "verdict": ("Oordeel", "Verdict"),
    "risk": ("Risico op een loonsanctie", "Risk of a wage sanction"),
    "risk_hoog": ("hoog", "high"),
    "risk_middel": ("middel", "medium"),
    "risk_laag": ("laag", "low"),
    "risk_geen": ("geen bevindingen", "no findings"),
    "risk_hoog_explain": ("Er zijn ernstige tekortkomingen: los deze op vóór de WIA-aanvraag.",
                          "There are serious shortcomings: resolve them before the WIA application."),
    "risk_middel_explain": ("Er zijn tekortkomingen die UWV kan meewegen.",
                            "There are shortcomings that UWV may take into account."),
    "risk_laag_explain": ("Alleen kleine punten; controleer ze wel.",
                          "Only minor points; do check them."),
    "risk_geen_explain": ("De toets vond geen tekortkomingen in wat gelezen kon worden.",
                          "The review found no shortcomings in what could be read."),
    "sev_high": ("hoog", "high"),
    "sev_medium": ("middel", "medium"),
    "sev_low": ("laag", "low"),
    "findings": ("Bevindingen", "Findings"),
    "findings_none": ("Geen bevindingen.", "No findings."),
    "finding": ("Bevinding", "Finding"),
    "severity": ("Ernst", "Severity"),
    "what_dossier_shows": ("Wat het dossier laat zien", "What the dossier shows"),
    "rule": ("Regel", "Rule"),
    "source": ("Bron", "Source"),
    "rule_and_source": ("Regel en bron", "Rule and source"),
    "reading": ("Gekozen lezing", "Reading applied"),
    "practice_norm": ("praktijknorm, geen wettelijke eis", "practice norm, not a legal requirement"),
    "evidence": ("Vindplaats", "Evidence"),
    "no_evidence": ("geen citaat: het ontbreekt in het dossier", "no quote: it is absent from the dossier"),
    "document": ("Document", "Document"),
    "page": ("Pagina", "Page"),
    "page_short": ("p.", "p."),
    "quote": ("Citaat", "Quote"),
    "week": ("Week", "Week"),
    "week_short": ("wk", "wk"),
    "date": ("Datum", "Date"),
    "what": ("Wat", "What"),
    "status": ("Status", "Status"),
    "reason": ("Toelichting", "Explanation"),
    "summary": ("Samenvatting", "Summary"),
    "timeline": ("Tijdlijn", "Timeline"),
    "timeline_intro": ("De 104 weken van de wachttijd: de wettelijke momenten en wat het dossier laat zien.",
                       "The 104 weeks of the waiting period: the statutory moments and what the dossier shows."),
    "timeline_unknown": ("De eerste ziektedag is niet gevonden; gebeurtenissen staan alleen op de tijdlijn als het dossier er een week bij noemt.",
                         "The first day of sickness was not found; events appear on the timeline only where the dossier states a week."),
    "row_statutory": ("Wettelijk", "Statutory"),
    "row_dossier": ("Dossier", "Dossier"),
    "row_sollicitaties": ("Sollicitaties", "Applications"),
    "row_late": ("Te laat", "Late"),
    "legend_statutory": ("wettelijk moment of periode", "statutory moment or period"),
    "legend_event": ("gebeurtenis in het dossier", "event in the dossier"),
    "legend_late": ("te laat of buiten de termijn", "late or outside the term"),
    "legend_soll": ("week met sollicitatie", "week with a job application"),
    "legend_gap": ("week zonder sollicitatie", "week without a job application"),
    "legend_peildatum": ("peildatum", "reference date"),
    "on_time": ("op tijd", "on time"),
    "late": ("te laat", "late"),
    "statutory_moment": ("Wettelijk moment", "Statutory moment"),
    "event": ("Gebeurtenis", "Event"),
    "no_events": ("Het dossier noemt geen gebeurtenissen met een datum of week.",
                  "The dossier names no events with a date or week."),
    "sollicitaties_count": ("{weeks} weken met een sollicitatie, {gaps} weken zonder",
                            "{weeks} weeks with an application, {gaps} weeks without"),
    "timeline_table": ("Tijdlijn in tabelvorm", "Timeline as a table"),
    "documents": ("Documenten", "Documents"),
    "doc_type": ("Soort document", "Document type"),
    "confidence": ("zekerheid", "confidence"),
    "pages": ("pagina's", "pages"),
    "page_one": ("pagina", "page"),
    "part": ("deel", "part"),
    "checklist": ("Checklist", "Checklist"),
    "no_checklist": ("Voor dit soort document is geen eigen checklist.",
                     "This document type has no checklist of its own."),
    "component": ("Onderdeel", "Component"),
    "dossier_checklist": ("Checklist re-integratieverslag (hele dossier)",
                          "Re-integration report checklist (whole dossier)"),
    "st_present": ("aanwezig", "present"),
    "st_weak": ("zwak", "weak"),
    "st_missing": ("ontbreekt", "missing"),
    "st_not_applicable": ("niet van toepassing", "not applicable"),
    "st_not_yet_due": ("nog niet aan de orde", "not yet due"),
    "doc_error": ("Niet (volledig) leesbaar", "Not (fully) readable"),
    "warnings": ("Opmerkingen", "Notes"),
    "counts_line": ("{high} hoog · {medium} middel · {low} laag",
                    "{high} high · {medium} medium · {low} low"),
    "written": ("Rapporten geschreven", "Reports written"),
    "more_findings": ("… en nog {n} bevindingen: zie het volledige rapport.",
                      "… and {n} more findings: see the full report."),
    "date_unknown": ("datum onbekend", "date unknown"),
    "skip_to_findings": ("Naar de bevindingen", "To the findings"),
}

# Short names of the contract's doc types and named timeline moments (audit/spec/components.yaml
# holds the long Dutch descriptions). A checklist title, when present, wins.
NAMES: dict[str, tuple[str, str]] = {
    "probleemanalyse": ("Probleemanalyse", "Problem analysis"),
    "plan_van_aanpak": ("Plan van aanpak", "Action plan"),
    "bijstelling_pva": ("Bijstelling plan van aanpak", "Revised action plan"),
    "evaluatie": ("Evaluatie", "Evaluation"),
    "logboek": ("Logboek", "Log"),
    "ziekmelding_uwv": ("42e-weeksmelding", "Week-42 report to UWV"),
    "eerstejaarsevaluatie": ("Eerstejaarsevaluatie", "First-year evaluation"),
    "fml": ("FML / inzetbaarheidsprofiel", "Functional capacity list (FML)"),
    "ad_rapport": ("Arbeidsdeskundig rapport", "Labour expert report"),
    "spoor2_plan": ("Plan tweede spoor", "Track 2 plan"),
    "spoor2_voortgang": ("Voortgangsrapportage tweede spoor", "Track 2 progress report"),
    "spoor2_eind": ("Eindrapportage tweede spoor", "Track 2 final report"),
    "sollicitatieoverzicht": ("Sollicitatieoverzicht", "Job applications overview"),
    "deskundigenoordeel": ("Deskundigenoordeel", "UWV expert opinion"),
    "actueel_oordeel": ("Actueel oordeel", "Current assessment"),
    "eindevaluatie": ("Eindevaluatie", "Final evaluation"),
    "riv": ("Re-integratieverslag", "Re-integration report"),
    "overig": ("Overig", "Other"),
    "spoor2_start": ("Start tweede spoor", "Start of track 2"),
    "sollicitatie": ("Sollicitatie", "Job application"),
    "wia_aanvraag": ("WIA-aanvraag", "WIA application"),
    "eerste_ziektedag": ("Eerste ziektedag", "First day of sickness"),
    "ziekmelding": ("Ziekmelding", "Sick report"),
    "herstelmelding": ("Herstelmelding", "Recovery report"),
}

SEVERITY_LABEL_KEYS = {"high": "sev_high", "medium": "sev_medium", "low": "sev_low"}
STATUS_LABEL_KEYS = {s: f"st_{s}" for s in ("present", "weak", "missing", "not_applicable", "not_yet_due")}


def text(key: str, lang: str) -> str:
    nl, en = _TEXTS[key]
    return en if lang == "en" else nl


def texts(lang: str) -> dict[str, str]:
    """All frame words in one language, for the templates."""
    return {key: text(key, lang) for key in _TEXTS}


def name(key: str, lang: str) -> str:
    """Short name of a doc type or named moment; an unknown key is shown readably."""
    pair = NAMES.get(key)
    if pair is None:
        return humanize(key)
    return pair[1] if lang == "en" else pair[0]


def dutch_only_texts() -> set[str]:
    """Dutch frame strings that differ from their English version (tests scan for them)."""
    pairs = [*_TEXTS.values(), *NAMES.values()]
    return {nl.split("{")[0].strip() for nl, en in pairs if nl != en and nl.split("{")[0].strip()}


def localized(value: object, lang: str, fallback: str = "") -> str:
    """A checklist field that is either a plain (Dutch) string or ``{nl: ..., en: ...}``."""
    if isinstance(value, Mapping):
        chosen = value.get(lang) or (None if lang == "en" else value.get("nl"))
        return str(chosen) if chosen else fallback
    if isinstance(value, str) and value:
        return value if lang == "nl" else fallback
    return fallback


def humanize(identifier: str) -> str:
    """Last-resort label from an id: 'spoor2_plan.zoekprofiel' -> 'Zoekprofiel'."""
    key = identifier.rsplit(".", 1)[-1].replace("_", " ").strip()
    return key[:1].upper() + key[1:]
