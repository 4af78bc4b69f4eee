"""Rules as code: national schemes, exact to the cent, explained, vectorised.

Plain Python + numpy; no Django here (the screener app wraps it). The public surface:

- `screen(payload, known_municipalities)` / `InputError` - the screening contract (JSON in/out);
- `explain(households, on)` - explained answers for a few households;
- `evaluate(tables, on)` / `evaluate_population(tables, on)` - arrays for any number of households;
- `national_schemes()` - the scheme registry (order of use); `load_parameters()` - the parameter tree.
"""

from kansrijk.rules.contract import InputError, screen
from kansrijk.rules.engine import evaluate, evaluate_population, explain
from kansrijk.rules.params import load_parameters
from kansrijk.rules.schemes import national_schemes

__all__ = [
    "InputError",
    "evaluate",
    "evaluate_population",
    "explain",
    "load_parameters",
    "national_schemes",
    "screen",
]
