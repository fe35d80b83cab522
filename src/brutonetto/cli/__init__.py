"""The command line: Typer commands that forward to one runner.

The top of the house: it loads input, runs the engine and hands the result to output,
the only place that imports all of them (input -> domain <- engine -> output -> cli).
"""


def main() -> None:
    """The `brutonetto` console script and `python -m brutonetto`.

    A run is one short process. Its cyclic garbage collector is off from the start: what
    loading the modules and building the input model makes (classes, functions, schemas)
    lives as long as the process, and the collector only scanned it over and over (~12% of
    a cold start; bench/run.py). Reference counting frees what the work makes; the little
    cyclic garbage left costs less than looking for it (10,000 functies: 276 MB peak instead
    of 258 MB and 15% faster; bench/run.py measures peak memory this way).
    """
    import gc

    gc.disable()
    from brutonetto.cli.commands import main as draai

    draai()
