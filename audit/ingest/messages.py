"""Every message the readers put on a document or page (Dutch: shown to the user)."""
from __future__ import annotations

EMPTY_FILE = "Het bestand is leeg (0 bytes)."
EMPTY_PDF = "De PDF bevat geen pagina's."
NO_TEXT = "Er staat geen leesbare tekst in dit document (ook niet na OCR)."
CORRUPT_PDF = "De PDF is beschadigd of onvolledig (bijvoorbeeld een afgebroken download) en kan niet worden geopend."
CORRUPT_DOCX = "Het Word-bestand (DOCX) is beschadigd of onvolledig en kan niet worden gelezen."
CORRUPT_IMAGE = "De afbeelding is beschadigd of onvolledig en kan niet worden gelezen."
CORRUPT_ZIP = "Het ZIP-bestand is beschadigd of onvolledig en kan niet worden uitgepakt."
ENCRYPTED = "De PDF is beveiligd met een wachtwoord. Geef het wachtwoord mee met --password, of lever een onbeveiligde versie aan."
ENCRYPTED_WRONG = "De PDF is beveiligd en het opgegeven wachtwoord klopt niet."
ENCRYPTED_UNSUPPORTED = "De PDF gebruikt een beveiliging die niet kan worden geopend. Lever een onbeveiligde versie aan."
ENCRYPTED_OOXML = "Het Office-bestand is met een wachtwoord versleuteld. Sla het op zonder wachtwoord."
WORD97 = "Dit is een oud Word-bestand (Word 97-2003, .doc). Sla het op als DOCX of PDF en lever het opnieuw aan."
OOXML_OTHER = "Dit is een Office-bestand dat geen Word-document is (bijvoorbeeld Excel of PowerPoint). Sla het op als PDF."
UNSUPPORTED = "Dit bestandstype wordt niet ondersteund. Lever het document aan als PDF, DOCX, afbeelding (PNG, JPEG, TIFF) of tekst."
IMAGE_OTHER = "Dit afbeeldingsformaat wordt niet ondersteund. Sla de afbeelding op als PNG, JPEG of TIFF."
PAGE_UNREADABLE = "Deze pagina is beschadigd en kon niet worden gelezen; de andere pagina's wel."
OCR_UNAVAILABLE_PAGE = "Deze pagina is een scan en kon niet worden gelezen: OCR (Tesseract) is niet beschikbaar."
NESTED_ZIP = "ZIP-bestanden binnen een ZIP worden niet verder uitgepakt."
UNSAFE_MEMBER = "Dit bestand in de ZIP is overgeslagen: het pad wijst buiten de map of is een snelkoppeling (symlink)."


def too_big(size: int, limit: int) -> str:
    return f"Het bestand is te groot ({size / 1e6:.0f} MB; de grens is {limit / 1e6:.0f} MB)."


def too_many_pages(total: int, limit: int) -> str:
    return f"Het document heeft {total} pagina's; alleen de eerste {limit} zijn gelezen (grens max_pages)."


def too_many_pixels(pixels: int, limit: int) -> str:
    return f"De afbeelding is te groot ({pixels / 1e6:.0f} megapixel; de grens is {limit / 1e6:.0f} megapixel)."


def pixels_over(limit: int) -> str:
    return f"De afbeelding is te groot (meer dan {limit / 1e6:.0f} megapixel) en wordt niet gelezen."


def low_confidence(confidence: float | None) -> str:
    return f"OCR onzeker op deze pagina (gemiddelde zekerheid {confidence:.0f}%): controleer de tekst."


def furniture(count: int) -> str:
    return f"{count} kop- en voetregel(s) (herhaald op elke pagina, zoals paginanummers) gemarkeerd als kop/voet; niet als inhoud gelezen."


def tables_joined(count: int) -> str:
    return f"{count} tabel(len) liep(en) door op de volgende pagina en zijn samengevoegd."


def missing_pages(pages: list[int]) -> str:
    shown = ", ".join(str(p) for p in pages[:20]) + (" ..." if len(pages) > 20 else "")
    return f"Volgens de paginanummering ontbreken pagina('s): {shown}."


