"""Shared by the figure kinds: does a text name a source."""

from __future__ import annotations

import re

from writer.housestyle import HouseStyle


def names_source(text: str, source: str, style: HouseStyle) -> bool:
    if style.phrases([source]).search(text):
        return True
    # "Source A" is also cited as "A statistics": the distinctive last word, case-sensitive
    words = source.split()
    if len(words) > 1 and words[0].lower() in style.source_nouns:
        return re.search(rf"(?<![\w.]){re.escape(words[-1])}(?![\w.])", text) is not None
    return False
