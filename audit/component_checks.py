"""Named component checks (``check: name.vN`` in checklists/*.yaml): what a word list cannot see.

- ``zoekprofiel_hours_fit_belastbaarheid.v1``: the zoekprofiel's hours against the benutbare uren the
  same plan states ([DOC-MC]: "Er is onterecht uitgegaan van een urenbeperking. Het urenopbouwschema
  van de bedrijfsarts is niet meegenomen in het zoekprofiel"; rules-and-sources.md B06, D05).
- ``zoekprofiel_follows_belastbaarheid.v1``: after a changed belastbaarheid the zoekprofiel must change
  ([DOC-MC] "Verandert belastbaarheid -> zoekprofiel ook aanpassen!"; B15).
- ``signed_by_employee.v1``: the employee's signature ([DOC-MC] "Ondertekening ter accordering van de werknemer"; B11).
- ``identity_and_signature.v1``: BSN, eerste ziektedag and signature on the document ([UWV-RIV-EN]; A01).
- ``functions_tested_against_capacity.v1``: spoor 1 shown by several functions, each with its level or its
  own verdict, tested against the belastbaarheid ("a list/table of functions inside the organisation with
  per-function suitability verdicts"; rules-and-sources.md A09; corpus README: a bare "er is geen ander
  werk" does not count).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache

from audit.components import (compile_words, condition_holds, find_places, message, missing_result, normalise,
                              section_body, substance_gap, vocab)
from audit.cue_match import TextIndex
from audit.memo import ByObject
from audit.model import AuditedDocument, ComponentResult, Evidence

_NUM = r"(?<![\d.,])(\d+(?:[.,]\d+)?)"
CHECKS: dict[str, Callable] = {}


def register(name: str):
    def wrap(fn):
        CHECKS[name] = fn
        return fn
    return wrap


def run_check(name: str, audited, component_id, comp, result, owners, checklists) -> ComponentResult:
    fn = CHECKS.get(name)
    return fn(audited, component_id, comp, result, owners, checklists) if fn else result


# --------------------------------------------------------------------------- hours


def _alt(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"


def hours_in_text(text: str, checklists) -> list[float]:
    """Hours per week in a text ('2 x 3 uur' = 6; '4 uur per dag' = 20, five days a week: corpus rule)."""
    common = vocab(checklists, "components_common")
    times_hours, per_unit, per_day = _hour_patterns(
        tuple(common.get("hour_words", ["uur"])), tuple(common.get("times", ["x"])),
        tuple(common.get("per_day", [])), tuple(common.get("per_week", [])))
    norm = normalise(text)
    found: list[float] = []
    for m in times_hours.finditer(norm):
        found.append(float(m.group(1).replace(",", ".")) * float(m.group(2).replace(",", ".")))
    for m in per_unit.finditer(norm):
        value = float(m.group(1).replace(",", "."))
        found.append(value * 5 if per_day.fullmatch(m.group("unit")) else value)
    return found


@lru_cache(maxsize=64)
def _hour_patterns(hour_words, times_words, per_day_words, per_week_words) -> tuple[re.Pattern, ...]:
    """Compiled once per word lists (they were assembled and looked up again per text)."""
    hour, times, per_day, per_week = (_alt(w) for w in (hour_words, times_words, per_day_words, per_week_words))
    return (re.compile(rf"{_NUM}\s*(?:{times})\s*{_NUM}\s*(?:{hour})\b"),
            re.compile(rf"(?<!x\s){_NUM}\s*(?:{hour})\s*(?P<unit>{per_day}|{per_week})"), re.compile(per_day))


def _section_texts(audited: AuditedDocument, owners, keys: Sequence[str]) -> list[tuple[str, int]]:
    out = []
    for i, section in enumerate(audited.sections):
        if owners.get(i, set()) & set(keys):
            body = section_body(audited.sections, i, owners)
            out.append(("\n".join(b.text for b in body), section.page))
    return out


def _role_hours(audited: AuditedDocument, role: str) -> list[float]:
    return [h.per_week for h in audited.hours if h.role == role and h.per_week is not None]


def _part_texts(audited, owners, keys, checklists) -> list[tuple[str, int]]:
    """The sections of these components; without such sections (prose, no headings),
    the sentences where their phrases stand."""
    texts = _section_texts(audited, owners, keys)
    if not texts:
        comps = checklists.components.get(audited.doc_type, {})
        texts = [(p.evidence.quote, p.evidence.page) for key in keys if key in comps
                 for p in find_places(audited, key, comps[key], owners, checklists) if p.how == "phrase"]
    return texts


def _hours(audited, owners, keys, role, checklists) -> tuple[list[float], int]:
    """Hours in the parts of these components, else the hours extractor's facts with this role."""
    texts = _part_texts(audited, owners, keys, checklists)
    values = [v for text, _ in texts for v in hours_in_text(text, checklists)]
    return (values or _role_hours(audited, role)), (texts[0][1] if texts else 1)