def tracked_deletions(count: int) -> str:
    return f"Het document bevat {count} niet-geaccepteerde verwijdering(en) (bijgehouden wijzigingen); die tekst is niet meegelezen. Mogelijk een conceptversie."


def tracked_insertions(count: int) -> str:
    return f"Het document bevat {count} niet-geaccepteerde invoeging(en) (bijgehouden wijzigingen); die tekst is wel meegelezen. Mogelijk een conceptversie."


def comments(count: int) -> str:
    return f"Het document bevat {count} opmerking(en) in de kantlijn; mogelijk een conceptversie."


def zip_limit(reason: str) -> str:
    return f"Het ZIP-bestand is niet (volledig) uitgepakt: {reason}."


def skipped(name: str, reason: str) -> str:
    return f"{name}: overgeslagen ({reason})."


def ocr_timeout(seconds: float) -> str:
    return f"OCR duurde langer dan {seconds:.0f} seconden en is voor deze pagina afgebroken."


def image_frames(total: int, limit: int) -> str:
    return f"De afbeelding heeft {total} pagina's; alleen de eerste {limit} zijn gelezen."


# --------------------------------------------------------------------------- English
# The messages above are stored on the document in Dutch (the canonical report); a report in
# English shows them through ``english``. Each Dutch text, or the Dutch template of a message
# with numbers, maps to its English text; an unknown text is returned unchanged.

_CONSTANTS_EN = {
    EMPTY_FILE: "The file is empty (0 bytes).",
    EMPTY_PDF: "The PDF has no pages.",
    NO_TEXT: "There is no readable text in this document (not even after OCR).",
    CORRUPT_PDF: "The PDF is damaged or incomplete (for example an interrupted download) and cannot be opened.",
    CORRUPT_DOCX: "The Word file (DOCX) is damaged or incomplete and cannot be read.",
    CORRUPT_IMAGE: "The image is damaged or incomplete and cannot be read.",
    CORRUPT_ZIP: "The ZIP file is damaged or incomplete and cannot be extracted.",
    ENCRYPTED: "The PDF is password-protected. Pass the password with --password, or supply an unprotected version.",
    ENCRYPTED_WRONG: "The PDF is protected and the password given is wrong.",
    ENCRYPTED_UNSUPPORTED: "The PDF uses a protection that cannot be opened. Supply an unprotected version.",
    ENCRYPTED_OOXML: "The Office file is encrypted with a password. Save it without a password.",
    WORD97: "This is an old Word file (Word 97-2003, .doc). Save it as DOCX or PDF and supply it again.",
    OOXML_OTHER: "This is an Office file that is not a Word document (for example Excel or PowerPoint). Save it as PDF.",
    UNSUPPORTED: "This file type is not supported. Supply the document as PDF, DOCX, image (PNG, JPEG, TIFF) or text.",
    IMAGE_OTHER: "This image format is not supported. Save the image as PNG, JPEG or TIFF.",
    PAGE_UNREADABLE: "This page is damaged and could not be read; the other pages could.",
    OCR_UNAVAILABLE_PAGE: "This page is a scan and could not be read: OCR (Tesseract) is not available.",
    NESTED_ZIP: "ZIP files inside a ZIP are not extracted further.",
    UNSAFE_MEMBER: "This file in the ZIP was skipped: its path points outside the folder or it is a link (symlink).",
}

