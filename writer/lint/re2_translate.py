"""Translate a ``regex`` pattern into a RE2 pattern that matches a superset of it.

Used by ``writer.lint.screen``: a screen may let through too much, never too
little. Assertions RE2 lacks (lookarounds, ``\\b``, anchors) are dropped, which
only widens a pattern; Unicode ``\\w \\d`` (RE2's are ASCII) widen to "that
ASCII class or any non-ASCII character", ``\\s`` to every Unicode space; atomic
groups and possessive quantifiers become plain ones. Anything else it does not
know raises Untranslatable.
"""

from __future__ import annotations

import re

_NON_ASCII = r"\x{80}-\x{10FFFF}"
# Widened classes, as the inside of a bracket expression.
_CLASS_BODY = {
    "w": r"0-9A-Za-z_" + _NON_ASCII,
    "d": r"0-9" + _NON_ASCII,
    "s": r"\t-\r\x1c-\x20\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}",
    "W": r"\x00-/:-@\[-^`{-\x7f" + _NON_ASCII,  # every non-ASCII char may be a non-word char (marks, symbols)
    "D": r"\x00-/:-\x{10FFFF}",
    "S": r"\x00-\x08\x0e-\x1b!-\x{10FFFF}",
}
_DROPPED_ESCAPES = set("bBAZmM")  # zero-width: dropping one only widens the pattern
_PLAIN_ESCAPES = set("ntrfva")
_CASE_PROPERTIES = {"lu", "ll", "lt", "lowercase_letter", "uppercase_letter", "titlecase_letter", "upper", "lower"}


class Untranslatable(Exception):
    """The pattern uses something the screen cannot widen soundly."""


def translate(pattern: str, ignorecase: bool) -> str:
    """A RE2 pattern matching a superset of what ``regex`` (VERSION0) would match."""
    out, pos = _sequence(pattern, 0, ignorecase)
    if pos != len(pattern):
        raise Untranslatable(f"unbalanced ')' at {pos}")
    return ("(?i)" if ignorecase else "") + out


def _sequence(p: str, i: int, ignorecase: bool) -> tuple[str, int]:
    """Translate until an unmatched ')' or the end; returns (text, index of the ')' or end)."""
    out: list[str] = []
    after_quantifier = False
    while i < len(p):
        c = p[i]
        if c == ")":
            return "".join(out), i
        if c in "*+?" or (c == "{" and _quantifier(p, i)):
            if after_quantifier and c == "+":  # possessive: the plain quantifier matches more
                i += 1
                continue
            if after_quantifier and c == "?":  # lazy
                out.append(c)
                i += 1
                after_quantifier = False
                continue
            if c == "{":
                end = p.index("}", i)
                low, _, high = p[i + 1 : end].partition(",")
                if "," in p[i + 1 : end]:
                    low = low or "0"
                    high = "" if high and int(high) > 1000 else high  # RE2 caps counts; unbounded is wider
                    out.append(f"{{{min(int(low), 1000)},{high}}}")
                else:
                    if int(low) > 1000:
                        raise Untranslatable("repeat count over 1000")
                    out.append(f"{{{low}}}")
                i = end + 1
            else:
                out.append(c)
                i += 1
            after_quantifier = True
            continue
        after_quantifier = False
        if c == "\\":
            text, i = _escape(p, i, ignorecase, in_class=False)
            out.append(text)
        elif c == "[":
            text, i = _class(p, i, ignorecase)
            out.append(text)
        elif c == "(":
            text, i = _group(p, i, ignorecase)
            out.append(text)
        elif c in "^$":
            out.append("(?:)")  # an anchor dropped
            i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out), i


def _quantifier(p: str, i: int) -> bool:
    return re.match(r"\{(?:\d+|\d*,\d*)\}", p[i:]) is not None and p[i : i + 3] != "{,}"


