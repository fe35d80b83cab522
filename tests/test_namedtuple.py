"""brutonetto.namedtuple: typing.NamedTuple's class statement, without checking each annotation."""

from __future__ import annotations

import typing
from decimal import Decimal

import pytest
from conftest import ROOT

from brutonetto.namedtuple import NamedTuple


class Stap(NamedTuple):
    """A step."""

    regel: str
    waarde: Decimal = Decimal(0)
    bron: str | None = None

    @property
    def is_nul(self) -> bool:
        return self.waarde == 0


class Getypt(typing.NamedTuple):
    regel: str
    waarde: Decimal = Decimal(0)
    bron: str | None = None


def test_it_behaves_as_typing_namedtuple():
    stap = Stap("uur", Decimal(5))
    assert stap == ("uur", Decimal(5), None) and isinstance(stap, tuple)
    assert Stap._fields == Getypt._fields == ("regel", "waarde", "bron")
    assert Stap._field_defaults == Getypt._field_defaults == {"waarde": Decimal(0), "bron": None}
    assert stap._replace(bron="x").bron == "x" and Stap("a").is_nul and not stap.is_nul
    assert repr(stap) == "Stap(regel='uur', waarde=Decimal('5'), bron=None)"
    assert Stap.__doc__ == "A step." and Stap.__module__ == __name__ and Stap.__qualname__ == "Stap"
    assert Stap.__annotations__ == {"regel": "str", "waarde": "Decimal", "bron": "str | None"}
    assert Stap(regel="b", bron="c")._asdict() == {"regel": "b", "waarde": Decimal(0), "bron": "c"}


def test_it_refuses_what_typing_namedtuple_refuses():
    with pytest.raises(TypeError):
        class Fout(NamedTuple):  # noqa: F841 - a field without a default after one with
            a: int = 0
            b: int
    with pytest.raises(AttributeError):
        class Vervangt(NamedTuple):  # noqa: F841
            a: int

            def _replace(self):  # type: ignore[override]
                return self


def test_every_record_type_uses_it():
    """typing.NamedTuple compiles each field's annotation string: ~3 ms of every cold start."""
    gebruikt = [p.relative_to(ROOT).as_posix() for p in (ROOT / "src").rglob("*.py")
                if "from typing import" in (tekst := p.read_text(encoding="utf-8"))
                and "NamedTuple" in tekst.split("from typing import", 1)[1].split("\n", 1)[0]]
    assert gebruikt == []