# (the Dutch template with {0}, {1}, ... for the variable parts, the English template)
_TEMPLATES_EN = [
    ("Het bestand is te groot ({0} MB; de grens is {1} MB).", "The file is too large ({0} MB; the limit is {1} MB)."),
    ("Het document heeft {0} pagina's; alleen de eerste {1} zijn gelezen (grens max_pages).",
     "The document has {0} pages; only the first {1} were read (limit max_pages)."),
    ("De afbeelding is te groot ({0} megapixel; de grens is {1} megapixel).",
     "The image is too large ({0} megapixels; the limit is {1} megapixels)."),
    ("De afbeelding is te groot (meer dan {0} megapixel) en wordt niet gelezen.",
     "The image is too large (more than {0} megapixels) and is not read."),
    ("OCR onzeker op deze pagina (gemiddelde zekerheid {0}%): controleer de tekst.",
     "OCR uncertain on this page (mean confidence {0}%): check the text."),
    ("{0} kop- en voetregel(s) (herhaald op elke pagina, zoals paginanummers) gemarkeerd als kop/voet; niet als inhoud gelezen.",
     "{0} header and footer line(s) (repeated on every page, such as page numbers) marked as header/footer; not read as content."),
    ("{0} tabel(len) liep(en) door op de volgende pagina en zijn samengevoegd.",
     "{0} table(s) continued on the next page and were joined."),
    ("Volgens de paginanummering ontbreken pagina('s): {0}.", "According to the page numbering, page(s) are missing: {0}."),
    ("Het document bevat {0} niet-geaccepteerde verwijdering(en) (bijgehouden wijzigingen); die tekst is niet meegelezen. Mogelijk een conceptversie.",
     "The document holds {0} unaccepted deletion(s) (tracked changes); that text was not read. Possibly a draft."),
    ("Het document bevat {0} niet-geaccepteerde invoeging(en) (bijgehouden wijzigingen); die tekst is wel meegelezen. Mogelijk een conceptversie.",
     "The document holds {0} unaccepted insertion(s) (tracked changes); that text was read. Possibly a draft."),
    ("Het document bevat {0} opmerking(en) in de kantlijn; mogelijk een conceptversie.",
     "The document holds {0} margin comment(s); possibly a draft."),
    ("Het ZIP-bestand is niet (volledig) uitgepakt: {0}.", "The ZIP file was not (fully) extracted: {0}."),
    ("{0}: overgeslagen ({1}).", "{0}: skipped ({1})."),
    ("De afbeelding heeft {0} pagina's; alleen de eerste {1} zijn gelezen.",
     "The image has {0} pages; only the first {1} were read."),
    ("OCR duurde langer dan {0} seconden en is voor deze pagina afgebroken.",
     "OCR took longer than {0} seconds and was stopped for this page."),
]


def _template_pattern(template: str):
    import re

    parts = re.split(r"\{(\d)\}", template)
    pattern = "".join(f"(?P<g{p}>.+?)" if i % 2 else re.escape(p) for i, p in enumerate(parts))
    return re.compile(f"^{pattern}$", re.DOTALL)


_PATTERNS_EN = [(_template_pattern(nl), en) for nl, en in _TEMPLATES_EN]

# the reasons given inside zip_limit and skipped
_TEMPLATES_EN += [
    ("meer dan {0} bestanden", "more than {0} files"),
    ("meer dan {0} onderdelen", "more than {0} parts"),
    ("map dieper dan {0} niveaus", "folder deeper than {0} levels"),
]
_CONSTANTS_EN.update({
    "dit bestand pakt te groot uit (mogelijk een zip-bom)": "this file extracts too large (possibly a zip bomb)",
    "uitgepakt te groot (mogelijk een zip-bom)": "too large when extracted (possibly a zip bomb)",
    "een onderdeel pakt extreem groot uit (mogelijk een zip-bom)": "a part extracts extremely large (possibly a zip bomb)",
    "een onderdeel is te groot": "a part is too large",
    "verborgen of tijdelijk bestand": "hidden or temporary file",
    "snelkoppeling (symlink) wordt niet gevolgd": "link (symlink) is not followed",
    "JSON-gegevens, geen dossierdocument": "JSON data, not a dossier document",
})
_INNER_PATTERNS_EN = [(_template_pattern(nl), en) for nl, en in _TEMPLATES_EN[-3:]]


def english(message: str) -> str:
    """The English text of a reader message (a message not made here is returned unchanged)."""
    if message in _CONSTANTS_EN:
        return _CONSTANTS_EN[message]
    for pattern, template in _PATTERNS_EN + _INNER_PATTERNS_EN:
        m = pattern.match(message)
        if m:
            values = {k[1:]: v for k, v in m.groupdict().items()}
            return template.format(*(english(values[str(i)]) for i in range(len(values))))
    return message
