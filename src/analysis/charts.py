"""Charts: functions from tables to matplotlib Figures (they never call ``plt.show()``).

>>> import pandas as pd
>>> term_bars(pd.DataFrame({"term": ["cybercrime"], "count": [8]})).axes[0].get_title()
'Top terms'
"""
from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

PALETTE = ["#1f4e79", "#2e86ab", "#f18f01", "#c73e1d", "#3b1f2b", "#6a994e", "#8d99ae"]


def term_bars(terms: pd.DataFrame, *, title: str = "Top terms", column: str = "count") -> Figure:
    """Horizontal bars of ``terms[column]`` by ``terms['term']``, largest on top."""
    fig = Figure(figsize=(7, max(2.0, 0.3 * len(terms) + 1)), layout="constrained")
    ax = fig.subplots()
    ax.barh(terms["term"][::-1], terms[column][::-1], color=PALETTE[0])
    ax.set_title(title)
    ax.set_xlabel(column.replace("_", " "))
    return fig
