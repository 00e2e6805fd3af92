"""Find the personal data in a dossier's text: the werknemer's name as the dossier writes it,
other persons named after a role, BSNs, dates of birth, addresses, postcodes, phone numbers,
e-mail addresses and diagnoses.

The cue words (labels, titles, tussenvoegsels, street endings, diagnoses) come from
``checklists/data/privacy.yaml`` and ``checklists/data/medical.yaml``; only formats that are not
words live here. ``audit.redact`` turns what is found into placeholders.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from audit.checklist import BUNDLED_DIR, validate_file

VOCAB_DIR = BUNDLED_DIR / "data"
LETTER = r"[^\W\d_]"
NOT_LETTER_BEFORE = rf"(?<!{LETTER})"
NOT_LETTER_AFTER = rf"(?!{LETTER})"
CAP_WORD = r"[A-ZÀ-Ý][a-zà-ÿ'’]{1,40}(?:-[A-ZÀ-Ý][a-zà-ÿ'’]{1,40})?"
INITIALS = r"(?:[A-Z]\.\s?){1,4}"
SEPARATOR = r"[ \t:|—–.\-]{0,12}"
LINE_START = r"(?:^|\|)[ \t]*"

# Formats (not words). An e-mail address; a Dutch phone number (checked for 10 digits below);
# a BSN written as 9 digits or in groups (checked with the 11-proef below); a postcode "1234 AB".
# Matches start only where a run of address characters starts: linear on hostile text.
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
PHONE = re.compile(r"(?<![\w+])(?:\+31|0031|0)[ \-]?(?:\(0\)[ \-]?)?\d(?:[ \-]?\d){7,9}(?!\d)")
DATE_SHAPE = re.compile(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}")
BSN = re.compile(r"(?<![\w.])(\d{4}\.\d{2}\.\d{3}|\d{3}[ .]\d{3}[ .]\d{3}|\d{9})(?!\w)")
POSTCODE = re.compile(rf"(?<!\d)[1-9]\d{{3}} ?(?!SA|SD|SS)[A-Z]{{2}}{NOT_LETTER_AFTER}(?:[ \t]+{CAP_WORD})?")
DATE_TEXT = r"(\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{1,2}\s+[a-z]{3,9}\.?\s+\d{4})"


@dataclass(frozen=True)
class PrivacyVocabulary:
    werknemer_labels: tuple[str, ...]
    person_labels: tuple[str, ...]
    titles: str  # one alternation
    tussenvoegsels: str
    birth: re.Pattern[str]
    address: re.Pattern[str]
    street: re.Pattern[str]  # a capitalised word and a house number; see is_street
    street_endings: tuple[str, ...]
    diagnosis: re.Pattern[str] | None

    def is_street(self, match: str) -> bool:
        return match.split()[0].lower().endswith(self.street_endings)


def _alternation(items: Iterable[str]) -> str:
    return "|".join(f"(?:{i})" for i in items)


def vocabulary_from(privacy: dict, medical: dict) -> PrivacyVocabulary:
    diagnoses = medical.get("diagnoses") or []
    return PrivacyVocabulary(
        werknemer_labels=tuple(privacy["werknemer_labels"]),
        person_labels=tuple(privacy["person_labels"]),
        titles=_alternation(privacy["titles"]),
        tussenvoegsels=_alternation(privacy["tussenvoegsels"]),
        birth=re.compile(rf"(?i:{_alternation(privacy['birth_labels'])}){SEPARATOR}{DATE_TEXT}"),
        address=re.compile(rf"{LINE_START}(?<![\w-])(?i:{_alternation(privacy['address_labels'])})\b"
                           rf"[ \t:|]{{0,12}}([^|\n]{{0,80}}?\d[^|\n]{{0,80}}?)[ \t]*(?=\||$)", re.MULTILINE),
        # No backtracking into the name: the ending is checked on the match (is_street).
        street=re.compile(r"\b[A-ZÀ-Ý][a-zà-ÿ'’-]{2,40}[ \t]+\d{1,5}(?:[ \t]?[a-zA-Z]\b)?(?:[-/]\d{1,4})?(?![-/.]?\d)"),
        street_endings=tuple(e.lower() for e in privacy["street_endings"]),
        # Only where a word starts with a letter: three times faster on long texts.
        diagnosis=re.compile(rf"\b(?={LETTER})(?:{_alternation(diagnoses)}){NOT_LETTER_AFTER}",
                             re.IGNORECASE) if diagnoses else None,
    )


@lru_cache(maxsize=2)
def load_vocabulary(folder: Path = VOCAB_DIR) -> PrivacyVocabulary:
    privacy = validate_file(folder / "privacy.yaml")["entries"]
    medical = validate_file(folder / "medical.yaml")["entries"]
    return vocabulary_from(privacy, medical)


# --------------------------------------------------------------------------- formats

def passes_11_proef(digits: str) -> bool:
    """BSN check: 9*d1 + 8*d2 + ... + 2*d8 - d9 is divisible by 11."""
    if len(digits) != 9 or not digits.isdigit() or digits == "0" * 9:
        return False
    total = sum(int(c) * w for c, w in zip(digits[:8], range(9, 1, -1))) - int(digits[8])
    return total % 11 == 0


def is_phone(candidate: str) -> bool:
    if DATE_SHAPE.match(candidate):
        return False
    digits = re.sub(r"\D", "", candidate)
    if digits.startswith("0031"):
        digits = "0" + digits[4:]
    elif digits.startswith("31"):
        digits = "0" + digits[2:]
    digits = digits.replace("00", "0", 1) if digits.startswith("00") else digits
    return len(digits) == 10 and digits.startswith("0")


def bsns_in(text: str) -> list[str]:
    return [m.group(0) for m in BSN.finditer(text) if passes_11_proef(re.sub(r"\D", "", m.group(0)))]


def phones_in(text: str) -> list[str]:
    return [m.group(0) for m in PHONE.finditer(text) if is_phone(m.group(0))]


# --------------------------------------------------------------------------- names

@dataclass(frozen=True)
class Name:
    first: str | None  # "Peter", or initials "P." / "J.M."
    tussenvoegsel: str | None
    last: str

    def pattern(self, titles: str) -> re.Pattern[str]:
        """Every way the dossier may write this name: 'Peter Hulshof', 'P. Hulshof', 'P_Hulshof',
        'HULSHOF', 'van Dalen' / 'Van Dalen'; the first letter of the surname stays a capital,
        so 'Bakker' the person is found and 'bakker' the trade is not."""
        last = re.escape(self.last[0]) + f"(?i:{re.escape(self.last[1:])})"
        first = ""
        if self.first and not self.first.endswith("."):
            first = rf"(?:(?:{re.escape(self.first)}|{re.escape(self.first[0])}\.?)[\s_]+)?"
        elif self.first:
            # bounded repeats: an unbounded "(?:\s?[A-Z]\.)*[\s_]*" is quadratic on "A.A.A..." (fuzzing)
            first = rf"(?:{re.escape(self.first[0])}\.?(?:\s?[A-Z]\.){{0,4}}[\s_]{{0,3}})?"
        tv = ""
        if self.tussenvoegsel:
            tv = rf"(?:(?i:{re.escape(self.tussenvoegsel).replace(chr(92) + ' ', chr(92) + 's+')})[\s_]+)?"
        return re.compile(rf"{NOT_LETTER_BEFORE}{first}{tv}{last}{NOT_LETTER_AFTER}")

    def first_name_pattern(self) -> re.Pattern[str] | None:
        """A first name on its own ('Anouk werkt 5 uur per dag'), case-sensitive."""
        if not self.first or self.first.endswith(".") or len(self.first) < 3:
            return None
        return re.compile(rf"{NOT_LETTER_BEFORE}{re.escape(self.first)}{NOT_LETTER_AFTER}")


def name_regex(vocab: PrivacyVocabulary) -> str:
    """A person's name: optional title, first name or initials, optional tussenvoegsel, surname."""
    tv = rf"(?:(?P<tv>(?i:{vocab.tussenvoegsels}))\s+)?"
    end = rf"(?!{LETTER}|-)"
    with_first = rf"(?P<first>{INITIALS}|{CAP_WORD})\s*{tv}(?P<last>{CAP_WORD}){end}"
    titled = (rf"(?i:{vocab.titles})\s+(?:(?P<tfirst>{INITIALS})\s*)?"
              rf"(?:(?P<ttv>(?i:{vocab.tussenvoegsels}))\s+)?(?P<tlast>{CAP_WORD}){end}")
    return rf"(?:{titled}|(?:(?i:{vocab.titles})\s+)?{with_first})"


