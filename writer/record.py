"""Dataclasses for the modules ``writer lint`` imports, made without generating code.

``dataclasses`` compiles every class's methods from source text when the class
is defined, and imports ``inspect`` (with ``ast``, ``dis`` and ``tokenize``) to
do it: about a millisecond a class, and several more for the import. ``writer
lint`` defines some two dozen classes, so that was a third of its start-up on
every CI run. This module makes the same classes from closures over the field
list: ``__init__`` (defaults, default factories, ``__post_init__``),
``__repr__``, ``__eq__``, ``__hash__`` and, when frozen, the refusal to set or
delete an attribute. They remain dataclasses to the standard library:
``dataclasses.fields``, ``replace``, ``asdict`` and ``is_dataclass`` work on them
(their ``__dataclass_fields__`` is built, importing ``dataclasses``, when first
asked for). Only the options this package uses are offered: ``frozen``,
``eq``, ``repr``; and ``field(default=, default_factory=, compare=, repr=)``.
"""

from __future__ import annotations

_MISSING = object()


class _Field:
    __slots__ = ("compare", "default", "default_factory", "name", "repr", "type")

    def __init__(self, default: object, default_factory: object, compare: bool, repr: bool) -> None:
        self.name = self.type = ""
        self.default, self.default_factory, self.compare, self.repr = default, default_factory, compare, repr


def field(
    *, default: object = _MISSING, default_factory: object = _MISSING, compare: bool = True, repr: bool = True
) -> object:
    """As ``dataclasses.field``, for the options this package uses."""
    if default is not _MISSING and default_factory is not _MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return _Field(default, default_factory, compare, repr)


def dataclass(cls: type | None = None, /, *, frozen: bool = False, eq: bool = True, repr: bool = True) -> object:
    """As ``dataclasses.dataclass``, for the options this package uses."""

    def wrap(cls: type) -> type:
        return _make(cls, frozen, eq, repr)

    return wrap if cls is None else wrap(cls)


def _fields_of(cls: type) -> list[_Field]:
    inherited: dict[str, _Field] = {}
    for base in reversed(cls.__mro__[1:]):
        for f in base.__dict__.get("__record_fields__", ()):
            inherited[f.name] = f
    for name, kind in cls.__dict__.get("__annotations__", {}).items():  # noqa: RUF063 - inspect is what we avoid
        if isinstance(kind, str) and kind.startswith(("ClassVar", "typing.ClassVar")):
            continue
        value = cls.__dict__.get(name, _MISSING)
        f = value if isinstance(value, _Field) else _Field(value, _MISSING, True, True)
        f.name, f.type = name, kind
        if isinstance(value, _Field):  # as dataclasses: the default stays a class attribute, a factory does not
            if f.default is _MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
        inherited[name] = f
    fields = list(inherited.values())
    seen_default = False
    for f in fields:
        has_default = f.default is not _MISSING or f.default_factory is not _MISSING
        if seen_default and not has_default:
            raise TypeError(f"non-default argument {f.name!r} follows default argument")
        seen_default = seen_default or has_default
    return fields


def _make(cls: type, frozen: bool, eq: bool, with_repr: bool) -> type:
    fields = tuple(_fields_of(cls))
    names = tuple(f.name for f in fields)
    plan = tuple((f.name, f.default, f.default_factory) for f in fields)
    known = frozenset(names)
    post_init = getattr(cls, "__post_init__", None) is not None
    title = cls.__qualname__

    calls = [0]

    def __init__(self, *args, **kwargs):
        calls[0] += 1
        if calls[0] == _COMPILE_AFTER and cls.__init__ is __init__:
            cls.__init__ = _compiled_init(cls, fields, post_init)  # a hot class: its own code from now on
        if len(args) > len(names):
            raise TypeError(
                f"{title}.__init__() takes {len(names) + 1} positional arguments but {len(args) + 1} were given"
            )
        own = self.__dict__  # set directly, as a frozen dataclass's __init__ does
        for name, value in zip(names, args, strict=False):
            own[name] = value
        for name, value in kwargs.items():
            if name not in known:
                raise TypeError(f"{title}.__init__() got an unexpected keyword argument {name!r}")
            if name in own and names.index(name) < len(args):
                raise TypeError(f"{title}.__init__() got multiple values for argument {name!r}")
            own[name] = value
        if len(args) + len(kwargs) < len(names):
            for name, default, factory in plan:
                if name not in own:
                    if default is not _MISSING:
                        own[name] = default
                    elif factory is not _MISSING:
                        own[name] = factory()
                    else:
                        raise TypeError(f"{title}.__init__() missing 1 required positional argument: {name!r}")
        if post_init:
            self.__post_init__()

    __init__.__qualname__ = f"{title}.__init__"
    cls.__init__ = __init__
    cls.__record_fields__ = fields
    cls.__match_args__ = names
    cls.__dataclass_fields__ = _StandardFields()

    if with_repr and "__repr__" not in cls.__dict__:
        shown = tuple(f.name for f in fields if f.repr)

        def __repr__(self):
            return f"{type(self).__qualname__}({', '.join(f'{n}={getattr(self, n)!r}' for n in shown)})"

        cls.__repr__ = __repr__

    compared = tuple(f.name for f in fields if f.compare)
    if eq and "__eq__" not in cls.__dict__:

        def __eq__(self, other):
            if other.__class__ is self.__class__:  # tuples, as dataclasses compares (identity first)
                return tuple(getattr(self, n) for n in compared) == tuple(getattr(other, n) for n in compared)
            return NotImplemented

        cls.__eq__ = __eq__
        if frozen:

            def __hash__(self):
                return hash(tuple(getattr(self, n) for n in compared))

            cls.__hash__ = __hash__
        else:
            cls.__hash__ = None  # as dataclasses: mutable and compared by value, so unhashable

    if frozen:

        def __setattr__(self, name, value):
            if type(self) is cls or name in known:
                from dataclasses import FrozenInstanceError

                raise FrozenInstanceError(f"cannot assign to field {name!r}")
            super(cls, self).__setattr__(name, value)

        def __delattr__(self, name):
            if type(self) is cls or name in known:
                from dataclasses import FrozenInstanceError

                raise FrozenInstanceError(f"cannot delete field {name!r}")
            super(cls, self).__delattr__(name)

        cls.__setattr__, cls.__delattr__ = __setattr__, __delattr__
    return cls


