"""Bytes to text: byte-order marks, declared charsets, UTF-8, then detection.

The order follows the HTML encoding sniffing algorithm (WHATWG HTML,
"determining the character encoding"):

1. a byte-order mark (UTF-8, UTF-16 or UTF-32, either byte order);
2. the charset the transport declared (a WARC record's HTTP
   ``Content-Type``);
3. for HTML, the page's own declaration in its first 1,024 bytes
   (``<meta charset>``, ``<meta http-equiv="Content-Type">``, or an XML
   declaration's ``encoding``);
4. UTF-8, when the bytes are valid UTF-8 (or are but for a character cut off
   at the very end, as in a truncated file: that character is dropped, with
   a note);
5. detection by charset-normalizer, among the legacy encodings the WHATWG
   Encoding Standard defines. Where it picks a Latin-script single-byte code
   page and the bytes are valid windows-1252, windows-1252 is used: it is
   the Encoding Standard's default for English (and what the web means by
   the labels "iso-8859-1" and "ascii"), and charset-normalizer cannot tell
   the Latin code pages apart on a short English text (it reads "mööse"
   from ISO-8859-1 bytes as Mac Roman "mˆˆse").

Labels are read as the Encoding Standard reads them (webencodings), so a page
declared ``iso-8859-1`` whose bytes hold a windows-1252 curly apostrophe
(0x92) gets the apostrophe. A declaration that does not fit the bytes (a page
declared UTF-8 that is not) falls through to detection. What detection
chose is reported as a note (:attr:`Decoded.note`), which the ingest summary
prints.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ..errors import LoaderError

__all__ = ["Decoded", "decode_bytes", "declared_charset"]

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))

#: The legacy encodings of the WHATWG Encoding Standard, as Python codecs:
#: what charset-normalizer may choose from.
WEB_ENCODINGS = ("cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258",
                 "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_5", "iso8859_6", "iso8859_7", "iso8859_8",
                 "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16", "koi8_r", "koi8_u",
                 "mac_roman", "cp866", "cp874", "cp932", "euc_jp", "iso2022_jp", "gb18030", "big5", "cp949")
#: Those written in the Latin script, which windows-1252 stands for when it fits.
_LATIN = {"cp1250", "cp1252", "cp1254", "cp1257", "cp1258", "iso8859_2", "iso8859_3", "iso8859_4",
          "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16", "mac_roman"}

_META = re.compile(rb"<meta\b([^>]*)>?", re.I)
_ATTRIBUTE = re.compile(rb"([^\s=/>]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")
_CONTENT_CHARSET = re.compile(rb"charset\s*=\s*[\"']?\s*([-\w.:]+)", re.I)
_XML_DECLARATION = re.compile(rb"<\?xml[^>]*\bencoding\s*=\s*[\"']([-\w.:]+)[\"']", re.I)


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, and how its encoding was found.

    ``source`` is ``"bom"``, ``"declared"``, ``"utf-8"`` or ``"guessed"``;
    ``note`` says what was guessed (None when nothing was).
    """

    text: str
    encoding: str
    source: str
    note: str | None = None