def _name_from(m: re.Match[str]) -> Name:
    if m.group("tlast"):
        return Name(_clean(m.group("tfirst")), _clean(m.group("ttv")), m.group("tlast"))
    return Name(_clean(m.group("first")), _clean(m.group("tv")), m.group("last"))


def _clean(value: str | None) -> str | None:
    return re.sub(r"\s+", " ", value).strip() if value else None


def labelled_names(texts: Sequence[str], labels: Sequence[str], vocab: PrivacyVocabulary) -> list[tuple[int, Name]]:
    """(label rank, name) for every name written right after one of the labels."""
    found = []
    name = name_regex(vocab)
    for rank, label in enumerate(labels):
        pattern = re.compile(rf"{LINE_START}(?i:{label})(?!{LETTER}){SEPARATOR}{name}", re.MULTILINE)
        for text in texts:
            found += [(rank, _name_from(m)) for m in pattern.finditer(text)]
    return found


def titled_surnames(texts: Sequence[str], vocab: PrivacyVocabulary) -> Counter[Name]:
    """'de heer Hulshof', 'mevrouw Van Dalen' anywhere in the text."""
    pattern = re.compile(rf"{NOT_LETTER_BEFORE}(?i:{vocab.titles})\s+(?:(?P<tv>(?i:{vocab.tussenvoegsels}))\s+)?"
                         rf"(?P<last>{CAP_WORD})")
    return Counter(Name(None, _clean(m.group("tv")), m.group("last")) for t in texts for m in pattern.finditer(t))


