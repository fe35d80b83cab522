"""`typing.NamedTuple` without its check of each field's annotation.

Every record type here is a `class X(NamedTuple)` with annotated fields. Under
`from __future__ import annotations` the annotations are strings, and `typing.NamedTuple`
turns each into a `ForwardRef`, compiling it, only to check that it names a type: for
the ~25 record types a command loads, ~3 ms of a cold start that does nothing for
anyone (bench/run.py measures cold start; tests/test_namedtuple.py keeps this one in use).
This is the same class statement, the same `collections.namedtuple` underneath, the same
`_fields`, defaults, `_replace`, methods and docstrings; the annotations are kept as
written. Type checkers see `typing.NamedTuple` itself.
"""

from __future__ import annotations

import collections
from typing import TYPE_CHECKING, Any

__all__ = ["NamedTuple"]

if TYPE_CHECKING:
    from typing import NamedTuple
else:
    _VERBODEN = frozenset({"_fields", "_asdict", "__slots__", "_field_defaults", "_make", "__getnewargs__",
                           "__new__", "_source", "__init__", "_replace"})
    _AL_GEZET = frozenset({"__annotations__", "__name__", "__module__"})

    class _Meta(type):
        def __new__(cls, naam: str, bases: tuple[type, ...], ns: dict[str, Any]) -> Any:
            if not bases:  # NamedTuple itself
                return super().__new__(cls, naam, bases, ns)
            if bases != (NamedTuple,):
                raise TypeError("a NamedTuple can only inherit from NamedTuple")
            velden = ns.get("__annotations__", {})
            standaard = [veld for veld in velden if veld in ns]
            if standaard and list(velden)[-len(standaard):] != standaard:
                raise TypeError(f"{naam}: a field without a default follows one with a default")
            klasse = collections.namedtuple(naam, velden, defaults=[ns[v] for v in standaard], module=ns["__module__"])
            klasse.__annotations__ = dict(velden)
            for sleutel, waarde in ns.items():
                if sleutel in _VERBODEN:
                    raise AttributeError(f"{naam}: cannot overwrite NamedTuple attribute {sleutel}")
                if sleutel not in _AL_GEZET and sleutel not in klasse._fields:
                    setattr(klasse, sleutel, waarde)
            return klasse

    class NamedTuple(metaclass=_Meta):
        """Base of a record type: `class Stap(NamedTuple): regel: str; waarde: Decimal = NUL`."""
