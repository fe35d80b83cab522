"""The Click side of the command line, in Dutch: help, usage errors, and commands built when asked.

Typer turns each command's signature into Click parameters; for all commands that costs
more than a cold start of one command may spend. `Groep` keeps the commands in a `Typer`
of their own and builds a command only when it is looked up (the lazy group of Click's
documentation), so `brutonetto compute` builds `compute` and `--help` builds them all.

Click writes its help and usage errors in English ("Usage:", "No such option", "Show this
message and exit"). Typer's copy of Click has no translation hook, so `Groep` and `Commando`
write the help themselves and translate the few error messages Click can raise; every
usage error ends as `fout: ...` with exit 2, the contract's code for wrong usage.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Mapping
from typing import Any

import typer
import typer.core
import typer.main

try:  # Typer 0.20+ carries its own copy of Click
    from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError
    from typer._click.globals import get_current_context  # noqa: F401 - for cli.uitvoer
except ImportError:  # pragma: no cover - older Typer on Click itself
    from click.exceptions import ClickException, NoArgsIsHelpError, UsageError  # type: ignore[no-redef]

OPTIES = "[OPTIES]"
HULP = "Toon deze hulp en stop."

# Click's messages, first match wins; `\g<n>` refers to the pattern's groups.
_VERTALINGEN: tuple[tuple[str, str], ...] = (
    (r"No such option: (\S+) \(Possible options: (.*)\)", r"onbekende optie \1; bedoelt u \2?"),
    (r"No such option: (.*)", r"onbekende optie \1"),
    (r"No such command '(.*)'\. Did you mean (.*)\?", r"onbekend commando '\1'; bedoelt u \2?"),
    (r"No such command '(.*)'\.", r"onbekend commando '\1'"),
    (r"Missing command\.", r"geef een commando"),
    (r"Missing argument '(.*)'\.", r"het argument \1 ontbreekt"),
    (r"Missing option '(.*?)'(?: / '.*')?\.", r"de optie \1 ontbreekt"),
    (r"Missing parameter: (.*)", r"\1 ontbreekt"),
    (r"Option '(.*)' requires an argument\.", r"de optie \1 heeft een waarde nodig"),
    (r"Option '(.*)' requires (\d+) arguments\.", r"de optie \1 heeft \2 waarden nodig"),
    (r"Option '(.*)' does not take a value\.", r"de optie \1 neemt geen waarde"),
    (r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", r"onverwacht extra argument: \1"),
    (r"Invalid value for '(.*?)'(?: / '.*?')*: (.*)", r"ongeldige waarde voor \1: \2"),
    (r"Invalid value: (.*)", r"ongeldige waarde: \1"),
)
# Inside "Invalid value for ...": what was wrong with the value.
_WAARDEN: tuple[tuple[str, str], ...] = (
    (r"(?:Value error, )?'(.*)' is not one of (.*)\.", r"'\1' is geen van \2"),
    (r"(?:Value error, )?'(.*)' is not a valid (?:integer|int)(?: range)?\.?", r"'\1' is geen geheel getal"),
    (r"(?:Value error, )?'(.*)' is not a valid float(?: range)?\.?", r"'\1' is geen getal"),
    (r"(?:Value error, )?'(.*)' is not a valid boolean\.?", r"'\1' is geen ja/nee (gebruik de optie zonder waarde)"),
    (r"Value error, (.*)", r"\1"),
)


def vertaal(bericht: str) -> str:
    """A Click usage message in Dutch; one Click does not have in this table stays as it is."""
    for patroon, vervanging in _VERTALINGEN:
        gevonden = re.fullmatch(patroon, bericht.strip(), re.S)
        if gevonden is not None:
            tekst = gevonden.expand(vervanging)
            if patroon.startswith("Invalid value"):
                waarde = gevonden.group(gevonden.lastindex or 1)
                for binnen, dutch in _WAARDEN:
                    deel = re.fullmatch(binnen, waarde, re.S)
                    if deel is not None:
                        tekst = tekst[: len(tekst) - len(waarde)] + deel.expand(dutch)
                        break
            return tekst
    return bericht


def _extra(help_tekst: str) -> str:
    """`... [default: table; required]` -> `... [standaard: table; verplicht]`."""
    def vervang(gevonden: re.Match[str]) -> str:
        delen = []
        for deel in gevonden.group(1).split("; "):
            deel = re.sub(r"^default: ", "standaard: ", deel)
            deel = "verplicht" if deel == "required" else deel
            delen.append(deel)
        return "[" + "; ".join(delen) + "]"

    return re.sub(r"\[((?:default: |required)[^\]]*)\]$", vervang, help_tekst)


class _Nederlands:
    """Help in Dutch, for a command and for the group alike (a mixin before Typer's class)."""

    def get_help_option(self, ctx: Any) -> Any:
        optie = super().get_help_option(ctx)  # type: ignore[misc]
        if optie is not None:
            optie.help = HULP
        return optie

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        stukken = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(stukken), prefix="Gebruik: ")

    def format_options(self, ctx: Any, formatter: Any) -> None:
        argumenten, opties = [], []
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            record = param.get_help_record(ctx)
            if record is None:
                continue
            naam, uitleg = record
            if param.param_type_name == "argument":
                # Typer adds the Python type (`PAD <list[str]>`): the metavar says enough
                argumenten.append((param.metavar or naam.split(" ")[0], _extra(uitleg)))
            else:
                opties.append((naam, _extra(uitleg)))
        if argumenten:
            with formatter.section("Argumenten"):
                formatter.write_dl(argumenten)
        if opties:
            with formatter.section("Opties"):
                formatter.write_dl(opties)


