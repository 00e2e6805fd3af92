"""DOCX to a Document by walking the XML ourselves: body order with tables interleaved,
heading styles and outline levels, list numbering, content controls (w:sdt), text boxes,
tracked insertions kept and deletions dropped-but-reported (python-docx drops w:ins text:
python-openxml/python-docx#340), headers/footers as furniture, comments reported."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from audit.errors import DocumentError
from audit.ingest import messages as msg
from audit.ingest.docx_package import NS, Package, w
from audit.ingest.docx_styles import Numbering, Styles, heading_level, num_of, on, parse_styles
from audit.ingest.options import ReadOptions
from audit.ingest.pdf_tables import rows_to_text
from audit.ingest.text import BULLET, looks_like_heading, normalise_line, split_numbering
from audit.model import Block, Document, Page

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_PASS_THROUGH = {w(t) for t in ("ins", "hyperlink", "smartTag", "fldSimple", "customXml", "moveTo", "dir", "bdo")}
_DROPPED = {w("del"), w("moveFrom")}


@dataclass
class _Walk:
    """State of one walk through a part: page counter and what was seen."""

    styles: Styles
    numbering: Numbering
    rendered_breaks: bool  # Word wrote w:lastRenderedPageBreak: trust those, not explicit breaks
    page: int = 1
    deletions: int = 0
    insertions: int = 0
    blocks: list[Block] = field(default_factory=list)


@dataclass
class _Para:
    text: list[str] = field(default_factory=list)
    bold: list[bool] = field(default_factory=list)
    size: float | None = None
    boxes: list = field(default_factory=list)  # w:txbxContent elements
    breaks_before: int = 0
    breaks_after: int = 0


def _run(run, para: _Para, walk: _Walk, style_bold: bool) -> None:
    rpr = run.find("w:rPr", NS)
    bold_node = rpr.find("w:b", NS) if rpr is not None else None
    bold = on(bold_node) if bold_node is not None else style_bold
    size_node = rpr.find("w:sz", NS) if rpr is not None else None
    for child in run:
        tag = child.tag
        if tag == w("t"):
            para.text.append(child.text or "")
            if (child.text or "").strip():
                para.bold.append(bold)
                if para.size is None and size_node is not None:
                    try:
                        para.size = int(size_node.get(w("val"))) / 2
                    except (TypeError, ValueError):
                        pass
        elif tag in (w("tab"), w("ptab")):
            para.text.append(" ")
        elif tag in (w("cr"),) or (tag == w("br") and child.get(w("type")) not in ("page",)):
            para.text.append("\n")
        elif tag == w("noBreakHyphen"):
            para.text.append("-")
        elif _is_break(child, walk):
            _count_break(para)
        elif tag in (w("drawing"), w("pict"), f"{{{MC}}}AlternateContent", w("object")):
            para.boxes.extend(_text_boxes(child))


def _is_break(node, walk: _Walk) -> bool:
    if walk.rendered_breaks:
        return node.tag == w("lastRenderedPageBreak")
    return node.tag == w("br") and node.get(w("type")) == "page"


def _count_break(para: _Para) -> None:
    if "".join(para.text).strip():
        para.breaks_after += 1
    else:
        para.breaks_before += 1


def _text_boxes(node) -> list:
    """w:txbxContent under a drawing; of mc:AlternateContent only the first choice (the
    fallback repeats the same text box for old readers)."""
    if node.tag == f"{{{MC}}}AlternateContent":
        choice = node.find(f"{{{MC}}}Choice")
        node = choice if choice is not None else node.find(f"{{{MC}}}Fallback")
        if node is None:
            return []
    found = [box for box in node.iter(w("txbxContent"))]
    return [b for b in found if not any(a.tag == w("txbxContent") for a in b.iterancestors())]


def _inline(node, para: _Para, walk: _Walk, style_bold: bool) -> None:
    for child in node:
        tag = child.tag
        if tag == w("r"):
            _run(child, para, walk, style_bold)
        elif tag in _DROPPED:
            if any((t.text or "").strip() for t in child.iter(w("delText"), w("t"))):
                walk.deletions += 1
        elif tag == w("sdt"):
            content = child.find("w:sdtContent", NS)
            if content is not None:
                _inline(content, para, walk, style_bold)
        elif tag in _PASS_THROUGH:
            if tag == w("ins") and any((t.text or "").strip() for t in child.iter(w("t"))):
                walk.insertions += 1
            _inline(child, para, walk, style_bold)
        elif tag == f"{{{MC}}}AlternateContent":
            para.boxes.extend(_text_boxes(child))


def paragraph_to_blocks(p, walk: _Walk, kind_override: str | None = None) -> list[Block]:
    """One w:p as a block (heading / list item / paragraph), then its text boxes."""
    ppr = p.find("w:pPr", NS)
    style_node = ppr.find("w:pStyle", NS) if ppr is not None else None
    style_id = style_node.get(w("val")) if style_node is not None else None
    if ppr is not None and on(ppr.find("w:pageBreakBefore", NS)) and not walk.rendered_breaks:
        walk.page += 1
    para = _Para()
    _inline(p, para, walk, bool(walk.styles.first(style_id, "bold")))
    walk.page += para.breaks_before
    text = normalise_line("".join(para.text).replace("\n", " "))
    blocks = [_block(text, para, style_id, ppr, walk, kind_override)] if text else []
    for box in para.boxes:
        blocks.extend(sub_blocks(box, walk, kind_override))
    walk.page += para.breaks_after
    section = ppr.find("w:sectPr", NS) if ppr is not None else None
    if section is not None and not walk.rendered_breaks:
        kind = section.find("w:type", NS)
        if kind is None or kind.get(w("val"), "nextPage") in ("nextPage", "oddPage", "evenPage"):
            walk.page += 1  # a section break that starts a new page (ECMA-376 §17.6.22)
    return blocks


def _block(text: str, para: _Para, style_id: str | None, ppr, walk: _Walk, kind_override: str | None) -> Block:
    styles = walk.styles
    bold = bool(para.bold) and all(para.bold)
    size = para.size or styles.first(style_id, "size") or styles.default_size
    level = heading_level(styles, style_id, ppr)
    num = num_of(ppr) or styles.first(style_id, "num")
    numbering = walk.numbering.label(*num) if num else None
    if kind_override:
        kind = kind_override
    elif level is not None:
        kind = "heading"
    elif numbering:
        kind = "list_item"
    else:
        base = styles.default_size or size or 1.0
        manual, depth = split_numbering(text)
        kind = "heading" if looks_like_heading(text, bold=bold, size_ratio=(size or base) / base) else "paragraph"
        if kind == "heading":
            numbering, level = numbering or manual, depth
        elif (bullet := BULLET.match(text)) or manual:
            kind = "list_item"
            numbering = bullet.group(1) if bullet else manual
            text = text[bullet.end():] if bullet else text
    return Block(kind=kind, text=text, page=walk.page, font_size=size, bold=bold,
                 style=styles.name(style_id), level=level if kind == "heading" else None,
                 numbering=numbering, pages=(walk.page,), source="docx")


def sub_blocks(node, walk: _Walk, kind_override: str | None = None) -> list[Block]:
    """Blocks of a nested body (table cell, text box) on the current page; counts carried back."""
    inner = _Walk(walk.styles, walk.numbering, walk.rendered_breaks, page=walk.page)
    body_to_blocks(node, inner, kind_override)
    walk.deletions += inner.deletions
    walk.insertions += inner.insertions
    return inner.blocks


def _cell_text(tc, walk: _Walk) -> str:
    return normalise_line(" ".join(b.text for b in sub_blocks(tc, walk)))


def _rows(tbl, walk: _Walk):
    for tr in tbl.iter(w("tr")):
        if _nearest(tr, "tbl") is not tbl:
            continue  # a nested table's row: read as the outer cell's text
        trpr = tr.find("w:trPr", NS)
        if trpr is not None and trpr.find("w:del", NS) is not None:
            walk.deletions += 1
            continue
        cells = []
        for tc in tr.iter(w("tc")):
            if _nearest(tc, "tr") is tr:
                merge = tc.find("w:tcPr/w:vMerge", NS)
                continued = merge is not None and merge.get(w("val"), "continue") == "continue"
                cells.append("" if continued else _cell_text(tc, walk))
        yield tuple(cells)


def _nearest(node, tag: str):
    return next(node.iterancestors(w(tag)), None)


def table_to_block(tbl, walk: _Walk) -> Block | None:
    page = walk.page
    rows = tuple(r for r in _rows(tbl, walk) if any(r))
    if not rows:
        return None
    pages = tuple(range(page, walk.page + 1))
    return Block(kind="table", text=rows_to_text(rows), page=page, rows=rows, pages=pages, source="docx")


def body_to_blocks(body, walk: _Walk, kind_override: str | None = None) -> list[Block]:
    for child in body:
        tag = child.tag
        if tag == w("p"):
            walk.blocks.extend(paragraph_to_blocks(child, walk, kind_override))
        elif tag == w("tbl"):
            block = table_to_block(child, walk)
            if block:
                walk.blocks.append(replace_kind(block, kind_override))
        elif tag in (w("sdt"),):
            content = child.find("w:sdtContent", NS)
            if content is not None:
                body_to_blocks(content, walk, kind_override)
        elif tag in (w("customXml"), w("ins"), w("moveTo")):
            body_to_blocks(child, walk, kind_override)
        elif tag in _DROPPED:
            walk.deletions += 1
    return walk.blocks


def replace_kind(block: Block, kind: str | None) -> Block:
    from dataclasses import replace

    return replace(block, kind=kind) if kind else block


def furniture_blocks(package: Package, main: str, walk: _Walk) -> tuple[list[Block], list[Block]]:
    """Header and footer parts, each read once, as header/footer blocks on page 1."""
    headers, footers = [], []
    for kind, part in dict.fromkeys(package.relationships(main).values()):
        if kind not in ("header", "footer"):
            continue
        root = package.xml(part)
        if root is None:
            continue
        inner = _Walk(walk.styles, walk.numbering, walk.rendered_breaks)
        (headers if kind == "header" else footers).extend(body_to_blocks(root, inner, kind))
    return headers, footers


def note_blocks(package: Package, main: str, walk: _Walk) -> list[Block]:
    """Footnotes and endnotes (content: a date or a source may sit there), after the body."""
    blocks = []
    for kind, part in dict.fromkeys(package.relationships(main).values()):
        if kind not in ("footnotes", "endnotes") or (root := package.xml(part)) is None:
            continue
        for note in root:
            if note.get(w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            inner = _Walk(walk.styles, walk.numbering, walk.rendered_breaks, page=walk.page)
            blocks.extend(body_to_blocks(note, inner))
    return blocks


def blocks_to_pages(blocks: list[Block]) -> tuple[Page, ...]:
    pages: dict[int, list[Block]] = {}
    for block in blocks:
        pages.setdefault(block.page, []).append(block)
    last = max(pages) if pages else 1
    return tuple(Page(number=n, blocks=tuple(pages.get(n, ()))) for n in range(1, last + 1))


def read_docx(path: Path, display: str, options: ReadOptions) -> Document:
    package = Package(path, options)
    try:
        main = package.main_part()
        root = package.xml(main)
        if root is None or root.find("w:body", NS) is None:
            raise DocumentError("corrupt", msg.CORRUPT_DOCX)
        walk = _Walk(parse_styles(package.xml("word/styles.xml")), Numbering(package.xml("word/numbering.xml")),
                     rendered_breaks=next(root.iter(w("lastRenderedPageBreak")), None) is not None)
        body = body_to_blocks(root.find("w:body", NS), walk)
        body += note_blocks(package, main, walk)
        headers, footers = furniture_blocks(package, main, walk)
        comments = package.xml("word/comments.xml")
        comment_count = len(comments.findall("w:comment", NS)) if comments is not None else 0
    finally:
        package.close()
    headers = [_on_page(b, 1) for b in headers]
    footers = [_on_page(b, max((b.page for b in body), default=1)) for b in footers]
    pages = blocks_to_pages(headers + body + footers)
    warnings = [text for count, text in ((walk.deletions, msg.tracked_deletions), (walk.insertions, msg.tracked_insertions),
                                         (comment_count, msg.comments)) for text in ([text(count)] if count else [])]
    if headers or footers:
        warnings.append(msg.furniture(len(headers) + len(footers)))
    error = code = None
    if not any(b.text.strip() for b in body):
        error, code = msg.NO_TEXT, "empty"
    return Document(path=display, format="docx", pages=pages, error=error, error_code=code, warnings=tuple(warnings))


def _on_page(block: Block, page: int) -> Block:
    from dataclasses import replace

    return replace(block, page=page, pages=(page,))