@register("zoekprofiel_hours_fit_belastbaarheid.v1")
def zoekprofiel_hours_fit(audited, cid, comp, result, owners, checklists) -> ComponentResult:
    params = comp.get("params", {})
    zp, page = _hours(audited, owners, params.get("zoekprofiel_sections", ()), params.get("zoekprofiel_role"), checklists)
    fml, _ = _hours(audited, owners, params.get("belastbaarheid_sections", ()), params.get("belastbaarheid_role"), checklists)
    practice = bool(comp.get("practice_norm"))
    if not zp:
        return missing_result(audited, cid, comp, practice, checklists=checklists)
    target = max(fml) if fml else None
    evidence = (Evidence(audited.document.path, page, message(checklists, "zoekprofiel_hours", zp=max(zp))[0]),)
    tolerance = 1 - float(params.get("tolerance", 0.1))
    if target and max(zp) < target * tolerance:
        nl, en = message(checklists, "hours_mismatch", zp=max(zp), fml=target)
        return ComponentResult(cid, "missing", evidence, nl, en, practice)
    contract = _role_hours(audited, params.get("contract_role"))
    if not fml and contract and _no_hours_limit(audited, owners, params, checklists) and max(zp) < max(contract) * tolerance:
        # [DOC-MC]: "Er is onterecht uitgegaan van een urenbeperking"
        nl, en = message(checklists, "hours_no_limit", zp=max(zp), contract=max(contract))
        return ComponentResult(cid, "missing", evidence, nl, en, practice)
    return ComponentResult(cid, "present", evidence, practice_norm=practice)


def _no_hours_limit(audited, owners, params, checklists) -> bool:
    pattern = compile_words(tuple(vocab(checklists, "components_common").get("no_limit", ())))
    texts = _section_texts(audited, owners, params.get("belastbaarheid_sections", ())) or [(audited.document.text, 1)]
    return bool(pattern and any(pattern.search(normalise(t)) for t, _ in texts))


@register("zoekprofiel_follows_belastbaarheid.v1")
def zoekprofiel_follows(audited, cid, comp, result, owners, checklists) -> ComponentResult:
    if result.status != "present":
        return result
    params = comp.get("params", {})
    bl_texts = [t for t, _ in _part_texts(audited, owners, params.get("belastbaarheid_sections", ()), checklists)]
    if not bl_texts or not condition_holds("belastbaarheid_gewijzigd", bl_texts, checklists):
        return result
    zp_texts = [t for t, _ in _part_texts(audited, owners, params.get("zoekprofiel_sections", ()), checklists)]
    zp_texts = zp_texts or [e.quote for e in result.evidence]
    unchanged = compile_words(tuple(vocab(checklists, "components_common").get("unchanged", ())))
    zp_cue = compile_words(tuple(comp.get("cues", {}).get("phrases", ())))
    zp_hours = [v for t in zp_texts for v in hours_in_text(t, checklists)]
    zp_hours += [v for t in bl_texts for v in hours_in_text(" ".join(  # zoekprofiel sentences inside the belastbaarheid part
        s for s in re.split(r"(?<=[.!?])\s+", t) if zp_cue and zp_cue.search(normalise(s))), checklists)]
    fml = [v for t in bl_texts for v in hours_in_text(t, checklists)]
    stale = any(unchanged and unchanged.search(normalise(t)) for t in zp_texts)
    short = bool(zp_hours and fml and max(zp_hours) < max(fml) * (1 - float(params.get("tolerance", 0.1))))
    if not (stale or short):
        return result
    detail_nl, detail_en = message(checklists, "zoekprofiel_stale_hours", zp=max(zp_hours), fml=max(fml)) if short else ("", "")
    nl, _ = message(checklists, "zoekprofiel_stale", detail=detail_nl)
    _, en = message(checklists, "zoekprofiel_stale", detail=detail_en)
    return replace(result, status="weak", reason=nl, reason_en=en)