def _escape(p: str, i: int, ignorecase: bool, in_class: bool) -> tuple[str, int]:
    if i + 1 >= len(p):
        raise Untranslatable("trailing backslash")
    c = p[i + 1]
    if c in _CLASS_BODY:
        return (_CLASS_BODY[c] if in_class else f"[{_CLASS_BODY[c]}]"), i + 2
    if c in _DROPPED_ESCAPES and not in_class:
        return "(?:)", i + 2
    if c in _PLAIN_ESCAPES:
        return "\\" + c, i + 2
    if c == "x":
        m = re.match(r"\\x(?:([0-9a-fA-F]{2})|\{([0-9a-fA-F]+)\})", p[i:])
        if not m:
            raise Untranslatable("bad \\x escape")
        return f"\\x{{{m.group(1) or m.group(2)}}}", i + len(m.group())
    if c in "uU":
        m = re.match(r"\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})", p[i:])
        if not m:
            raise Untranslatable("bad \\u escape")
        return f"\\x{{{m.group(1) or m.group(2)}}}", i + len(m.group())
    if c in "pP":
        m = re.match(r"\\[pP]\{\^?([A-Za-z_]+)\}|\\[pP]([A-Za-z])", p[i:])
        if not m:
            raise Untranslatable("bad property")
        name = m.group(1) or m.group(2)
        if ignorecase and name.lower() in _CASE_PROPERTIES:
            if c == "P" or "^" in m.group():
                raise Untranslatable("negated case property under IGNORECASE")
            return (r"\pL" if in_class else r"[\pL]"), i + len(m.group())
        return m.group(), i + len(m.group())  # RE2 refuses names it lacks: then the rule is unscreened
    if c.isalnum():  # back-references, \G, \K, \N{...}, octal: not translatable
        raise Untranslatable(f"escape \\{c}")
    return "\\" + c, i + 2  # an escaped punctuation character


def _class(p: str, i: int, ignorecase: bool) -> tuple[str, int]:
    j = i + 1
    negated = j < len(p) and p[j] == "^"
    if negated:
        j += 1
    body: list[str] = []
    first = True
    while j < len(p):
        c = p[j]
        if c == "]" and not first:
            break
        first = False
        if c == "\\":
            if negated and j + 1 < len(p) and (p[j + 1] in _CLASS_BODY or p[j + 1] in "pP"):
                raise Untranslatable("widened class inside a negated class")
            text, j = _escape(p, j, ignorecase, in_class=True)
            body.append(text)
        elif c == "[":
            if p[j + 1 : j + 2] in (":", "=", "."):
                raise Untranslatable("POSIX class")
            body.append(r"\[")
            j += 1
        elif c == "]":
            body.append(r"\]")
            j += 1
        else:
            body.append(c)
            j += 1
    else:
        raise Untranslatable("unterminated class")
    return "[" + ("^" if negated else "") + "".join(body) + "]", j + 1


def _group(p: str, i: int, ignorecase: bool) -> tuple[str, int]:
    head = p[i + 1 : i + 4]
    if head.startswith(("?=", "?!", "?<=", "?<!")):
        _, end = _sequence(p, i + (4 if head.startswith("?<") else 3), ignorecase)
        _closing(p, end)
        return "(?:)", end + 1  # a lookaround dropped
    if head.startswith("?#"):
        return "(?:)", p.index(")", i) + 1
    start = i + 1
    prefix = "(?:"
    if head.startswith("?"):
        m = re.match(r"\?(?:(:|>)|P?<[A-Za-z_]\w*>|([ims]*(?:-[ims]+)?)(:|\)))", p[i + 1 :])
        if not m:
            raise Untranslatable(f"group {p[i : i + 6]!r}")
        if m.group(2) is not None:  # inline flags
            flags = m.group(2)
            if "i" in flags.partition("-")[2] and ignorecase:
                pass  # case-sensitive inside: narrower than the screen's, which is fine to keep exact
            if m.group(3) == ")":
                raise Untranslatable("global inline flags")
            prefix = f"(?{flags}:"
        start = i + 1 + len(m.group())
    inner, end = _sequence(p, start, ignorecase)
    _closing(p, end)
    return prefix + inner + ")", end + 1


def _closing(p: str, end: int) -> None:
    if end >= len(p) or p[end] != ")":
        raise Untranslatable("unclosed group")
