"""Who met whom, drawn: the co-appearance network of a corpus's directory as a readable SVG chart.

:func:`network_chart` draws the ``person-person`` ties of :func:`analysis.edges.edges` (optionally
people and organizations): at most ``n`` people, the most connected, placed by networkx's spring
layout; a tie's width and colour grow with its weight and the strongest ties are drawn dark;
labels are moved until none overlaps another; a note under the chart counts the people and ties
left out. :func:`svg` and :func:`embed` (from :mod:`analysis.rendering`) render it as inline SVG.

>>> import pandas as pd
>>> ties = pd.DataFrame({"kind": "person-person", "via": "article", "source": ["P1", "P1"], "target": ["P2", "P3"],
...                      "source_name": "Ann Lee", "target_name": ["Bo Park", "Cy Tan"], "weight": [3, 1]})
>>> fig = network_chart(ties, n=2)
>>> fig.axes[0].get_title(), [t.get_text() for t in fig.axes[0].texts if t.get_gid() == "network-label"]
('Who appears with whom', ['Ann Lee', 'Bo Park'])
>>> svg(fig).startswith("<svg")
True
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
from matplotlib.figure import Figure

from .rendering import embed, svg  # noqa: F401  (network.svg, network.embed: shown in the corpus report)

if TYPE_CHECKING:
    from matplotlib.axes import Axes

DARK = "#1f4e79"
LIGHT = "#9fb6cd"
NODE = "#2e86ab"
ORGANIZATION = "#f18f01"
WIDTH = 7.5
STRONG = 0.25  # the strongest quarter of the ties drawn shown dark


def _ties(edges: pd.DataFrame, kinds: tuple[str, ...]) -> pd.DataFrame:
    """One row per pair: source, target, names, weight (summed over the kinds and ways of meeting)."""
    if edges is None or not len(edges) or not {"kind", "source", "target", "weight"} <= set(edges.columns):
        return pd.DataFrame(columns=["source", "target", "source_name", "target_name", "weight"])
    chosen = edges[edges["kind"].isin(kinds)].copy()
    for side in ("source", "target"):
        if f"{side}_name" not in chosen.columns:
            chosen[f"{side}_name"] = chosen[side]
        chosen[f"{side}_name"] = chosen[f"{side}_name"].where(chosen[f"{side}_name"].notna(), chosen[side])
    if "via" in chosen.columns and kinds == ("person-person",):
        # an article tie and an event tie of one pair are one tie: the stronger of the two counts
        grouped = chosen.groupby(["source", "target"], sort=False).agg(
            source_name=("source_name", "first"), target_name=("target_name", "first"), weight=("weight", "max")
        )
    else:
        grouped = chosen.groupby(["source", "target"], sort=False).agg(
            source_name=("source_name", "first"), target_name=("target_name", "first"), weight=("weight", "sum")
        )
    return grouped.reset_index()


def _empty(title: str, message: str) -> Figure:
    fig = Figure(figsize=(WIDTH, 1.8), layout="constrained")
    ax = fig.subplots()
    ax.set_axis_off()
    ax.set_title(title, fontsize=11, fontweight="bold")
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="#555555", fontsize=10)
    return fig


def _short(name: str, width: int = 28) -> str:
    name = " ".join(str(name).split())
    return name if len(name) <= width else name[: width - 1].rstrip() + "…"


def network_chart(
    edges: pd.DataFrame,
    *,
    n: int = 30,
    kinds: tuple[str, ...] = ("person-person",),
    title: str = "Who appears with whom",
    seed: int = 7,
) -> Figure:
    """The network of ``edges`` (see :func:`analysis.edges.edges`) with at most ``n`` nodes.

    ``kinds`` selects the ties drawn ("person-person", "person-organization"); the ``n`` nodes
    with the largest summed tie weight are kept, the rest summarised in a note under the chart.
    """
    import networkx as nx

    ties = _ties(edges, kinds)
    if ties.empty:
        return _empty(title, "No two people appear together.")
    graph = nx.Graph()
    names: dict[str, str] = {}
    for row in ties.itertuples(index=False):
        graph.add_edge(row.source, row.target, weight=float(row.weight))
        names[row.source], names[row.target] = row.source_name, row.target_name
    strength = dict(graph.degree(weight="weight"))
    articles = _articles_per_node(ties)
    ranked = sorted(graph.nodes, key=lambda node: (-articles.get(node, 0), -strength[node], str(names[node]), str(node)))
    kept = ranked[: max(2, n)]
    sub = graph.subgraph(kept).copy()
    sub.remove_nodes_from([node for node in list(sub.nodes) if sub.degree(node) == 0])
    left_nodes = len(graph) - len(sub)
    left_ties = graph.number_of_edges() - sub.number_of_edges()

    fig = Figure(figsize=(WIDTH, 6.4 if len(sub) > 12 else 4.8))
    ax = fig.add_axes((0.01, 0.09, 0.98, 0.84))
    ax.set_axis_off()
    ax.set_title(title, fontsize=11, fontweight="bold")
    positions = _layout(sub, seed)
    weights = sorted((d["weight"] for _, _, d in sub.edges(data=True)), reverse=True)
    top = max(weights) if weights else 1.0
    cut = weights[max(0, int(len(weights) * STRONG) - 1)] if weights else top
    for a, b, data in sorted(sub.edges(data=True), key=lambda e: e[2]["weight"]):
        strong = data["weight"] >= cut and data["weight"] > 1 or data["weight"] == top
        (xa, ya), (xb, yb) = positions[a], positions[b]
        ax.plot(
            [xa, xb], [ya, yb],
            color=DARK if strong else LIGHT,
            linewidth=0.6 + 3.4 * data["weight"] / top,
            alpha=0.9 if strong else 0.6,
            zorder=1 if not strong else 2,
            solid_capstyle="round",
        )
    for node in sub.nodes:
        x, y = positions[node]
        organization = str(node).startswith("O")
        ax.scatter([x], [y], s=30 + 170 * strength[node] / max(strength.values()), color=ORGANIZATION if organization else NODE,
                   edgecolors="white", linewidths=0.8, zorder=3)
    labels = []
    for node in sub.nodes:
        x, y = positions[node]
        text = ax.text(x, y, _short(names[node]), fontsize=8, ha="center", va="bottom", zorder=4, color="#1a1a1a",
                       bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.8})
        text.set_gid("network-label")
        labels.append(text)
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    ax.set_xlim(min(xs) - 0.6, max(xs) + 0.6)
    ax.set_ylim(min(ys) - 0.4, max(ys) + 0.5)
    for _ in range(3):  # widening the limits to hold the labels rescales them: separate again
        if not _separate(fig, ax, labels):
            break
    _leaders(ax, labels, positions, list(sub.nodes))
    unit = "nodes" if kinds != ("person-person",) else "people"
    shown = f"{len(sub)} of {len(graph)} {unit} (those named in the most articles), {sub.number_of_edges()} of {graph.number_of_edges()} ties"
    rest = f"; {left_nodes} {unit} and {left_ties} ties not drawn" if left_nodes else ""
    fig.text(0.01, 0.045, f"{shown}{rest}.", fontsize=8, color="#444444")
    fig.text(0.01, 0.015, "Line width: articles (or events) shared; dark lines: the strongest ties.", fontsize=8, color="#444444")
    return fig


def _articles_per_node(ties: pd.DataFrame) -> dict[str, int]:
    """Node → number of distinct articles among its ties (how often it appears with anyone)."""
    if "article_ids" not in ties.columns:
        return {}
    seen: dict[str, set] = {}
    for source, target, ids in zip(ties["source"], ties["target"], ties["article_ids"]):
        found = {i for i in str(ids).split("; ") if i and not i.startswith("…")} if isinstance(ids, str) else set()
        seen.setdefault(source, set()).update(found)
        seen.setdefault(target, set()).update(found)
    return {node: len(ids) for node, ids in seen.items()}


def _layout(graph, seed: int) -> dict[str, tuple[float, float]]:
    """Each connected group laid out on its own (spring layout; a circle for a group where everyone
    meets everyone), the groups packed in rows, largest first, each scaled to its size."""
    import math

    import networkx as nx

    groups = sorted(nx.connected_components(graph), key=lambda g: (-len(g), sorted(map(str, g))))
    row_width = max(4.0, 2.6 * math.sqrt(len(graph)))
    positions: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for group in groups:
        sub = graph.subgraph(group)
        size = len(group)
        radius = 0.0 if size == 1 else 0.55 if size == 2 else 0.45 * math.sqrt(size) + 0.3
        if size <= 2:
            local = {node: (i * 1.1 - 0.55 * (size - 1), 0.0) for i, node in enumerate(sorted(group, key=str))}
        elif sub.number_of_edges() == size * (size - 1) // 2:
            local = nx.circular_layout(sorted(group, key=str), scale=radius)
        else:
            local = nx.spring_layout(sub, weight="weight", seed=seed, k=1.2 / math.sqrt(size), iterations=300, scale=radius)
        width = 2 * radius + 1.6  # room for the labels
        if x + width > row_width and x > 0:
            x, y, row_height = 0.0, y - row_height, 0.0
        for node, (lx, ly) in local.items():
            positions[node] = (x + width / 2 + float(lx), y - radius - 0.3 + float(ly))
        x += width
        row_height = max(row_height, 2 * radius + 0.9)
    return positions


def _leaders(ax: Axes, labels: list, positions: dict, nodes: list) -> None:
    """A thin line from a node to its label where the label had to move away from it."""
    for label, node in zip(labels, nodes):
        lx, ly = label.get_position()
        nx_, ny = positions[node]
        if abs(ly - ny) > 0.12 or abs(lx - nx_) > 0.12:
            ax.plot([nx_, lx], [ny, ly], color="#bbbbbb", linewidth=0.5, zorder=1.5)


def _separate(fig: Figure, ax: Axes, labels: list, *, pad: float = 3.0, rounds: int = 400) -> bool:
    """Move labels apart (up and down) until no two boxes overlap; boxes are measured once by the renderer
    and then moved in display coordinates."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = FigureCanvasAgg(fig).get_renderer()
    boxes = [list(label.get_window_extent(renderer).extents) for label in labels]  # x0, y0, x1, y1
    shifts = [0.0] * len(labels)
    any_moved = False
    for _ in range(rounds):
        moved = False
        order = sorted(range(len(boxes)), key=lambda i: boxes[i][1])
        for position, i in enumerate(order):
            for j in order[position + 1 :]:
                if boxes[j][1] - boxes[i][3] > pad:
                    break
                dx = min(boxes[i][2], boxes[j][2]) - max(boxes[i][0], boxes[j][0]) + pad
                dy = min(boxes[i][3], boxes[j][3]) - max(boxes[i][1], boxes[j][1]) + pad
                if dx > 0 and dy > 0:
                    shift = dy / 2 + 0.5
                    up, down = (j, i) if boxes[j][1] + boxes[j][3] >= boxes[i][1] + boxes[i][3] else (i, j)
                    for index, sign in ((up, 1.0), (down, -1.0)):
                        boxes[index][1] += sign * shift
                        boxes[index][3] += sign * shift
                        shifts[index] += sign * shift
                    moved = any_moved = True
        if not moved:
            break
    to_data = ax.transData.inverted()
    for label, shift in zip(labels, shifts):
        if shift:
            px, py = ax.transData.transform(label.get_position())
            label.set_position(tuple(to_data.transform((px, py + shift))))
    _keep_inside(fig, ax, labels, renderer)
    return any_moved


def _keep_inside(fig: Figure, ax: Axes, labels: list, renderer) -> None:
    """Widen the axes' limits so every label lies inside them."""
    to_data = ax.transData.inverted()
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    for label in labels:
        box = label.get_window_extent(renderer)
        (bx0, by0), (bx1, by1) = to_data.transform((box.x0, box.y0)), to_data.transform((box.x1, box.y1))
        x0, x1, y0, y1 = min(x0, bx0), max(x1, bx1), min(y0, by0), max(y1, by1)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
