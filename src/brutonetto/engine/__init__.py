"""The arithmetic: pure `Decimal` functions over loaded profiles, and the report records they make.

Nothing here imports Typer, Rich or YAML.
"""