def _python_codec(label: str | bytes | None) -> str | None:
    """The Python codec for a charset label as the Encoding Standard reads it, or None."""
    import webencodings

    if isinstance(label, bytes):
        label = label.decode("ascii", "replace")
    if not label or not label.strip():
        return None
    found = webencodings.lookup(label.strip())
    if found is None:
        # not a web label, but one Python knows ("latin-1", "cp-1252"): read it as the web would
        try:
            python = codecs.lookup(label.strip()).name
        except LookupError:
            return None
        return "cp1252" if python in ("latin-1", "iso8859-1", "ascii") else python
    if found.name in ("replacement", "x-user-defined"):
        return None
    return found.codec_info.name


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML or XML page declares in its first 1,024 bytes, or None.

    Only a ``charset`` attribute of a ``<meta>`` element, an ``http-equiv``
    content type's ``charset``, or an XML declaration at the start counts;
    a meta declaring UTF-16 or UTF-32 means UTF-8 (the bytes of an
    ASCII-compatible page were read to find it).
    """
    head = data[:1024]
    label = next((found for tag in _META.finditer(head) if (found := _meta_charset(tag[1]))), None)
    if label is None:
        match = _XML_DECLARATION.match(head.lstrip())
        label = match[1] if match else None
    if label is None:
        return None
    codec = _python_codec(label)
    if codec and codec.startswith(("utf-16", "utf-32")):
        return "utf-8"
    return codec


def _meta_charset(attributes: bytes) -> bytes | None:
    """The charset a ``<meta>`` tag's attributes declare, as the HTML prescan
    reads them: a ``charset`` attribute, or ``http-equiv="content-type"``
    with ``charset=`` in its ``content``; None otherwise (a description that
    mentions "charset=gbk" declares nothing)."""
    found = {}
    for name, value in _ATTRIBUTE.findall(attributes):
        found.setdefault(name.lower(), value.strip(b"\"'").strip())
    if found.get(b"charset"):
        return found[b"charset"]
    if found.get(b"http-equiv", b"").lower() == b"content-type":
        match = _CONTENT_CHARSET.search(found.get(b"content", b""))
        return match[1] if match else None
    return None


def decode_bytes(data: bytes, where: str, *, transport: str | None = None,
                 html: bool = False) -> Decoded:
    """Decode an article's bytes (see the module docstring for the order).

    Parameters
    ----------
    data : bytes
    where : str
        File or record, for messages.
    transport : str, optional
        A charset label from the transport (HTTP ``Content-Type``).
    html : bool
        Look for the page's own declaration too.

    Returns
    -------
    Decoded
        Line breaks as the bytes had them; a byte-order mark dropped.

    Raises
    ------
    LoaderError
        If the bytes hold NUL bytes without a UTF-16 or UTF-32 byte-order
        mark (a binary file), do not fit their byte-order mark, or fit no
        encoding.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom):].decode(codec), codec, "bom")
            except UnicodeDecodeError as err:
                raise LoaderError(f"not valid {codec} text after its byte-order mark "
                                  f"(bad bytes at offset {err.start + len(bom)})", where) from err
    if b"\x00" in data[:8192]:
        raise LoaderError("binary file, not text (it contains NUL bytes)", where)
    declared = [("HTTP charset", _python_codec(transport))] if transport else []
    if html:
        declared.append(("page's charset", declared_charset(data)))
    wrong = []
    for name, codec in declared:
        if codec is None:
            continue
        try:
            return Decoded(data.decode(codec), codec, "declared")
        except UnicodeDecodeError:
            wrong.append(f"the {name} {codec} does not fit the bytes")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "utf-8")
    except UnicodeDecodeError as err:
        first_bad = err.start
        if err.reason == "unexpected end of data" and len(data) - err.start < 4:
            # UTF-8 but for a character cut off at the end (a truncated file):
            # read as UTF-8 without it, not as mojibake in a guessed encoding
            note = f"{where}: the file ends inside a UTF-8 character (truncated?); that character is dropped"
            return Decoded(data[:err.start].decode("utf-8"), "utf-8", "utf-8", note)
    codec = _detect(data)
    if codec is None:
        raise LoaderError(f"not text in any known encoding (not UTF-8: bad byte at offset {first_bad})", where)
    why = "; ".join(wrong) or "no charset declared"
    note = f"{where}: encoding guessed as {_label(codec)} ({why}, and not UTF-8)"
    return Decoded(data.decode(codec), codec, "guessed", note)


def _label(codec: str) -> str:
    """A codec's usual name in messages ("cp1252" is "windows-1252")."""
    name = codecs.lookup(codec).name
    return "windows-" + name[2:] if re.fullmatch(r"cp125\d", name) else name


def _detect(data: bytes) -> str | None:
    """charset-normalizer's choice among :data:`WEB_ENCODINGS` (windows-1252 for
    a Latin one where it fits), or None."""
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(WEB_ENCODINGS)).best()
    if best is None:
        return _fits(data, "cp1252")
    if best.encoding in _LATIN and _fits(data, "cp1252"):
        return "cp1252"
    return best.encoding


def _fits(data: bytes, codec: str) -> str | None:
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return None
    return codec