# --------------------------------------------------------------------------- signatures and identity


_DIGITS = re.compile(r"\d+")
# 'Bedrijfsarts: dr. E. Coenen (getekend)': the mark after the name is the signature, not a label to fill in
_NAME_THEN_MARK = re.compile(r"[a-z]{2,}[^()]{0,40}\(\s*(?:was\s+)?(?:getekend|ondertekend)\s*\)")


def _signed_cell(cell: str, checklists, ocr: bool = False) -> bool | None:
    """True: signed; False: a signature field left blank; None: no signature field in the cell.

    OCR does not read handwriting: on a scanned page an empty 'Handtekening:' is most likely a
    signature image, so only an explicit blank mark (dots, 'niet getekend') counts as unsigned there."""
    common = vocab(checklists, "components_common")
    labels = compile_words(tuple(common.get("signature_labels", ())))
    norm = normalise(cell)
    match = labels.search(norm) if labels else None
    if not match:
        return None
    value = norm[match.end():].strip(" :|\n")
    if any(b in value for b in common.get("blank_marks", ())):
        return False
    return ocr or bool(re.search(r"[a-z]", value)) or bool(_NAME_THEN_MARK.search(norm))



def _employee_column(rows: Sequence[Sequence[str]], checklists) -> list[str] | None:
    roles = compile_words(tuple(vocab(checklists, "components_common").get("employee_roles", ())))
    for c, head in enumerate(rows[0] if rows else ()):
        if roles and roles.search(normalise(head)):
            return [r[c] for r in rows[1:] if c < len(r)]
    return None


def employee_signature(audited: AuditedDocument, checklists) -> tuple[bool | None, Evidence | None]:
    """From a signature table (column headed by the employee) or, for OCR text, the lines after it."""
    doc = audited.document.path
    verdict: bool | None = None
    for block in audited.document.blocks:
        if block.kind != "table" or not block.rows:
            continue
        column = _employee_column(block.rows, checklists)
        if column is None:
            continue
        signs = [s for s in (_signed_cell(c, checklists) for c in column) if s is not None]
        if signs:
            if any(signs):
                return True, Evidence(doc, block.page, " / ".join(column)[:200])
            verdict = False
    if verdict is False:  # the employee's column of a signature table is empty: that settles it
        return verdict, None
    roles = compile_words(tuple(vocab(checklists, "components_common").get("employee_roles", ())))
    lines = [(b.page, b.text) for b in audited.document.blocks if b.kind != "table" and not b.is_furniture]
    ocr = any(b.source == "ocr" for b in audited.document.blocks)
    marks = compile_words(tuple(vocab(checklists, "components_common").get("signature_marks", ())))
    for i, (page, line) in enumerate(lines):
        norm = normalise(line)
        if roles and marks and roles.search(norm) and _signed_cell(line, checklists) and marks.search(norm):
            return True, Evidence(doc, page, line[:200])  # 'voor akkoord getekend door werknemer: w.g.'
        if roles and roles.search(norm) and len(line.split()) <= 6:
            for _, nxt in lines[i + 1:i + 5]:
                signed = _signed_cell(nxt, checklists, ocr)
                if signed:
                    return True, Evidence(doc, page, line + " … " + nxt)
                if signed is False:
                    verdict = False
    return verdict, None


