from audit.ingest.text import (dehyphenate_text, is_line_break_hyphen, join_lines, mark_furniture,
                               missing_pages, normalise_line, split_numbering)
from audit.model import Block, Page


def test_normalise_ligatures_quotes_dashes_soft_hyphens():
    assert normalise_line("de ﬁnanciële “afspraak” – per\u00adsoneel\u00a0  nu") == 'de financiële "afspraak" - personeel nu'


def test_line_break_hyphen_joined_but_compounds_kept():
    text = join_lines(["De werknemer is arbeids-", "ongeschikt; de re-", "integratie en de WIA-",
                       "aanvraag in spoor-", "2 lopen. De werk-", "gever betaalt."])
    assert text == ("De werknemer is arbeidsongeschikt; de re-integratie en de WIA-aanvraag in spoor-2 lopen. "
                    "De werkgever betaalt.")


def test_vowel_clash_keeps_hyphen():
    assert not is_line_break_hyphen("zee", "egel")
    assert not is_line_break_hyphen("auto", "ongeluk")
    assert is_line_break_hyphen("belast", "baarheid")


def test_dehyphenate_free_text():
    assert dehyphenate_text("de belast-\nbaarheid en re-\nintegratie") == "de belastbaarheid en re-integratie"


def test_numbering_depth():
    assert split_numbering("2.1 Belastbaarheid") == ("2.1", 2)
    assert split_numbering("3. Prognose") == ("3.", 1)
    assert split_numbering("Geen nummer") == (None, None)


def _page(n: int, total: int, body: str) -> Page:
    return Page(number=n, height=800, width=600, blocks=(
        Block("paragraph", "Arbodienst Voorbeeld - Vertrouwelijk", n, bbox=(50, 20, 300, 30)),
        Block("paragraph", body, n, bbox=(50, 100, 500, 400)),
        Block("paragraph", f"Pagina {n} van {total}", n, bbox=(50, 770, 200, 780)),
    ))


def test_furniture_marked_by_repetition_never_dropped():
    pages, marked = mark_furniture([_page(1, 3, "Inhoud een"), _page(2, 3, "Inhoud twee"), _page(3, 3, "Inhoud drie")])
    assert marked == 6
    assert [b.kind for b in pages[1].blocks] == ["header", "paragraph", "footer"]
    assert pages[1].text == "Inhoud twee"
    assert len(pages[1].blocks) == 3


def test_one_off_top_line_is_not_furniture():
    first = Page(number=1, height=800, blocks=(Block("heading", "Plan van aanpak", 1, bbox=(50, 20, 300, 40)),))
    second = Page(number=2, height=800, blocks=(Block("paragraph", "Tekst", 2, bbox=(50, 20, 300, 40)),))
    pages, marked = mark_furniture([first, second])
    assert marked == 0 and pages[0].blocks[0].kind == "heading"


def test_missing_page_from_page_x_of_y():
    pages, _ = mark_furniture([_page(1, 4, "a"), _page(2, 4, "b"), _page(4, 4, "d")])
    assert missing_pages(pages) == [3]