class Commando(_Nederlands, typer.core.TyperCommand):
    """One command, with its help in Dutch."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        for parameter in self.get_params(ctx):  # its own options, and --help
            _licht(parameter)
        return super().parse_args(ctx, args)


class _Commandos(Mapping):
    """The group's commands by name, each built into Click the first time it is asked for."""

    def __init__(self, bron: typer.Typer) -> None:
        self._info = {typer.main.get_command_name(i.name or i.callback.__name__): i for i in bron.registered_commands}
        self._gebouwd: dict[str, Any] = {}

    def __getitem__(self, naam: str) -> Any:
        if naam not in self._gebouwd:
            commando = typer.main.get_command_from_info(
                self._info[naam], pretty_exceptions_short=True, rich_markup_mode=None
            )
            self._gebouwd[naam] = commando
        return self._gebouwd[naam]

    def __iter__(self) -> Iterator[str]:
        return iter(self._info)

    def __len__(self) -> int:
        return len(self._info)


try:  # Typer 0.2x coerces every parameter through a pydantic TypeAdapter, built at each run
    from typer._coercion import RuntimeParam as _RuntimeParam
except ImportError:  # pragma: no cover - an older Typer coerces with Click's own types
    _RuntimeParam = None


def _licht(parameter: Any) -> None:
    """Coerce our plain option types without pydantic: building a TypeAdapter per option cost
    ~20 ms of every cold start (bench/run.py), for values Click has already parsed as text.

    Only the annotations this CLI uses (text, paths, our Enums, lists of text) get the light
    coercion; any other keeps Typer's. An Enum value that is not one of its choices is a
    usage error in Dutch, as Typer's would be.
    """
    beschrijving = getattr(parameter, "type_descriptor", None)
    if _RuntimeParam is None or beschrijving is None or not hasattr(parameter, "_runtime_param"):
        return
    soort = _gewoon(beschrijving.annotation)
    if soort is not None:
        parameter._runtime_param = _Licht(beschrijving.parameter_info, beschrijving.annotation, soort)


