"""What a rule may consult besides the document: house style, vocabulary, the week's facts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from writer.entities import Vocabulary
from writer.housestyle import HouseStyle
from writer.lint.document import Document
from writer.lint.mention import LintFacts, Mention, amounts
from writer.lint.rules import MATCH_TIMEOUT, Budget
from writer.record import dataclass, field  # dataclasses without generated code: fast start-up

if TYPE_CHECKING:
    from writer.lint.screen_set import Screen


@dataclass
class Context:
    style: HouseStyle
    vocabulary: Vocabulary
    facts: LintFacts | None = None
    timeout: float | Budget = MATCH_TIMEOUT  # seconds of regex work per pattern in this document
    screen: Screen | bool | None = None  # RE2 pre-filter of text rules (writer.lint.screen); False: none
    _mentions: dict[int, list[Mention]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not isinstance(self.timeout, Budget):
            self.timeout = Budget(self.timeout)

    _doc: Document | None = None

    def attach(self, doc: Document) -> Document:
        """Protect the known publication names of this document before rules read it."""
        names = list(self.vocabulary.publications) + list(self.facts.sources if self.facts is not None else ())
        doc.protect(names)
        if doc.sentence_rules != self.style.sentences:
            doc.sentence_rules = self.style.sentences
            doc.__dict__.pop("sentences", None)  # split again by this language's rules
            doc.__dict__.pop("sentence_starts", None)
        self._doc = doc
        self.timeout.fit(len(doc.source))  # type: ignore[union-attr]
        return doc

    def doc_names_hit(self, start: int, end: int) -> bool:
        return self._doc is not None and self._doc.in_name(start, end)

    def mentions(self, doc: Document) -> list[Mention]:
        """Money mentions of a document, found once and shared by the figure rules."""
        key = id(doc)
        if key not in self._mentions:
            if self.facts is None:  # where the amounts are: the reader of figures is not needed
                self._mentions[key] = amounts(doc, self.style)
            else:
                from writer.lint.mentions import find_mentions

                self._mentions[key] = find_mentions(doc, self.style, self.vocabulary, self.facts)
        return self._mentions[key]

    def read_mentions(self) -> list[Mention] | None:
        """The mentions the figure rules read with the week's data, if one did (the review page marks these)."""
        if self.facts is None or len(self._mentions) != 1:
            return None
        return next(iter(self._mentions.values()))
