"""The timeline as a picture: 104 sick-leave weeks turned into SVG shapes.

``timeline_to_picture`` places the statutory moments (from ``checklists/data/timeline.yaml``),
the dossier's events, the weeks with sollicitaties and the late items on one horizontal week
axis; the HTML template only draws the shapes (autoescaped), so no text is ever pasted into
markup by hand. Pure: model types and plain data in, frozen shapes out.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from audit.model import Event, Finding, Timeline

WIDTH = 1000.0
PLOT_LEFT, PLOT_RIGHT = 118.0, 988.0
CHAR_WIDTH = 5.9  # average width of a 10px sans-serif character, for label lanes
LANE_HEIGHT = 13.0
SOLLICITATIE_EVENT = "sollicitatie"
TRACK2_START_EVENTS = ("spoor2_start", "spoor2_plan")


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    cls: str
    title: str = ""


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    cls: str


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str
    cls: str = "lbl"
    anchor: str = "start"


@dataclass(frozen=True)
class Mark:
    """A point on the axis: a circle (event) or a triangle (late item)."""

    x: float
    y: float
    shape: str  # "circle" | "triangle"
    cls: str
    title: str = ""

    @property
    def points(self) -> str:
        return f"{self.x:.1f},{self.y - 6:.1f} {self.x + 6:.1f},{self.y + 5:.1f} {self.x - 6:.1f},{self.y + 5:.1f}"


@dataclass(frozen=True)
class Picture:
    height: float
    rects: tuple[Rect, ...]
    lines: tuple[Line, ...]
    labels: tuple[Label, ...]
    marks: tuple[Mark, ...]
    soll_weeks: int = 0
    soll_gap_weeks: int = 0
    unplaced: int = 0  # events the picture could not place (no week)


@dataclass(frozen=True)
class Moment:
    key: str
    first: int
    last: int
    label: str
    source: str


def week_x(week: float, total: int) -> float:
    """Left edge of a week (week 1 starts at the plot's left edge)."""
    return PLOT_LEFT + (week - 1) * (PLOT_RIGHT - PLOT_LEFT) / total


def event_week(event: Event, timeline: Timeline) -> int | None:
    if event.week is not None:
        return event.week
    return timeline.week_of(event.date) if event.date else None


def _param(findings: Mapping, ref: Mapping | None, key: str) -> float | None:
    """A number from a rule's params in checklists/findings.yaml, named by the vocabulary's ``from``."""
    if not ref or key not in ref:
        return None
    value = findings.get(ref.get("finding"), {}).get("params", {}).get(ref[key])
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _moment_weeks(entry: Mapping, findings: Mapping, events: Sequence[Event], timeline: Timeline) -> tuple[int, int]:
    first, last = entry["weeks"]
    ref = entry.get("from")
    first = int(_param(findings, ref, "first") or first)
    last = int(_param(findings, ref, "last") or last)
    anchor = entry.get("after_event")
    if anchor:
        days = _param(findings, ref, "within_days")
        within = round(days / 7) if days else int(entry.get("within_weeks", last - first))
        weeks = [w for e in events if e.event == anchor and (w := event_week(e, timeline))]
        if weeks:
            first, last = min(weeks), min(weeks) + within
    return first, max(first, last)


def moments_from_vocab(vocab: Mapping, findings: Mapping, events: Sequence[Event], timeline: Timeline,
                       lang: str) -> list[Moment]:
    """The statutory moments; weeks from the rule's params where the vocabulary names the rule,
    and a window that hangs off an event (spoor 2 after the EJE) moves with that event."""
    out = []
    for entry in vocab.get("moments", []):
        first, last = _moment_weeks(entry, findings, events, timeline)
        raw = entry["label"]
        label = (raw.get(lang) or raw.get("nl", "")) if isinstance(raw, Mapping) else str(raw)
        out.append(Moment(entry["key"], first, last, label, str(entry.get("source", ""))))
    return out


def gap_weeks_of(vocab: Mapping, findings: Mapping) -> int:
    """The longest stretch without sollicitaties that is not yet drawn as a gap."""
    days = _param(findings, vocab.get("sollicitatie_gap_from"), "days")
    return round(days / 7) if days else int(vocab.get("sollicitatie_gap_weeks", 4))


def _lanes(items: Sequence[tuple[float, str, str]], base: float, right: float = WIDTH - 4) -> list[Label]:
    """Greedy label lanes: (x, text, css class) -> labels below ``base``, no two overlapping."""
    ends: list[float] = []
    placed = []
    for x, label, cls in sorted(items, key=lambda i: i[0]):
        width = len(label) * CHAR_WIDTH
        anchor, left, end = ("start", x + 3, x + 3 + width)
        if end > right:
            anchor, left, end = ("end", x - 3 - width, x - 3)
        lane = next((i for i, e in enumerate(ends) if e < left - 4), len(ends))
        if lane == len(ends):
            ends.append(end)
        else:
            ends[lane] = end
        placed.append(Label(x, base + lane * LANE_HEIGHT, label, cls, anchor))
    return placed


def _axis(total: int, top: float, bottom: float, week_label: str) -> tuple[list[Line], list[Label]]:
    lines, labels = [], []
    for week in range(1, total + 1):
        if week == 1 or week % 13 == 0:
            x = week_x(week + 0.5, total) if week == 1 else week_x(week + 1, total)
            cls = "grid year" if week % 52 == 0 else "grid"
            lines.append(Line(x, top, x, bottom, cls))
            labels.append(Label(x, top - 4, f"{week_label} {week}" if week == 1 else str(week), "axis", "middle"))
    return lines, labels


def _statutory_row(moments: Sequence[Moment], total: int, y: float) -> tuple[list[Rect], list[Label], float]:
    rects = [Rect(week_x(m.first, total), y, week_x(m.last + 1, total) - week_x(m.first, total), 14,
                  "moment", f"{m.label}: {_weeks_text(m.first, m.last)} — {m.source}") for m in moments]
    items = [(week_x(m.first, total), f"{m.label} ({_weeks_text(m.first, m.last)})", "lbl") for m in moments]
    labels = _lanes(items, y + 27)
    return rects, labels, y + 27 + _lane_count(labels, y + 27) * LANE_HEIGHT


def _weeks_text(first: int, last: int) -> str:
    return f"wk {first}" if first == last else f"wk {first}–{last}"


def _lane_count(labels: Sequence[Label], base: float) -> int:
    return int(max((lb.y - base) / LANE_HEIGHT for lb in labels) + 1) if labels else 1


@dataclass(frozen=True)
class PlacedEvent:
    week: int
    label: str
    title: str
    late: bool


def _event_row(events: Sequence[PlacedEvent], total: int, y: float) -> tuple[list[Mark], list[Label], float]:
    marks = [Mark(week_x(e.week + 0.5, total), y + 7, "circle", "event late" if e.late else "event", e.title)
             for e in events]
    items = [(week_x(e.week + 0.5, total), e.label, "lbl late" if e.late else "lbl") for e in events if e.label]
    labels = _lanes(items, y + 27)
    return marks, labels, y + 27 + _lane_count(labels, y + 27) * LANE_HEIGHT


def sollicitatie_cells(weeks_with: set[int], span: tuple[int, int] | None, gap_weeks: int, total: int) -> list[str]:
    """One class per week: 'soll', 'gap', 'gap long' (a run longer than gap_weeks) or 'idle'."""
    cells = ["idle"] * total
    if span is None:
        return cells
    first, last = max(1, span[0]), min(total, span[1])
    run: list[int] = []
    for week in range(first, last + 2):
        if week <= last and week not in weeks_with:
            run.append(week)
            continue
        for w in run:
            cells[w - 1] = "gap long" if len(run) > gap_weeks else "gap"
        run = []
        if week <= last:
            cells[week - 1] = "soll"
    return cells


def _soll_row(cells: Sequence[str], total: int, y: float, titles: Callable[[int, str], str]) -> list[Rect]:
    return [Rect(week_x(i + 1, total), y, week_x(i + 2, total) - week_x(i + 1, total), 14, f"cell {c}",
                 titles(i + 1, c)) for i, c in enumerate(cells)]


def _late_row(findings: Sequence[Finding], total: int, y: float, label_of: Callable[[Finding], str],
              title_of: Callable[[Finding], str]) -> tuple[list[Mark], list[Label], float]:
    placed = [(min(max(f.week, 1), total), f) for f in findings if f.week is not None]
    marks = [Mark(week_x(w + 0.5, total), y + 7, "triangle", "late-mark", title_of(f)) for w, f in placed]
    items = [(week_x(w + 0.5, total), f"{label_of(f)} (wk {f.week})", "lbl late") for w, f in placed]
    labels = _lanes(items, y + 27)
    return marks, labels, y + 27 + _lane_count(labels, y + 27) * LANE_HEIGHT


@dataclass(frozen=True)
class PictureInput:
    """Everything the picture shows, already in the reader's language."""

    total: int
    moments: tuple[Moment, ...]
    events: tuple[PlacedEvent, ...]
    soll_weeks: frozenset[int]
    soll_span: tuple[int, int] | None
    gap_weeks: int
    late: tuple[Finding, ...]
    peildatum_week: int | None
    row_names: Mapping[str, str]  # statutory, dossier, sollicitaties, late, peildatum, week
    late_label: Callable[[Finding], str]
    late_title: Callable[[Finding], str]
    cell_title: Callable[[int, str], str]
    unplaced: int = 0


def timeline_to_picture(data: PictureInput) -> Picture:
    total, names = data.total, data.row_names
    rects, lines, labels, marks = [], [], [], []
    y = 34.0
    rows: list[tuple[str, float]] = [(names["statutory"], y)]
    r, lb, y = _statutory_row(data.moments, total, y)
    rects += r
    labels += lb
    if data.events:
        rows.append((names["dossier"], y + 6))
        m, lb, y = _event_row(data.events, total, y + 6)
        marks += m
        labels += lb
    if data.soll_span:
        rows.append((names["sollicitaties"], y + 6))
        cells = sollicitatie_cells(set(data.soll_weeks), data.soll_span, data.gap_weeks, total)
        rects += _soll_row(cells, total, y + 6, data.cell_title)
        y += 30
    late = [f for f in data.late if f.week is not None]
    if late:
        rows.append((names["late"], y + 6))
        m, lb, y = _late_row(late, total, y + 6, data.late_label, data.late_title)
        marks += m
        labels += lb
    bottom = y + 4
    grid, axis_labels = _axis(total, 26, bottom, names["week"])
    lines = grid + lines
    labels = axis_labels + labels + [Label(6, ry + 11, name, "row") for name, ry in rows]
    if data.peildatum_week is not None:
        x = week_x(min(max(data.peildatum_week, 1), total) + 0.5, total)
        lines.append(Line(x, 12, x, bottom, "peil"))
        labels.append(Label(x, 10, f"{names['peildatum']} (wk {data.peildatum_week})", "peil-lbl",
                            "end" if x > WIDTH - 150 else "start"))
    soll = sum(1 for w in data.soll_weeks if 1 <= w <= total)
    gaps = (sum(1 for c in sollicitatie_cells(set(data.soll_weeks), data.soll_span, data.gap_weeks, total)
                if c.startswith("gap")) if data.soll_span else 0)
    return Picture(bottom + 6, tuple(rects), tuple(lines), tuple(labels), tuple(marks), soll, gaps, data.unplaced)


def sollicitatie_span(events: Sequence[Event], timeline: Timeline, peildatum: date | None,
                      total: int) -> tuple[frozenset[int], tuple[int, int] | None]:
    """Weeks with a sollicitatie, and the span in which they were expected (spoor 2 start or the
    first sollicitatie, up to the peildatum or the last sollicitatie)."""
    weeks = frozenset(w for e in events if e.event == SOLLICITATIE_EVENT and (w := event_week(e, timeline)))
    starts = [w for e in events if e.event in TRACK2_START_EVENTS and (w := event_week(e, timeline))]
    first = min([*starts, *weeks], default=None)
    if first is None:
        return weeks, None
    end = timeline.week_of(peildatum) if peildatum else None
    last = max([w for w in (end, max(weeks, default=None)) if w is not None], default=first)
    return weeks, (first, min(max(last, first), total))