def _gewoon(annotatie: Any) -> Any:
    """The plain type behind an annotation (Optional and list unwrapped), or None for another kind."""
    import types
    import typing
    from enum import Enum
    from pathlib import Path

    oorsprong = typing.get_origin(annotatie)
    if oorsprong in (typing.Union, types.UnionType):
        delen = [a for a in typing.get_args(annotatie) if a is not type(None)]
        return _gewoon(delen[0]) if len(delen) == 1 else None
    if oorsprong is list:
        (binnen,) = typing.get_args(annotatie)
        return (list, _gewoon(binnen)) if _gewoon(binnen) is str else None
    if annotatie in (str, Path, bool) or (isinstance(annotatie, type) and issubclass(annotatie, Enum)):
        return annotatie
    return None


if _RuntimeParam is not None:

    class _Licht(_RuntimeParam):  # type: ignore[misc, valid-type]
        # not a dataclass of its own: making one costs ~1 ms of a cold start; frozen like Typer's
        def __init__(self, parameter_info: Any, annotation: Any, soort: Any) -> None:
            object.__setattr__(self, "parameter_info", parameter_info)
            object.__setattr__(self, "annotation", annotation)
            object.__setattr__(self, "soort", soort)

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            from enum import Enum

            if isinstance(self.soort, tuple):
                return [str(v) for v in value]
            if self.soort is bool:  # a flag: Click hands over a bool already
                if isinstance(value, bool):
                    return value
                raise UsageError(f"{param.opts[0]} is een vlag zonder waarde", ctx=ctx)
            if isinstance(self.soort, type) and issubclass(self.soort, Enum):
                if isinstance(value, self.soort):
                    return value
                try:
                    return self.soort(value)
                except ValueError:
                    keuzes = ", ".join(f"'{e.value}'" for e in self.soort)
                    raise UsageError(f"ongeldige waarde voor {param.opts[0]}: '{value}' is geen van {keuzes}", ctx=ctx) from None
            return self.soort(value)


class Groep(_Nederlands, typer.core.TyperGroup):
    """The `brutonetto` group: commands built on demand, help and usage errors in Dutch."""

    bron: typer.Typer  # where the commands are registered; set by `met`

    @classmethod
    def met(cls, bron: typer.Typer) -> type[Groep]:
        """A group class whose commands are those registered on `bron`."""
        return type(cls.__name__, (cls,), {"bron": bron})

    def __init__(self, **kwargs: Any) -> None:
        kwargs["subcommand_metavar"] = "COMMANDO [ARGUMENTEN]..."
        kwargs["rich_markup_mode"] = None
        super().__init__(**kwargs)
        self.commands = _Commandos(self.bron)  # type: ignore[assignment]

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        for parameter in self.get_params(ctx):  # --version, --help
            _licht(parameter)
        return super().parse_args(ctx, args)

    def format_options(self, ctx: Any, formatter: Any) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        rijen = [(naam, self.commands[naam].get_short_help_str(formatter.width - 16)) for naam in self.commands]
        if rijen:
            with formatter.section("Commando's"):
                formatter.write_dl(rijen)

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        """Click's main, with every usage error in Dutch: `fout: ...`, exit 2."""
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except NoArgsIsHelpError as fout:
            typer.echo(fout.ctx.get_help(), err=True)
            code = 2
        except UsageError as fout:
            toon_gebruiksfout(fout.format_message(), fout.ctx)
            code = 2
        except ClickException as fout:  # pragma: no cover - not raised by our parameters
            typer.echo(f"fout: {vertaal(fout.format_message())}", err=True)
            code = fout.exit_code
        except typer.Abort:
            typer.echo("afgebroken", err=True)
            code = 1
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else 0)


def toon_gebruiksfout(bericht: str, ctx: Any = None) -> None:
    """A usage error as the user sees it: the usage line, where to find help, and `fout: ...`."""
    if ctx is not None:
        hulp = f"{ctx.command_path} {max(ctx.help_option_names or ['--help'], key=len)}"
        typer.echo(f"{ctx.get_usage()}\nProbeer '{hulp}' voor hulp.\n", err=True)
    typer.echo(f"fout: {vertaal(bericht)}", err=True)
