"""Files of every kind the upload tests send, made here from scratch (nothing downloaded)."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from PIL import Image


def image(
    fmt: str, size: tuple[int, int] = (64, 48), color: str = "teal", mode: str = "RGB"
) -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, color).save(buffer, fmt)
    return buffer.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A PNG whose header claims `width`×`height` with almost no data: a decompression bomb's
    shape (the decoder would allocate for the claim)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 1024))
        + chunk(b"IEND", b"")
    )


def pdf(pages: int, text: str = "Quarterly report") -> bytes:
    from fpdf import FPDF

    document = FPDF()
    document.set_font("helvetica", size=14)
    for number in range(1, pages + 1):
        document.add_page()
        document.cell(text=f"{text}, page {number}")
    return bytes(document.output())


def docx(heading: str = "Minutes", body: str = "The board approved the budget.") -> bytes:
    from docx import Document

    document = Document()
    document.add_heading(heading, level=1)
    document.add_paragraph(body)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Item", "Cost"
    table.cell(1, 0).text, table.cell(1, 1).text = "Chairs", "120"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx(rows: list[list[object]] | None = None) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Sales"
    for row in rows or [["region", "units"], ["north", 12], ["south", 30]]:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def pptx() -> bytes:
    from pptx import Presentation

    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[1])
    slide.shapes.title.text = "Roadmap"
    slide.placeholders[1].text = "Ship files in December"
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def zip_archive() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("inside.txt", "hello")
    return buffer.getvalue()


def elf_binary() -> bytes:
    """The start of a 64-bit Linux executable (header fields as a real one has them)."""
    header = b"\x7fELF\x02\x01\x01\x00" + b"\0" * 8
    header += struct.pack("<HHIQQQIHHHHHH", 2, 0x3E, 1, 0x401000, 64, 0, 0, 64, 56, 1, 64, 0, 0)
    return header + b"\0" * 512


def polyglot() -> bytes:
    """A real PNG with an HTML page (and script) riding after its end."""
    return image("PNG") + b"<html><script>alert(document.cookie)</script></html>"


LATIN1_TEXT = (
    "Voilà une phrase française, écrite à la main : déjà vu, où est la bibliothèque ? "
    "Ça coûte très cher.\nZweite Zeile: Grüße aus München, schöne Straße.\n"
)
CSV_TEXT = "region,units\nnorth,12\nsouth,30\neast,7\n"
