"""Read YAML written by hand or sent from outside, within bounded time and memory.

Every YAML reader of the program goes through ``load_yaml``. It refuses
aliases where a file format has no use for them (notes, vocabulary, front
matter) and, where it does (the rules file shares pattern lists by anchor),
caps the size the document would have once every alias is expanded, so an
alias bomb ("billion laughs") is refused in one linear pass over the parser's
events instead of taking minutes and gigabytes. A value YAML cannot build (an
impossible date such as 2026-02-30) is a located error, not a traceback.
"""

from __future__ import annotations

from typing import Any

from writer.errors import Problem, UserError, yaml_problem
from writer.fsutil import MAX_TEXT_BYTES as MAX_BYTES  # a hand-written YAML file is kilobytes

MAX_EXPANDED_NODES = 200_000  # nodes once aliases are expanded; the shipped rules file has about 2,000


def _loader_base() -> type:
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_LOADERS: dict[type, type] = {}


def checked_loader(base: type | None = None) -> type:
    """A safe loader whose values that cannot be built (2026-13-01) raise a located YAML error."""
    import yaml

    base = base or _loader_base()
    if base not in _LOADERS:
        if len(_LOADERS) > 8:  # loaders made per call (the rules file's line loader) are not kept
            _LOADERS.clear()

        class Checked(base):  # type: ignore[misc, valid-type]
            def construct_object(self, node, deep=False):
                try:
                    return super().construct_object(node, deep=deep)
                except (ValueError, OverflowError) as exc:
                    raise yaml.constructor.ConstructorError(
                        None,
                        None,
                        f"{node.value!r} is not a valid {node.tag.rsplit(':', 1)[-1]}: {exc}",
                        node.start_mark,
                    ) from None

        _LOADERS[base] = Checked
    return _LOADERS[base]


def _expansion_problem(text: str, path: str, aliases: bool) -> Problem | None:
    """One pass over the parser's events: refuse aliases, or cap the expanded node count."""
    import yaml

    sizes: dict[str, int] = {}
    stack: list[list[Any]] = [[None, 0]]  # [anchor, nodes so far] per open collection
    total = 0
    for event in yaml.parse(text, Loader=_loader_base()):
        if isinstance(event, yaml.AliasEvent):
            if not aliases:
                return Problem(
                    f"YAML alias *{event.anchor} is not allowed in this file",
                    path=path,
                    line=event.start_mark.line + 1,
                    column=event.start_mark.column + 1,
                    expected="plain values, each written out",
                )
            count = sizes.get(event.anchor, 1)
        elif isinstance(event, yaml.ScalarEvent):
            count = 1
            if event.anchor:
                sizes[event.anchor] = 1
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            stack.append([event.anchor, 1])
            continue
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            anchor, count = stack.pop()
            if anchor:
                sizes[anchor] = count
        else:
            continue
        stack[-1][1] += count
        total += count
        if total > MAX_EXPANDED_NODES:
            return Problem(
                f"YAML expands to over {MAX_EXPANDED_NODES} values through aliases",
                path=path,
                line=event.start_mark.line + 1,
                expected="a file that does not multiply itself through anchors and aliases",
            )
    return None


def load_yaml(text: str, path: str, *, aliases: bool = False, loader: type | None = None) -> Any:
    """Parse YAML safely; every problem is a UserError naming the file (and line where known)."""
    import yaml

    if len(text) > MAX_BYTES:
        raise UserError(Problem(f"file is larger than {MAX_BYTES // (1024 * 1024)} MB", path=path))
    try:
        if "*" in text:  # no alias without an asterisk: skip the extra pass for plain files
            problem = _expansion_problem(text, path, aliases)
            if problem is not None:
                raise UserError(problem)
        return yaml.load(text, Loader=checked_loader(loader))
    except yaml.YAMLError as exc:
        raise UserError(yaml_problem(exc, path)) from None
    except RecursionError:
        raise UserError(Problem("YAML nested too deeply", path=path)) from None
