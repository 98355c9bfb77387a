"""``python -m analysis``: the same as the ``analysis`` command."""
from .cli import run

if __name__ == "__main__":
    run()
