"""How page analyses are kept in the store: pickled and zlib-compressed.

Packing happens in the analysis workers, so the crawling process only moves bytes; unpacking
happens where the audit reads a run's analyses back.
"""

from __future__ import annotations

import pickle
import zlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from crawler.analysis import PageAnalysis


def pack_analysis(analysis: PageAnalysis) -> bytes:
    return zlib.compress(pickle.dumps(analysis, protocol=pickle.HIGHEST_PROTOCOL))


def unpack_analysis(blob: bytes) -> PageAnalysis:
    return pickle.loads(zlib.decompress(blob))
