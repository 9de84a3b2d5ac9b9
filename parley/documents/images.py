"""Images: checked by decoding them whole, then a copy sized for models and a thumbnail.

Pillow's own decompression-bomb limit (MAX_IMAGE_PIXELS) guards the decode; its warning, which
it gives between the limit and twice the limit, counts as a refusal here too.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

# What both Anthropic and OpenAI take without resizing on their side: a long edge of 1568 px
# and about 1.15 megapixels (Anthropic's guidance; ~1,600 tokens), well under 5 MB.
MODEL_LONG_EDGE = 1568
MODEL_MAX_PIXELS = 1_150_000
MODEL_MAX_BYTES = 3_750_000  # 5 MB once base64-encoded
PREVIEW_LONG_EDGE = 320
PILLOW_FORMATS = {
    "image/png": "PNG",
    "image/jpeg": "JPEG",
    "image/gif": "GIF",
    "image/webp": "WEBP",
    "image/bmp": "BMP",
    "image/tiff": "TIFF",
}


class ImageRefused(Exception):
    pass


@dataclass(frozen=True, slots=True)
class ImageResult:
    width: int
    height: int
    model_media_type: str
    model_width: int
    model_height: int


def process_image(
    path: Path, media_type: str, name: str, out_dir: Path, *, max_pixels: int
) -> ImageResult:
    Image.MAX_IMAGE_PIXELS = max_pixels
    warnings.simplefilter("error", Image.DecompressionBombWarning)
    try:
        with Image.open(path, formats=[PILLOW_FORMATS[media_type]]) as opened:
            width, height = opened.size
            if width * height > max_pixels:
                raise Image.DecompressionBombError("over the limit")
            opened.seek(0)  # an animation's first frame
            opened.load()
            image = ImageOps.exif_transpose(opened)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ImageRefused(
            f"“{name}” is too large an image ({_megapixels(path)}); the limit is "
            f"{max_pixels / 1e6:.0f} megapixels."
        ) from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ImageRefused(
            f"“{name}” could not be read as an image: it is damaged or not really a "
            f"{media_type.split('/')[1].upper()} file."
        ) from error
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info
    )
    image = image.convert("RGBA" if has_alpha else "RGB")
    model = _fit(image, MODEL_LONG_EDGE, MODEL_MAX_PIXELS)
    model_type = _save_for_model(model, out_dir / "model.bin", has_alpha)
    preview = _fit(image, PREVIEW_LONG_EDGE, PREVIEW_LONG_EDGE**2)
    preview.save(out_dir / "preview.webp", "WEBP", quality=80, method=4)
    return ImageResult(width, height, model_type, model.width, model.height)


def _fit(image: Image.Image, long_edge: int, max_pixels: int) -> Image.Image:
    width, height = image.size
    scale = min(1.0, long_edge / max(width, height), math.sqrt(max_pixels / (width * height)))
    if scale >= 1.0:
        return image.copy()
    size = (max(1, int(width * scale)), max(1, int(height * scale)))
    return image.resize(size, Image.Resampling.LANCZOS)


def _save_for_model(image: Image.Image, path: Path, has_alpha: bool) -> str:
    """PNG for transparency and screenshots that stay small; JPEG otherwise. Re-encoding also
    drops whatever rode along after the image data (a polyglot's payload)."""
    if has_alpha:
        image.save(path, "PNG", optimize=True)
        if path.stat().st_size <= MODEL_MAX_BYTES:
            return "image/png"
        image = image.convert("RGB")
    else:
        image.save(path, "PNG", optimize=False)
        if path.stat().st_size <= 400_000:
            return "image/png"
    for quality in (85, 75, 60):
        image.save(path, "JPEG", quality=quality, optimize=True)
        if path.stat().st_size <= MODEL_MAX_BYTES:
            break
    return "image/jpeg"


def _megapixels(path: Path) -> str:
    """The size the header claims, for the message: read without decoding anything."""
    limit, Image.MAX_IMAGE_PIXELS = Image.MAX_IMAGE_PIXELS, None
    try:
        with warnings.catch_warnings(), Image.open(path) as image:
            warnings.simplefilter("ignore")
            width, height = image.size
    except (UnidentifiedImageError, OSError, ValueError):
        return "too many pixels"
    finally:
        Image.MAX_IMAGE_PIXELS = limit
    return f"{width:,} × {height:,} pixels"


def render_preview(image: Image.Image, out_dir: Path) -> None:
    """A thumbnail of something else's rendering (a PDF's first page)."""
    _fit(image.convert("RGB"), PREVIEW_LONG_EDGE, PREVIEW_LONG_EDGE**2).save(
        out_dir / "preview.webp", "WEBP", quality=80, method=4
    )
