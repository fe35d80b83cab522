"""The Click side of the command line, in Dutch: help and usage errors.

Click writes its help and usage errors in English ("Usage:", "No such option", "Show this
message and exit"), and Typer's Click has no translation hook, so `Groep` and `Commando`
write the help themselves (through Click's public formatting methods) and translate the
few error messages Click can raise; every usage error ends as `fout: ...` with exit 2,
the contract's code for wrong usage.
"""

from __future__ import annotations

import difflib
import re
import sys
from typing import Any

import typer
import typer.core


def _click_klasse(naam: str) -> type[Exception]:
    """Click's exception class `naam` (UsageError, ClickException), found among the bases of
    `typer.BadParameter`: Typer exports no other of Click's exceptions, and its Click is its
    own copy since Typer 0.26 (Click itself before), so these are the classes it raises."""
    return next(k for k in typer.BadParameter.__mro__ if k.__name__ == naam)


UsageError = _click_klasse("UsageError")
ClickException = _click_klasse("ClickException")

OPTIES = "[OPTIES]"
HULP = "Toon deze hulp en stop."

# Every command also answers to its Dutch name (contract v3); erlang, schema and init are
# the same in both languages. Scripts keep working with either.
NEDERLANDS: dict[str, str] = {
    "bereken": "compute",
    "vergelijk": "compare",
    "controleer": "validate",
    "uitleg": "explain",
    "grafiek": "chart",
    "gevoeligheid": "sensitivity",
    "begroting": "budget",
    "realisatie": "realisation",
    "zoek": "solve",
}

# Click's messages, first match wins; `\g<n>` refers to the pattern's groups.
_VERTALINGEN: tuple[tuple[str, str], ...] = (
    (r"No such option: (\S+) \(Possible options: (.*)\)", r"onbekende optie \1; bedoelt u \2?"),
    (r"No such option: (.*)", r"onbekende optie \1"),
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
    """One command, with its help in Dutch; a `Gebruiksfout` of its work is a usage error."""

    def invoke(self, ctx: Any) -> Any:
        from brutonetto.cli.uitvoer import Gebruiksfout

        try:
            return super().invoke(ctx)
        except Gebruiksfout as fout:
            raise UsageError(str(fout), ctx) from None


class Groep(_Nederlands, typer.core.TyperGroup):
    """The `brutonetto` group: help and usage errors in Dutch; without arguments, the help.

    The commands are registered on a Typer of their own (`bron`) and each is built into a
    Click command when it is asked for: Click's lazy group (its documentation, "Lazily
    loading subcommands": `list_commands` and `get_command`). A run builds the one command
    it runs; building all eleven, with their ~80 options, was a tenth of a cold start.
    """

    bron: typer.Typer  # where the commands are registered; set by `met`

    @classmethod
    def met(cls, bron: typer.Typer) -> type[Groep]:
        """A group class whose commands are those registered on `bron`."""
        return type(cls.__name__, (cls,), {"bron": bron})

    def __init__(self, **kwargs: Any) -> None:
        kwargs["subcommand_metavar"] = "COMMANDO [ARGUMENTEN]..."
        kwargs["rich_markup_mode"] = None
        super().__init__(**kwargs)
        self._geregistreerd = {
            typer.main.get_command_name(info.name or info.callback.__name__): info  # type: ignore[union-attr]
            for info in self.bron.registered_commands
        }

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        naam = args[0] if args else ""
        if naam in NEDERLANDS and NEDERLANDS[naam] in self._geregistreerd:
            _, commando, rest = super().resolve_command(ctx, [NEDERLANDS[naam], *args[1:]])
            return naam, commando, rest
        if naam and not naam.startswith("-") and naam not in self._geregistreerd:
            namen = [*self._geregistreerd, *(nl for nl, en in NEDERLANDS.items() if en in self._geregistreerd)]
            bedoeld = difflib.get_close_matches(naam, namen)
            hint = f"; bedoelt u {', '.join(repr(b) for b in bedoeld)}?" if bedoeld else ""
            raise UsageError(f"onbekend commando '{naam}'{hint}", ctx)
        return super().resolve_command(ctx, args)

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self._geregistreerd)

    def get_command(self, ctx: Any, naam: str) -> Any:
        if naam not in self.commands and naam in self._geregistreerd:
            self.commands[naam] = typer.main.get_command_from_info(
                self._geregistreerd[naam], pretty_exceptions_short=True, rich_markup_mode=None
            )
        return self.commands.get(naam)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if not args and not ctx.resilient_parsing:  # the help, on stderr: nothing was asked
            typer.echo(ctx.get_help(), err=True)
            ctx.exit(2)
        return super().parse_args(ctx, args)

    def format_options(self, ctx: Any, formatter: Any) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        nederlands = {en: nl for nl, en in NEDERLANDS.items()}
        namen = {naam: f"{naam} ({nederlands[naam]})" if naam in nederlands else naam
                 for naam in self.list_commands(ctx)}
        # the short help fits on the line beside the longest name
        ruimte = formatter.width - formatter.current_indent - max(map(len, namen.values()), default=0) - 4
        rijen = [(getoond, self.get_command(ctx, naam).get_short_help_str(ruimte))
                 for naam, getoond in namen.items()]
        if rijen:
            with formatter.section("Commando's"):
                formatter.write_dl(rijen)

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        """Click's main, with every usage error in Dutch: `fout: ...`, exit 2."""
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except UsageError as fout:
            toon_gebruiksfout(fout.format_message(), fout.ctx)
            code = 2
        except ClickException as fout:  # pragma: no cover - not raised by our parameters
            _stderr(f"fout: {vertaal(fout.format_message())}")
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
    _stderr(f"fout: {vertaal(bericht)}")


def _stderr(tekst: str) -> None:
    """A usage error names what the user typed or a file holds (an unknown scenario and the
    ones there are): shown through the one line printer for stderr, `uitvoer.meld`."""
    from brutonetto.cli.uitvoer import meld

    meld(tekst)