_SURNAME = re.compile(r"([A-Z][\w'-]{2,})\W*$")
_SEGMENT_END = re.compile(r"(?<=\.)\s+[A-Z]|[|;]|\b\w+\s*:")  # a sentence, cell or next 'Label:' ends what a name signed


def employee_surnames(audited: AuditedDocument, checklists) -> set[str]:
    """The employee's surname from the document's own label/value rows ('Werknemer | A. (Ahmed) Bouzid')."""
    roles = compile_words(tuple(vocab(checklists, "components_common").get("employee_roles", ())))
    names = set()
    for block in audited.document.blocks:
        for row in block.rows or ():
            if len(row) >= 2 and roles and roles.fullmatch(normalise(row[0]).strip(" :")):
                found = _SURNAME.search(row[1].strip())
                if found:
                    names.add(found.group(1))
    return names


def signed_by_name(audited: AuditedDocument, checklists) -> Evidence | None:
    """'Voor akkoord: A. Bouzid (getekend)': a signature line that names the employee instead of
    the role, with a signature mark between the name and the end of that signature (the next
    sentence, cell or label), so that 'A. Bouzid ....  Jobcoach: (getekend)' stays unsigned."""
    common = vocab(checklists, "components_common")
    labels = compile_words(tuple(common.get("signature_labels", ())))
    marks = compile_words(tuple(common.get("signature_marks", ())))
    surnames = employee_surnames(audited, checklists)
    if not (surnames and labels and marks):
        return None
    for block in audited.document.blocks:
        if block.kind == "table" or block.is_furniture or not labels.search(normalise(block.text)):
            continue
        for surname in surnames:
            for hit in re.finditer(rf"\b{re.escape(surname)}\b", block.text):
                rest = block.text[hit.end():]
                end = _SEGMENT_END.search(rest)
                segment = normalise(rest[:end.start() if end else len(rest)])
                if marks.search(segment) and not any(b in segment for b in common.get("blank_marks", ())):
                    return Evidence(audited.document.path, block.page, block.text[:200])
    return None


@register("signed_by_employee.v1")
def signed_by_employee(audited, cid, comp, result, owners, checklists) -> ComponentResult:
    signed, evidence = employee_signature(audited, checklists)
    if signed is None:
        evidence = signed_by_name(audited, checklists)
        signed = True if evidence else None
    practice = bool(comp.get("practice_norm"))
    if signed:
        return ComponentResult(cid, "present", (evidence,), practice_norm=practice)
    if signed is False:
        return missing_result(audited, cid, comp, practice, message(checklists, "signature_blank"), checklists)
    return missing_result(audited, cid, comp, practice, checklists=checklists)


IDENTITY_KEPT = 64  # documents: a riv's own check and the dossier's gegevens part both ask
_IDENTITY: ByObject[dict[str, bool]] = ByObject(IDENTITY_KEPT)


def identity_marks(audited: AuditedDocument, checklists) -> dict[str, bool]:
    """BSN (label or an 11-proef number), eerste ziektedag label, any signature. Of the document and
    the checklists alone: remembered per document (kept with it, so an id is never taken for another's)."""
    marks = _IDENTITY.get(audited.document, lambda: _identity_marks(audited, checklists), checklists)
    return dict(marks)  # a copy: the caller may mark an exempt type signed


def forget_identity() -> None:
    """Forget the documents' marks (benchmarks: each run pays as a new dossier)."""
    _IDENTITY.clear()


