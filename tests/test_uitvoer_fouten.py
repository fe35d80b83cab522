"""Output that the world refuses: full disks, closed or broken streams, file-size limits, signals.

These run the real command in a subprocess: what is tested is what a shell sees (the exit
code, stderr to the last byte, the files left behind), including what Python does when it
flushes its streams at exit and when a signal arrives. Never `interne fout`, never a traceback.
"""

from __future__ import annotations

import errno
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX streams, limits and signals")

VOL_APPARAAT = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="/dev/full, a disk that is always full, is Linux's")
VOL = "fout: kan niet schrijven naar standaarduitvoer: de schijf is vol\n"
TE_GROOT = "het bestand wordt te groot (ulimit -f of de grens van het bestandssysteem)"
VOORBEELD = str(EXAMPLES / "klant-en-service.yaml")


def _omgeving() -> dict[str, str]:
    return {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1"}


def draai(*args: str, cwd: Path | None = None, **opties) -> subprocess.CompletedProcess:
    """`python -m brutonetto ARGS` as a shell runs it; stderr captured unless `opties` say otherwise."""
    opties.setdefault("stderr", subprocess.PIPE)
    return subprocess.run([sys.executable, "-m", "brutonetto", *args], cwd=cwd, env=_omgeving(), timeout=120, **opties)


def _grens(grootte: int):
    """A preexec_fn: the child may write files up to `grootte` bytes (`ulimit -f`)."""
    return lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (grootte, grootte))


# -- standard output that refuses -------------------------------------------------------------

@pytest.mark.parametrize("args", [
    ["compute", VOORBEELD],  # the table: more than a buffer
    ["compute", VOORBEELD, "-f", "json"],
    ["compute", VOORBEELD, "-f", "csv", "--csv-dialect", "nl"],
    ["explain", VOORBEELD],
    ["erlang", "--aanbod", "100", "--interval", "30min", "--gespreksduur", "180s", "--servicelevel", "80/20"],  # a few lines: left for the final flush
    ["schema"],
    ["--version"],  # written by the command line itself, outside any command
    ["--help"],
], ids=lambda args: "-".join(a for a in args[:3] if "/" not in a))
@VOL_APPARAAT
def test_standard_output_on_a_full_disk(args):
    with open("/dev/full", "w") as vol:
        run = draai(*args, stdout=vol)
    assert (run.returncode, run.stderr.decode()) == (1, VOL)


def test_standard_output_closed():
    run = draai("compute", VOORBEELD, "-f", "json", preexec_fn=lambda: os.close(1))
    assert (run.returncode, run.stderr.decode()) == (1, "fout: kan niet schrijven naar standaarduitvoer: die is gesloten\n")


def test_standard_output_closed_by_the_shell():
    run = subprocess.run(["bash", "-c", f'"{sys.executable}" -m brutonetto compute "{VOORBEELD}" >&-'],
                         env=_omgeving(), stderr=subprocess.PIPE, timeout=120)
    assert (run.returncode, run.stderr.decode()) == (1, "fout: kan niet schrijven naar standaarduitvoer: die is gesloten\n")


def test_standard_output_above_the_file_size_limit(tmp_path):
    with open(tmp_path / "uit.json", "w") as uit:
        run = draai("compute", VOORBEELD, "-f", "json", stdout=uit, preexec_fn=_grens(1000))
    assert (run.returncode, run.stderr.decode()) == (1, f"fout: kan niet schrijven naar standaarduitvoer: {TE_GROOT}\n")


