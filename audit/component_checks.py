"""Named component checks (``check: name.vN`` in checklists/*.yaml): what a word list cannot see.

- ``zoekprofiel_hours_fit_belastbaarheid.v1``: the zoekprofiel's hours against the benutbare uren the
  same plan states ([DOC-MC]: "Er is onterecht uitgegaan van een urenbeperking. Het urenopbouwschema
  van de bedrijfsarts is niet meegenomen in het zoekprofiel"; rules-and-sources.md B06, D05).
- ``zoekprofiel_follows_belastbaarheid.v1``: after a changed belastbaarheid the zoekprofiel must change
  ([DOC-MC] "Verandert belastbaarheid -> zoekprofiel ook aanpassen!"; B15).
- ``signed_by_employee.v1``: the employee's signature ([DOC-MC] "Ondertekening ter accordering van de werknemer"; B11).
- ``identity_and_signature.v1``: BSN, eerste ziektedag and signature on the document ([UWV-RIV-EN]; A01).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from audit.components import (compile_words, condition_holds, message, missing_result, normalise,
                              section_body, vocab)
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
    hour = _alt(common.get("hour_words", ["uur"]))
    times = _alt(common.get("times", ["x"]))
    per_day = _alt(common.get("per_day", []))
    per_week = _alt(common.get("per_week", []))
    norm = normalise(text)
    found: list[float] = []
    for m in re.finditer(rf"{_NUM}\s*(?:{times})\s*{_NUM}\s*(?:{hour})\b", norm):
        found.append(float(m.group(1).replace(",", ".")) * float(m.group(2).replace(",", ".")))
    for m in re.finditer(rf"(?<!x\s){_NUM}\s*(?:{hour})\s*(?P<unit>{per_day}|{per_week})", norm):
        value = float(m.group(1).replace(",", "."))
        found.append(value * 5 if re.fullmatch(per_day, m.group("unit")) else value)
    return found


def _section_texts(audited: AuditedDocument, owners, keys: Sequence[str]) -> list[tuple[str, int]]:
    out = []
    for i, section in enumerate(audited.sections):
        if owners.get(i, set()) & set(keys):
            body = section_body(audited.sections, i)
            out.append(("\n".join(b.text for b in body), section.page))
    return out


def _role_hours(audited: AuditedDocument, role: str) -> list[float]:
    return [h.per_week for h in audited.hours if h.role == role and h.per_week is not None]


def _hours(audited, owners, keys, role, checklists) -> tuple[list[float], int]:
    texts = _section_texts(audited, owners, keys)
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
    if target and max(zp) < target * (1 - float(params.get("tolerance", 0.1))):
        nl, en = message(checklists, "hours_mismatch", zp=max(zp), fml=target)
        return ComponentResult(cid, "missing", evidence, nl, en, practice)
    return ComponentResult(cid, "present", evidence, practice_norm=practice)


@register("zoekprofiel_follows_belastbaarheid.v1")
def zoekprofiel_follows(audited, cid, comp, result, owners, checklists) -> ComponentResult:
    if result.status != "present":
        return result
    params = comp.get("params", {})
    bl_texts = [t for t, _ in _section_texts(audited, owners, params.get("belastbaarheid_sections", ()))]
    if not bl_texts or not condition_holds("belastbaarheid_gewijzigd", bl_texts, checklists):
        return result
    zp_texts = [t for t, _ in _section_texts(audited, owners, params.get("zoekprofiel_sections", ()))]
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
    return ocr or bool(re.search(r"[a-z]", value))


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
    roles = compile_words(tuple(vocab(checklists, "components_common").get("employee_roles", ())))
    lines = [(b.page, b.text) for b in audited.document.blocks if b.kind != "table" and not b.is_furniture]
    ocr = any(b.source == "ocr" for b in audited.document.blocks)
    for i, (page, line) in enumerate(lines):
        if roles and roles.search(normalise(line)) and len(line.split()) <= 6:
            for _, nxt in lines[i + 1:i + 5]:
                signed = _signed_cell(nxt, checklists, ocr)
                if signed:
                    return True, Evidence(doc, page, line + " … " + nxt)
                if signed is False:
                    verdict = False
    return verdict, None


@register("signed_by_employee.v1")
def signed_by_employee(audited, cid, comp, result, owners, checklists) -> ComponentResult:
    signed, evidence = employee_signature(audited, checklists)
    practice = bool(comp.get("practice_norm"))
    if signed:
        return ComponentResult(cid, "present", (evidence,), practice_norm=practice)
    if signed is False:
        return missing_result(audited, cid, comp, practice, message(checklists, "signature_blank"), checklists)
    return missing_result(audited, cid, comp, practice, checklists=checklists)


def identity_marks(audited: AuditedDocument, checklists) -> dict[str, bool]:
    """BSN (label or an 11-proef number), eerste ziektedag label, any signature."""
    common = vocab(checklists, "components_common")
    text = normalise(audited.document.text + "\n" + "\n".join(b.text for b in audited.document.blocks if b.is_furniture))
    bsn_label = compile_words(tuple(common.get("bsn_labels", ())))
    fsd = compile_words(tuple(common.get("first_sick_day_labels", ())))
    numbers = re.findall(r"(?<![\d.])(\d{9})(?![\d])", text.replace(".", "").replace(" ", ""))
    blocks = [b for b in audited.document.blocks if not b.is_furniture]
    signed = any(_signed_cell(b.text, checklists, b.source == "ocr") for b in blocks)
    signed = signed or any(_signed_cell(c, checklists) for b in audited.document.blocks if b.rows for r in b.rows for c in r)
    return {"bsn": bool((bsn_label and bsn_label.search(text)) or any(_elf_proef(n) for n in numbers)),
            "eerste_ziektedag": bool(fsd and fsd.search(text)), "signed": bool(signed)}


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
