"""--redact: pseudonymise a report, consistently within it.

The werknemer's name becomes [WERKNEMER], other named persons [PERSOON-n], BSNs [BSN-n],
dates of birth [GEBOORTEDATUM], addresses [ADRES-n], postcodes [POSTCODE-n], phone numbers
[TELEFOON-n], e-mail addresses [E-MAIL-n] and diagnoses [DIAGNOSE]. The same value gets the
same placeholder everywhere in one report. Dates that matter for the timeline stay; a date
of birth is dropped from the extracted dates. Finding ids, statuses, weeks and figures are not
touched, so a redacted report has the same findings as the original.

Every string of the report is redacted: quotes, messages, reasons, evidence, document paths
(a file named after the werknemer), the dossier name and the text of the documents themselves.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, fields, is_dataclass, replace
from typing import Any

from audit.model import AuditedDocument, DossierReport
from audit.privacy import (BSN, EMAIL, PHONE, POSTCODE, Name, PrivacyVocabulary, addresses_in, birth_dates_in,
                           bsns_in, find_other_persons, find_werknemer, is_phone, load_vocabulary, passes_11_proef)

# Fields that hold identifiers, codes or citations, never personal data.
KEEP_FIELDS = frozenset({"id", "status", "severity", "rule", "kind", "doc_type", "format", "unit", "role",
                         "limit", "event", "source", "style", "error_code", "sha256", "numbering", "versions"})


@dataclass
class Pseudonyms:
    """value -> placeholder, numbered per kind in order of first appearance."""

    by_value: dict[tuple[str, str], str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    def of(self, kind: str, value: str, numbered: bool = True) -> str:
        key = (kind, _normal(value))
        if key not in self.by_value:
            self.counts[kind] = self.counts.get(kind, 0) + 1
            self.by_value[key] = f"[{kind}-{self.counts[kind]}]" if numbered else f"[{kind}]"
        return self.by_value[key]


def _normal(value: str) -> str:
    return re.sub(r"[\s.]+", "", value).lower()


@dataclass(frozen=True)
class Redactor:
    """Everything found in one dossier, turned into one text function."""

    vocab: PrivacyVocabulary
    names: Pseudonyms
    werknemer: Name | None
    persons: tuple[Name, ...]
    birth_dates: tuple[str, ...]
    addresses: tuple[str, ...]

    def __call__(self, text: str) -> str:
        if not text:
            return text
        p = self.names
        text = EMAIL.sub(lambda m: p.of("E-MAIL", m.group(0)), text)
        text = PHONE.sub(lambda m: p.of("TELEFOON", re.sub(r"\D", "", m.group(0)))
                         if is_phone(m.group(0)) else m.group(0), text)
        text = BSN.sub(lambda m: p.of("BSN", re.sub(r"\D", "", m.group(0)))
                       if passes_11_proef(re.sub(r"\D", "", m.group(0))) else m.group(0), text)
        for birth in self.birth_dates:
            text = text.replace(birth, "[GEBOORTEDATUM]")
        for address in self.addresses:
            text = text.replace(address, p.of("ADRES", address))
        text = self.vocab.street.sub(lambda m: p.of("ADRES", m.group(0))
                                     if self.vocab.is_street(m.group(0)) else m.group(0), text)
        text = POSTCODE.sub(lambda m: p.of("POSTCODE", m.group(0)), text)
        if self.werknemer:
            text = self.werknemer.pattern(self.vocab.titles).sub("[WERKNEMER]", text)
            first = self.werknemer.first_name_pattern()
            text = first.sub("[WERKNEMER]", text) if first else text
        for person in self.persons:
            text = person.pattern(self.vocab.titles).sub(lambda m, n=person: p.of("PERSOON", _key(n)), text)
        if self.vocab.diagnosis is not None:
            text = self.vocab.diagnosis.sub("[DIAGNOSE]", text)
        return text


def _key(name: Name) -> str:
    return f"{name.tussenvoegsel or ''} {name.last}"


def report_texts(report: DossierReport) -> list[str]:
    """The dossier as written, in order: where the personal data is looked for."""
    texts = [report.dossier]
    for audited in report.documents:
        texts.append(audited.document.path)
        texts += [b.text for page in audited.document.pages for b in page.blocks]
    return texts


def redactor_for(report: DossierReport, vocab: PrivacyVocabulary | None = None) -> Redactor:
    vocab = vocab or load_vocabulary()
    texts = report_texts(report)
    werknemer = find_werknemer(texts, vocab)
    persons = tuple(find_other_persons(texts, vocab, werknemer))
    births = sorted({b for t in texts for b in birth_dates_in(t, vocab)}, key=len, reverse=True)
    addresses = sorted({a for t in texts for a in addresses_in(t, vocab)}, key=len, reverse=True)
    names = Pseudonyms()
    redactor = Redactor(vocab, names, werknemer, persons, tuple(births), tuple(addresses))
    for text in texts:  # number the placeholders in reading order, before anything else asks
        for bsn in bsns_in(text):
            names.of("BSN", re.sub(r"\D", "", bsn))
        redactor(text)
    return redactor


def _walk(value: Any, fn: Callable[[str], str], name: str | None = None) -> Any:
    if name in KEEP_FIELDS:
        return value
    if isinstance(value, str):
        return fn(value)
    if isinstance(value, tuple):
        return tuple(_walk(v, fn) for v in value)
    if isinstance(value, list):
        return [_walk(v, fn) for v in value]
    if isinstance(value, dict):
        return {k: _walk(v, fn) for k, v in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _walk(getattr(value, f.name), fn, f.name) for f in fields(value) if f.init}
        return replace(value, **changes)
    return value


def _without_birth_dates(audited: AuditedDocument, births: tuple[str, ...]) -> AuditedDocument:
    if not births:
        return audited
    kept = tuple(d for d in audited.dates if d.text not in births and "[GEBOORTEDATUM]" not in d.text)
    return replace(audited, dates=kept)


def redact_report(report: DossierReport) -> DossierReport:
    """The same report with every piece of personal data replaced by a placeholder."""
    redactor = redactor_for(report)
    documents = tuple(_without_birth_dates(a, redactor.birth_dates) for a in report.documents)
    return _walk(replace(report, documents=documents), redactor)