_COMPILE_AFTER = 64  # instances made by the closure before a class gets compiled code
_FACTORY = object()  # the default of a field with a default factory, in compiled code


def _compiled_init(cls: type, fields: tuple[_Field, ...], post_init: bool) -> object:
    """``__init__`` compiled for one class's fields, as ``dataclasses`` writes it.

    The closure above reads its field plan on every call: several times slower
    than code written for the fields, which matters for records made by the
    ten thousand (a backfill's sentences and figures). Only classes used that
    often pay the compilation, so start-up stays free of it.
    """
    env: dict[str, object] = {"_FACTORY": _FACTORY}
    params, body = [], []
    for i, f in enumerate(fields):
        if f.default is not _MISSING:
            env[f"_d{i}"] = f.default
            params.append(f"{f.name}=_d{i}")
            body.append(f"    __r_own[{f.name!r}] = {f.name}")
        elif f.default_factory is not _MISSING:
            env[f"_f{i}"] = f.default_factory
            params.append(f"{f.name}=_FACTORY")
            body.append(f"    __r_own[{f.name!r}] = _f{i}() if {f.name} is _FACTORY else {f.name}")
        else:
            params.append(f.name)
            body.append(f"    __r_own[{f.name!r}] = {f.name}")
    if post_init:
        body.append("    __r_self.__post_init__()")
    source = (
        (f"def __init__(__r_self, {', '.join(params)}):\n" if params else "def __init__(__r_self):\n")
        + "    __r_own = __r_self.__dict__\n"
        + "\n".join(body)
        + "\n"
    )
    exec(source, env)  # the source is built above from the class's own field names
    init = env["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


class _StandardFields:
    """``__dataclass_fields__`` as the standard library reads it, built on first use."""

    def __get__(self, instance: object, owner: type) -> dict:
        import dataclasses

        made = {}
        for f in owner.__record_fields__:
            std = dataclasses.field(
                default=dataclasses.MISSING if f.default is _MISSING else f.default,
                default_factory=dataclasses.MISSING if f.default_factory is _MISSING else f.default_factory,
                compare=f.compare,
                repr=f.repr,
            )
            std.name, std.type = f.name, f.type
            std._field_type = dataclasses._FIELD  # what dataclasses itself sets on a plain field
            made[f.name] = std
        return made


def replace(obj: object, /, **changes: object) -> object:
    """A copy of a record with some fields changed (``dataclasses.replace``)."""
    for f in type(obj).__record_fields__:
        if f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def asdict(obj: object) -> dict:
    """A record as a dict, records and containers inside it too (``dataclasses.asdict``)."""
    import copy

    def convert(value: object) -> object:
        if hasattr(type(value), "__record_fields__"):
            return {f.name: convert(getattr(value, f.name)) for f in type(value).__record_fields__}
        if isinstance(value, tuple) and hasattr(value, "_fields"):
            return type(value)(*[convert(v) for v in value])
        if isinstance(value, (list, tuple)):
            return type(value)(convert(v) for v in value)
        if isinstance(value, dict):
            return type(value)((convert(k), convert(v)) for k, v in value.items())
        return copy.deepcopy(value)

    return convert(obj)
