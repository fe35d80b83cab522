"""Reading input: paths -> text -> YAML data -> validated fields -> merged profiles (`loader.load`).

What is read is made of domain types (brutonetto.domain); input never imports the engine,
and the engine never imports input (tests/test_layout.py): the command line combines them.
"""
