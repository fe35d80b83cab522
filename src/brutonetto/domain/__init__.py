"""The domain floor: the types every room shares, and nothing else.

input builds these values from files, the engine computes with them, output and the
command line show them; each of those imports this package, and this package imports
none of them (only the top-level floor modules errors.py and notation.py).
input and engine never import each other: a type both need lives here. Parsing stays in
input and arithmetic in the engine; what is here is the shape of the data and the few
methods that belong to it (how a quantity prints itself, where a field was written).

- hoeveelheid.py: the units and the quantities as written (`Hoeveelheid`, `Duur`)
- profiel.py: one functie in one scenario, merged (`Profiel`)
- capaciteit.py, contactcentrum.py: contract v2's parts of a profile (imported only
  where a profile has them: a cold start without them does not pay for them)
- functie.py: a functie as loaded, with where each field was written (`Functie`, `Invoer`,
  `Herkomst`, `BASIS`)
- registratie.py: one row of registered hours (`Registratie`) and how a date is written
"""
