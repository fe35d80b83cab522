"""The command line: Typer commands that forward to one runner."""


def main() -> None:
    """The `brutonetto` console script and `python -m brutonetto`.

    A run is one short process. Its cyclic garbage collector is off from the start: what
    loading the modules and building the input model makes (classes, functions, schemas)
    lives as long as the process, and the collector only scanned it over and over (~12% of
    a cold start; bench/run.py). Our own work makes no cycles worth collecting: reference
    counting frees it (bench/run.py's peak memory figures are measured this way).
    """
    import gc

    gc.disable()
    from brutonetto.cli.commands import main as draai

    draai()
