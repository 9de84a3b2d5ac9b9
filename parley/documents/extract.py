"""Text for models from documents: PDF (pypdfium2), Word, PowerPoint, Excel, HTML and plain text.

Each extractor writes what it finds to a `TextSink`, which stops taking text at the limit and
remembers that it cut, so a huge file costs the limit, not its size.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any


class DocumentRefused(Exception):
    """The file is of an accepted type but cannot be read (damaged, encrypted, over a limit)."""


class TextSink:
    def __init__(self, max_chars: int) -> None:
        self.max_chars = max_chars
        self.parts: list[str] = []
        self.chars = 0
        self.truncated = False

    @property
    def full(self) -> bool:
        return self.truncated

    def write(self, text: str) -> None:
        if self.truncated or not text:
            return
        room = self.max_chars - self.chars
        if len(text) > room:
            text = text[:room]
            self.truncated = True
        self.parts.append(text)
        self.chars += len(text)

    def text(self) -> str:
        return "".join(self.parts).strip()


@dataclass(frozen=True, slots=True)
class Extracted:
    text: str
    truncated: bool
    pages: int | None = None


def extract_pdf(
    path: Path, name: str, out_dir: Path, *, max_chars: int, max_pages: int
) -> Extracted:
    import pypdfium2 as pdfium  # the worker alone loads the parsers

    from parley.documents.images import render_preview

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise DocumentRefused(
                f"“{name}” is protected by a password. Remove the protection and attach it again."
            ) from error
        raise DocumentRefused(f"“{name}” could not be read as a PDF: it is damaged.") from error
    try:
        pages = len(pdf)
        if pages > max_pages:
            raise DocumentRefused(
                f"“{name}” has {pages:,} pages; the limit is {max_pages:,} pages per PDF."
            )
        sink = TextSink(max_chars)
        for index in range(pages):
            if sink.full:
                break
            page = pdf[index]
            try:
                textpage = page.get_textpage()
                try:
                    text = textpage.get_text_bounded()
                finally:
                    textpage.close()
                if index == 0:
                    bitmap = page.render(scale=_preview_scale(page.get_size()))
                    render_preview(bitmap.to_pil(), out_dir)
            finally:
                page.close()
            sink.write(f"--- Page {index + 1} ---\n{text.replace(chr(13), '').strip()}\n\n")
        return Extracted(sink.text(), sink.truncated, pages)
    finally:
        pdf.close()


def _preview_scale(size: tuple[float, float]) -> float:
    width, height = size
    return max(0.05, min(2.0, 480 / max(width, height, 1.0)))


def extract_docx(path: Path, name: str, *, max_chars: int) -> Extracted:
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = _open_office(Document, path, name)
    sink = TextSink(max_chars)
    for block in document.iter_inner_content():
        if sink.full:
            break
        if isinstance(block, Paragraph):
            text = block.text.strip()
            if not text:
                continue
            style = (block.style.name if block.style is not None else "") or ""
            if style.startswith("Heading"):
                level = style.removeprefix("Heading").strip()
                hashes = "#" * (int(level) if level.isdigit() else 1)
                sink.write(f"\n{hashes} {text}\n\n")
            elif style == "Title":
                sink.write(f"# {text}\n\n")
            else:
                sink.write(text + "\n\n")
        elif isinstance(block, Table):
            for row in block.rows:
                cells = [cell.text.strip().replace("\n", " ") for cell in row.cells]
                sink.write("| " + " | ".join(cells) + " |\n")
            sink.write("\n")
    return Extracted(sink.text(), sink.truncated)


def extract_pptx(path: Path, name: str, *, max_chars: int) -> Extracted:
    from pptx import Presentation

    presentation = _open_office(Presentation, path, name)
    sink = TextSink(max_chars)
    slides = list(presentation.slides)
    for number, slide in enumerate(slides, start=1):
        if sink.full:
            break
        sink.write(f"--- Slide {number} ---\n")
        for shape in slide.shapes:
            if shape.has_text_frame:
                text = shape.text_frame.text.strip()
                if text:
                    sink.write(text + "\n")
            elif getattr(shape, "has_table", False) and shape.has_table:
                for row in shape.table.rows:
                    sink.write(" | ".join(cell.text.strip() for cell in row.cells) + "\n")
        if slide.has_notes_slide:
            notes = slide.notes_slide.notes_text_frame
            if notes is not None and notes.text.strip():
                sink.write(f"Notes: {notes.text.strip()}\n")
        sink.write("\n")
    return Extracted(sink.text(), sink.truncated, len(slides))


def extract_xlsx(path: Path, name: str, *, max_chars: int) -> Extracted:
    from openpyxl import load_workbook

    workbook = _open_office(lambda p: load_workbook(p, read_only=True, data_only=True), path, name)
    sink = TextSink(max_chars)
    try:
        for sheet in workbook.worksheets:
            if sink.full:
                break
            sink.write(f"--- Sheet: {sheet.title} ---\n")
            buffer = io.StringIO()
            writer = csv.writer(buffer, lineterminator="\n")
            for row in sheet.iter_rows(values_only=True):
                if sink.full:
                    break
                if all(value is None for value in row):
                    continue
                writer.writerow(["" if value is None else value for value in row])
                sink.write(buffer.getvalue())
                buffer.seek(0)
                buffer.truncate()
            sink.write("\n")
    finally:
        workbook.close()
    return Extracted(sink.text(), sink.truncated)


def extract_html(path: Path, encoding: str, *, max_chars: int) -> Extracted:
    import lxml.html

    raw = path.read_bytes()
    try:
        tree = lxml.html.document_fromstring(raw.decode(encoding, errors="replace"))
    except (ValueError, lxml.etree.ParserError):
        return extract_text(path, encoding, max_chars=max_chars)
    for element in tree.xpath("//script|//style|//noscript|//template"):
        element.drop_tree()
    for element in tree.xpath("//br|//p|//div|//li|//tr|//h1|//h2|//h3|//h4|//h5|//h6"):
        element.tail = "\n" + (element.tail or "")
    lines = [line.strip() for line in tree.text_content().splitlines()]
    sink = TextSink(max_chars)
    sink.write("\n".join(line for line in lines if line))
    return Extracted(sink.text(), sink.truncated)


def extract_text(path: Path, encoding: str, *, max_chars: int) -> Extracted:
    sink = TextSink(max_chars)
    with open(path, encoding=encoding, errors="replace", newline=None) as handle:
        while not sink.full and (chunk := handle.read(1 << 20)):
            sink.write(chunk)
    return Extracted(sink.text(), sink.truncated)


def _open_office(opener: Any, path: Path, name: str) -> Any:
    from zipfile import BadZipFile

    try:
        # a file object: openpyxl refuses a path whose name does not end in .xlsx, and the
        # upload's staging file has no extension
        return opener(io.BytesIO(path.read_bytes()))
    except (BadZipFile, KeyError, ValueError, OSError) as error:
        raise DocumentRefused(f"“{name}” could not be read: the file is damaged.") from error
