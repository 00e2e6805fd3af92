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