def find_werknemer(texts: Sequence[str], vocab: PrivacyVocabulary) -> Name | None:
    """The name after the strongest werknemer label, the most frequent among equals; else the
    surname most often written after 'de heer' / 'mevrouw'."""
    found = labelled_names(texts, vocab.werknemer_labels, vocab)
    if found:
        best = min(rank for rank, _ in found)
        counts = Counter(n for rank, n in found if rank == best)
        top = counts.most_common(1)[0][0]
        fuller = [n for n in counts if n.last == top.last and n.first and len(n.first) > len(top.first or "")]
        return fuller[0] if fuller else top
    titled = titled_surnames(texts, vocab)
    return titled.most_common(1)[0][0] if titled else None


def find_other_persons(texts: Sequence[str], vocab: PrivacyVocabulary, werknemer: Name | None) -> list[Name]:
    names: list[Name] = []
    for _, n in labelled_names(texts, vocab.person_labels, vocab):
        if werknemer and n.last.lower() == werknemer.last.lower():
            continue
        if n.first and n not in names:
            names.append(n)
    return names


# --------------------------------------------------------------------------- the rest

def birth_dates_in(text: str, vocab: PrivacyVocabulary) -> list[str]:
    return [m.group(1) for m in vocab.birth.finditer(text)]


def addresses_in(text: str, vocab: PrivacyVocabulary) -> list[str]:
    found = [m.group(1).strip(" ,") for m in vocab.address.finditer(text)]
    found += [m.group(0) for m in vocab.street.finditer(text) if vocab.is_street(m.group(0))]
    return [a for a in found if len(a) >= 4]
