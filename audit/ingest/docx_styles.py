"""DOCX styles (heading levels, bold, size, list numbering) and list numbering counters.

ECMA-376 Part 1: §17.7 styles (basedOn chains), §17.3.1.20 outlineLvl (0-8 heading levels,
9 = body text), §17.9 numbering (abstractNum levels, lvlText "%1.%2.", numFmt).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from audit.ingest.docx_package import NS, w

_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
          (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def on(element) -> bool:
    """A w:b-like toggle: present and not switched off."""
    return element is not None and element.get(w("val"), "true") not in ("0", "false", "off")


@dataclass
class Style:
    name: str = ""
    based_on: str | None = None
    outline: int | None = None
    bold: bool | None = None
    size: float | None = None
    num: tuple[str, int] | None = None  # numId, ilvl


@dataclass
class Styles:
    styles: dict[str, Style] = field(default_factory=dict)
    default_size: float | None = None

    def chain(self, style_id: str | None):
        seen = set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            yield self.styles[style_id]
            style_id = self.styles[style_id].based_on

    def first(self, style_id: str | None, attribute: str):
        return next((getattr(s, attribute) for s in self.chain(style_id) if getattr(s, attribute) is not None), None)

    def name(self, style_id: str | None) -> str | None:
        """The name as Word shows it: built-in names are stored lower-case ('heading 1')."""
        style = self.styles.get(style_id or "")
        name = style.name if style else style_id
        return name[:1].upper() + name[1:] if name else name


def _size(rpr) -> float | None:
    node = rpr.find("w:sz", NS) if rpr is not None else None
    try:
        return int(node.get(w("val"))) / 2 if node is not None else None
    except (TypeError, ValueError):
        return None


def num_of(ppr) -> tuple[str, int] | None:
    num = ppr.find("w:numPr", NS) if ppr is not None else None
    if num is None:
        return None
    num_id = num.find("w:numId", NS)
    ilvl = num.find("w:ilvl", NS)
    if num_id is None:
        return None
    try:
        return num_id.get(w("val"), "0"), int(ilvl.get(w("val"), "0")) if ilvl is not None else 0
    except ValueError:
        return None


def parse_styles(root) -> Styles:
    out = Styles()
    if root is None:
        return out
    out.default_size = _size(root.find("w:docDefaults/w:rPrDefault/w:rPr", NS))
    for node in root.iterfind("w:style", NS):
        ppr, rpr = node.find("w:pPr", NS), node.find("w:rPr", NS)
        outline = ppr.find("w:outlineLvl", NS) if ppr is not None else None
        name = node.find("w:name", NS)
        based = node.find("w:basedOn", NS)
        bold = rpr.find("w:b", NS) if rpr is not None else None
        style = Style(name=name.get(w("val"), "") if name is not None else "",
                      based_on=based.get(w("val")) if based is not None else None,
                      bold=on(bold) if bold is not None else None, size=_size(rpr), num=num_of(ppr))
        try:
            style.outline = int(outline.get(w("val"))) if outline is not None else None
        except (TypeError, ValueError):
            pass
        out.styles[node.get(w("styleId"), "")] = style
    return out


def heading_level(styles: Styles, style_id: str | None, ppr) -> int | None:
    """1-based heading level from the paragraph's or its style's outline level, or from the
    built-in style names 'heading N' / 'Title' (Word stores the English built-in name)."""
    direct = ppr.find("w:outlineLvl", NS) if ppr is not None else None
    outline = direct.get(w("val")) if direct is not None else styles.first(style_id, "outline")
    try:
        if outline is not None and 0 <= int(outline) <= 8:
            return int(outline) + 1
    except ValueError:
        pass
    for style in styles.chain(style_id):
        name = style.name.lower()
        if name.startswith("heading ") and name[8:].isdigit():
            return int(name[8:])
        if name == "title":
            return 1
    return None


# --------------------------------------------------------------------------- numbering


def _format(number: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        text = ""
        while number > 0:
            number, rest = divmod(number - 1, 26)
            text = chr(ord("a") + rest) + text
        return text.upper() if fmt == "upperLetter" else text
    if fmt in ("lowerRoman", "upperRoman"):
        text = ""
        for value, letters in _ROMAN:
            while number >= value:
                text, number = text + letters, number - value
        return text.upper() if fmt == "upperRoman" else text
    return str(number)


class Numbering:
    """Counters per list; ``label(numId, ilvl)`` advances and returns "2.1." or "•"."""

    def __init__(self, root):
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if root is None:
            return
        abstract = {}
        for node in root.iterfind("w:abstractNum", NS):
            levels = {}
            for lvl in node.iterfind("w:lvl", NS):
                fmt, text, start = lvl.find("w:numFmt", NS), lvl.find("w:lvlText", NS), lvl.find("w:start", NS)
                try:
                    levels[int(lvl.get(w("ilvl"), "0"))] = (
                        fmt.get(w("val"), "decimal") if fmt is not None else "decimal",
                        text.get(w("val"), "") if text is not None else "",
                        int(start.get(w("val"), "1")) if start is not None else 1)
                except ValueError:
                    continue
            abstract[node.get(w("abstractNumId"))] = levels
        for num in root.iterfind("w:num", NS):
            ref = num.find("w:abstractNumId", NS)
            if ref is not None:
                self.levels[num.get(w("numId"), "")] = abstract.get(ref.get(w("val")), {})

    def label(self, num_id: str, ilvl: int) -> str | None:
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels or num_id == "0":
            return None
        fmt, text, start = levels[ilvl]
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if fmt == "bullet":
            return text.strip() or "\u2022"
        if fmt == "none":
            return None
        for level in range(9):
            if f"%{level + 1}" in text:
                lvl_fmt, _, lvl_start = levels.get(level, ("decimal", "", 1))
                text = text.replace(f"%{level + 1}", _format(counters.get(level, lvl_start), lvl_fmt))
        return text.strip() or None
