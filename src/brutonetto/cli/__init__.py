"""The command line: Typer commands that forward to one runner."""