def _identity_marks(audited: AuditedDocument, checklists) -> dict[str, bool]:
    common = vocab(checklists, "components_common")
    every = audited.document.blocks
    text = normalise(audited.document.text + "\n" + "\n".join(b.text for b in every if b.is_furniture))
    bsn_label = compile_words(tuple(common.get("bsn_labels", ())))
    fsd = compile_words(tuple(common.get("first_sick_day_labels", ())))
    blocks = [b for b in every if not b.is_furniture]
    cells = [c for b in every if b.rows for r in b.rows for c in r]
    # a cell without a signature label is no signature (_signed_cell: None): only those with one are read
    labels = tuple(common.get("signature_labels", ()))
    signed = any(_signed_cell(blocks[i].text, checklists, blocks[i].source == "ocr")
                 for i in TextIndex([normalise(b.text) for b in blocks]).matching(labels))
    signed = signed or any(_signed_cell(cells[i], checklists)
                           for i in TextIndex([normalise(c) for c in cells]).matching(labels))
    # the numbers only where no BSN label settles it
    bsn = bool(bsn_label and bsn_label.search(text)) or any(_elf_proef(n) for n in nine_digit_numbers(text))
    return {"bsn": bsn, "eerste_ziektedag": bool(fsd and fsd.search(text)), "signed": bool(signed)}


def nine_digit_numbers(text: str) -> list[str]:
    """The numbers of exactly nine digits once dots and spaces are gone ('123.456.782', '123 456 782'):
    runs of digits kept by length, where a look-behind first was tried at every position of the
    document (issue 3, speed only)."""
    return [run for run in _DIGITS.findall(text.replace(".", "").replace(" ", "")) if len(run) == 9]


def _elf_proef(number: str) -> bool:
    digits = [int(d) for d in number]
    return sum(d * w for d, w in zip(digits, range(9, 1, -1))) - digits[8] == 0 or \
        (sum(d * w for d, w in zip(digits, range(9, 1, -1))) - digits[8]) % 11 == 0


@register("identity_and_signature.v1")
def identity_and_signature(audited, cid, comp, result, owners, checklists) -> ComponentResult:
    marks = identity_marks(audited, checklists)
    practice = bool(comp.get("practice_norm"))
    lacking = [k for k, v in marks.items() if not v]
    if not lacking:
        quote = message(checklists, "identity_present")[0]
        return ComponentResult(cid, "present", (Evidence(audited.document.path, 1, quote),), practice_norm=practice)
    gone_nl = ", ".join(message(checklists, f"mark_{k}")[0] for k in lacking)
    gone_en = ", ".join(message(checklists, f"mark_{k}")[1] for k in lacking)
    reason = (message(checklists, "identity_lacking", gone=gone_nl)[0], message(checklists, "identity_lacking", gone=gone_en)[1])
    return missing_result(audited, cid, comp, practice, reason, checklists)


# --------------------------------------------------------------------------- spoor 1


def verdicts_in_text(text: str, checklists) -> int:
    """How many per-function verdicts a text gives ('kassamedewerker (zelfde niveau) - ongeschikt;
    medewerker webshop - passend binnen IZP'): a table row or a clause each."""
    common = vocab(checklists, "components_common")
    pattern = compile_words(tuple(common.get("function_verdicts", ())))
    generic = compile_words(tuple(common.get("generic_work", ())))  # 'geen passend werk' names no function
    if pattern is None:
        return 0
    clauses = re.split(r"[;\n]|(?<=[.!?])\s+", normalise(text))
    return sum(1 for clause in clauses if pattern.search(generic.sub(" ", clause) if generic else clause))


def functions_tested(text: str, comp, checklists) -> bool:
    """Several functions each with a verdict, tested against the belastbaarheid; or the checklist's
    own wording ('functies op en onder het niveau ... getoetst aan de FML')."""
    if substance_gap(text, comp, checklists) is None:
        return True
    common = vocab(checklists, "components_common")
    capacity = compile_words(tuple(common.get("capacity_words", ())))
    minimum = int(common.get("min_function_verdicts", 2))
    return bool(capacity and capacity.search(normalise(text)) and verdicts_in_text(text, checklists) >= minimum)


@register("functions_tested_against_capacity.v1")
def functions_tested_against_capacity(audited, cid, comp, result, owners, checklists) -> ComponentResult:
    if result.status == "present":
        return result
    key = cid.split(".", 1)[1]
    good = [p for p in find_places(audited, key, comp, owners, checklists) if functions_tested(p.text, comp, checklists)]
    if not good:
        return result
    return ComponentResult(cid, "present", tuple(p.evidence for p in good[:2]), practice_norm=bool(comp.get("practice_norm")))
