"""How page analyses are kept in the store: pickled and zlib-compressed, with every string
stored as a reference that the reader resolves through one table for the whole run.

Pages built from one template repeat most of their strings (block locators, table headers,
headings, entity and measure names, boilerplate sentences); read back page by page, each would
be a copy of its own, and a site's analyses are all in memory together for the audit. Packing
happens in the analysis workers, so the crawling process only moves bytes.
"""

from __future__ import annotations

import io
import pickle
import zlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from crawler.analysis import PageAnalysis


class _Packer(pickle.Pickler):
    def persistent_id(self, obj: object) -> str | None:
        return obj if type(obj) is str else None


class _Unpacker(pickle.Unpickler):
    def __init__(self, data: bytes, strings: dict[str, str]) -> None:
        super().__init__(io.BytesIO(data))
        self.strings = strings

    def persistent_load(self, pid: str) -> str:
        return self.strings.setdefault(pid, pid)


def pack_analysis(analysis: PageAnalysis) -> bytes:
    buffer = io.BytesIO()
    _Packer(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(analysis)
    return zlib.compress(buffer.getvalue())


def unpack_analysis(blob: bytes, strings: dict[str, str] | None = None) -> PageAnalysis:
    """strings: the table shared by every analysis read for one audit (a new one if None)."""
    return _Unpacker(zlib.decompress(blob), {} if strings is None else strings).load()