def test_a_reader_that_stops_early_is_no_error():
    """`brutonetto compute ... | head -1`: quiet, exit 0, and nothing for Python's final flush."""
    proces = subprocess.Popen([sys.executable, "-m", "brutonetto", "compute", VOORBEELD, "-f", "json"],
                              env=_omgeving(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proces.stdout.read(1)
    proces.stdout.close()
    fouten = proces.stderr.read()
    assert (proces.wait(60), fouten.decode()) == (0, "")


# -- --output that refuses: the old file stays, no temporary file is left ---------------------

def _zonder_resten(map_: Path) -> list[str]:
    return sorted(p.name for p in map_.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize("formaat", ["json", "xlsx"])
def test_output_above_the_file_size_limit(tmp_path, formaat):
    doel = tmp_path / f"o.{formaat}"
    doel.write_bytes(b"oud")
    run = draai("compute", VOORBEELD, "-f", formaat, "-o", doel.name, cwd=tmp_path, preexec_fn=_grens(500))
    assert (run.returncode, run.stderr.decode()) == (1, f"fout: kan niet schrijven naar {doel.name}: {TE_GROOT}\n")
    assert doel.read_bytes() == b"oud" and _zonder_resten(tmp_path) == []


@VOL_APPARAAT
@pytest.mark.parametrize("formaat", ["json", "xlsx"])
def test_output_onto_a_full_device(formaat):
    """A device is written into, not replaced; its refusal is reported, zipfile says nothing after us."""
    run = draai("compute", VOORBEELD, "-f", formaat, "-o", "/dev/full")
    assert (run.returncode, run.stderr.decode()) == (1, "fout: kan niet schrijven naar /dev/full: de schijf is vol\n")


@pytest.mark.parametrize("nummer", [errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EBADF, errno.EACCES, errno.EPERM,
                                    errno.EROFS, errno.EIO, errno.ENAMETOOLONG])
def test_the_common_reasons_are_said_in_dutch(nummer):
    from brutonetto.cli.uitvoer import reden

    tekst = reden(OSError(nummer, os.strerror(nummer)))
    assert tekst and tekst != os.strerror(nummer)


def test_an_uncommon_reason_keeps_the_words_of_the_system():
    from brutonetto.cli.uitvoer import reden

    assert reden(OSError(errno.ELOOP, os.strerror(errno.ELOOP))) == os.strerror(errno.ELOOP)


# -- signals while writing --output ------------------------------------------------------------

# Run the command with a signal sent to itself in the middle of the workbook's zip: right after
# zipfile wrote its third member, so the handler runs while the archive is half written.
# (A member comes from memory, `writestr`, or from XlsxWriter's temporary file of a sheet, `write`.)
_MIDDEN_IN_DE_ZIP = """\
import os, runpy, sys, zipfile
gezien = []
def haak(echt):
    def lid(self, *args, **kwargs):
        echt(self, *args, **kwargs)
        gezien.append(1)
        if len(gezien) == 3:
            os.kill(os.getpid(), int(os.environ["SIGNAAL"]))
    return lid
zipfile.ZipFile.writestr = haak(zipfile.ZipFile.writestr)
zipfile.ZipFile.write = haak(zipfile.ZipFile.write)
sys.argv[0] = "brutonetto"
runpy.run_module("brutonetto", run_name="__main__")
"""


def _met_haak(haak: str, tmp_path: Path, nummer: int, *args: str) -> subprocess.CompletedProcess:
    script = tmp_path / "haak.py"
    script.write_text(haak, encoding="utf-8")
    return subprocess.run([sys.executable, str(script), *args], cwd=tmp_path, env={**_omgeving(), "SIGNAAL": str(nummer)},
                          stderr=subprocess.PIPE, timeout=120)


@pytest.mark.parametrize("nummer", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT, signal.SIGQUIT, signal.SIGUSR1,
                                    signal.SIGUSR2, signal.SIGALRM], ids=lambda s: s.name)
def test_a_signal_in_the_middle_of_the_workbook(tmp_path, nummer):
    (tmp_path / "o.xlsx").write_bytes(b"oud")
    run = _met_haak(_MIDDEN_IN_DE_ZIP, tmp_path, nummer, "compute", VOORBEELD, "-f", "xlsx", "-o", "o.xlsx")
    assert (run.returncode, run.stderr.decode()) == (128 + nummer, f"afgebroken ({nummer.name})\n")
    assert (tmp_path / "o.xlsx").read_bytes() == b"oud" and _zonder_resten(tmp_path) == []


def _groot(pad: Path, aantal: int) -> Path:
    regels = ["eenheid: Groot", "standaard: {beschikbare_uren: 1631, aftrek: {verzuim: 5%, leren: 100 uur}}",
              "scenarios: {meer: {aftrek: {extra: 10 uur}}}", "functies:"]
    regels += [f"  - {{functie: F{i}, fte: {i % 50 + 1}, kosten_per_fte: 70000}}" for i in range(aantal)]
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")
    return pad


def test_sigterm_from_outside_while_a_big_workbook_is_written(tmp_path):
    """No hook: the signal comes from another process as soon as the temporary file exists."""
    _groot(tmp_path / "groot.yaml", 3000)
    (tmp_path / "o.xlsx").write_bytes(b"oud")
    proces = subprocess.Popen([sys.executable, "-m", "brutonetto", "compute", "groot.yaml", "-f", "xlsx", "-o", "o.xlsx"],
                              cwd=tmp_path, env=_omgeving(), stderr=subprocess.PIPE)
    einde = time.monotonic() + 60
    while not _zonder_resten(tmp_path) and proces.poll() is None and time.monotonic() < einde:
        time.sleep(0.005)
    assert proces.poll() is None, "the workbook was written before the signal could be sent"
    proces.send_signal(signal.SIGTERM)
    fouten = proces.stderr.read().decode()
    assert (proces.wait(60), fouten) == (128 + signal.SIGTERM, "afgebroken (SIGTERM)\n")
    assert (tmp_path / "o.xlsx").read_bytes() == b"oud" and _zonder_resten(tmp_path) == []


# -- init writes its pair, or nothing ----------------------------------------------------------

def test_init_above_the_file_size_limit_leaves_neither_file(tmp_path):
    """The profile fits under 4 kB, the schema beside it does not: neither may stay."""
    run = draai("init", "p.yaml", cwd=tmp_path, preexec_fn=_grens(4096))
    assert (run.returncode, run.stderr.decode()) == (1, f"fout: kan niet schrijven naar brutonetto.schema.json: {TE_GROOT}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


_IN_HET_SCHEMA = """\
import os, runpy, sys
from brutonetto.output import schema
echt = schema.als_tekst
def als_tekst(*args, **kwargs):
    os.kill(os.getpid(), int(os.environ["SIGNAAL"]))  # after the profile is written, before the schema
    return echt(*args, **kwargs)
schema.als_tekst = als_tekst
sys.argv[0] = "brutonetto"
runpy.run_module("brutonetto", run_name="__main__")
"""


def test_init_interrupted_between_its_two_files_leaves_neither(tmp_path):
    run = _met_haak(_IN_HET_SCHEMA, tmp_path, signal.SIGTERM, "init", "p.yaml")
    assert (run.returncode, run.stderr.decode()) == (128 + signal.SIGTERM, "afgebroken (SIGTERM)\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["haak.py"]


def test_init_with_a_schema_already_there_writes_the_profile_only(tmp_path):
    (tmp_path / "brutonetto.schema.json").write_text("{}", encoding="utf-8")
    run = draai("init", "p.yaml", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "brutonetto.schema.json").read_text(encoding="utf-8") == "{}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brutonetto.schema.json", "p.yaml"]


# -- what a second security probe found -------------------------------------------------------

def test_a_closed_standard_input_is_an_input_problem(tmp_path):
    run = draai("compute", "-", cwd=tmp_path, stdin=subprocess.DEVNULL, preexec_fn=lambda: os.close(0))
    assert (run.returncode, run.stderr.decode()) == (
        1, "<stdin>: kan standaardinvoer niet lezen: die is gesloten\n1 probleem gevonden; er is niets berekend.\n")


def test_a_file_name_too_long_is_an_output_problem_not_an_internal_error(tmp_path):
    lang = "a" * 300
    run = draai("compute", str(ROOT / "examples" / "hot-2023.yaml"), "-f", "json", "-o", f"{lang}.json", cwd=tmp_path)
    assert (run.returncode, run.stderr.decode()) == (1, f"fout: kan niet schrijven naar {lang}.json: de bestandsnaam is te lang\n")
    run = draai("init", f"{lang}.yaml", cwd=tmp_path)
    assert (run.returncode, run.stderr.decode()) == (1, f"fout: kan niet schrijven naar {lang}.yaml: de bestandsnaam is te lang\n")


def test_init_shows_the_name_it_wrote_without_its_controls(tmp_path):
    run = draai("init", "y\x1b]0;PWN\x07.yaml", cwd=tmp_path)
    assert run.returncode == 0 and "\x1b" not in run.stderr.decode() and "geschreven: y␛]0;PWN␇.yaml" in run.stderr.decode()


def test_a_streamed_run_above_the_file_size_limit_is_no_internal_error(tmp_path):
    """A third probe: compute -f json of a big file under `ulimit -f` streams into a temporary file,
    which refused too; closing it raised once more, and that came out as 'interne fout' (exit 3)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from generate import generate

    (tmp_path / "groot.yaml").write_text(generate(2000), encoding="utf-8")
    run = draai("compute", "groot.yaml", "-f", "json", "-o", "o.json", cwd=tmp_path, preexec_fn=_grens(100_000))
    assert (run.returncode, run.stderr.decode()) == (1, f"fout: kan niet schrijven naar o.json: {TE_GROOT}\n")
