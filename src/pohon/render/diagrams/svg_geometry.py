"""The geometry of Graphviz's SVG: transforms, and shapes as PDF path operators in points."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ElementTree

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_TRANSFORM = re.compile(r"(matrix|translate|scale|rotate)\s*\(([^)]*)\)")
_PATH = re.compile(r"[MmLlCcZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_KAPPA = 0.5523  # control-point distance of a quarter ellipse drawn as one Bézier curve


def transform(text: str) -> Matrix:
    matrix = IDENTITY
    for name, args in _TRANSFORM.findall(text):
        values = [float(n) for n in NUMBER.findall(args)]
        matrix = times(matrix, _one_transform(name, values))
    return matrix


def _one_transform(name: str, v: list[float]) -> Matrix:
    if name == "matrix" and len(v) == 6:
        return (v[0], v[1], v[2], v[3], v[4], v[5])
    if name == "translate" and v:
        return (1.0, 0.0, 0.0, 1.0, v[0], v[1] if len(v) > 1 else 0.0)
    if name == "scale" and v:
        return (v[0], 0.0, 0.0, v[1] if len(v) > 1 else v[0], 0.0, 0.0)
    if name == "rotate" and v:
        cos, sin = math.cos(math.radians(v[0])), math.sin(math.radians(v[0]))
        return (cos, sin, -sin, cos, 0.0, 0.0)
    return IDENTITY


def times(m: Matrix, n: Matrix) -> Matrix:
    """m then n, as SVG nests them: a point goes through n first."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + c * q, b * p + d * q, a * r + c * s, b * r + d * s, a * t + c * u + e, b * t + d * u + f)  # fmt: skip


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


def polyline(points: list[tuple[float, float]], *, closed: bool) -> str:
    if len(points) < 2:
        return ""
    ops = [f"{number(points[0][0])} {number(points[0][1])} m"]
    ops += [f"{number(x)} {number(y)} l" for x, y in points[1:]]
    return " ".join([*ops, "h"] if closed else ops)


def path(d: str, matrix: Matrix) -> tuple[str, list[tuple[float, float]]]:
    """A path's M, L, C and Z commands (absolute or relative), as Graphviz writes its edges."""
    ops: list[str] = []
    points: list[tuple[float, float]] = []
    command, here = "", (0.0, 0.0)
    numbers: list[float] = []
    for token in _PATH.findall(d):
        if token.isalpha():
            here = _flush(command, numbers, here, matrix, ops, points)
            command, numbers = token, []
        else:
            numbers.append(float(token))
    _flush(command, numbers, here, matrix, ops, points)
    return " ".join(ops), points


def _flush(
    command: str,
    numbers: list[float],
    here: tuple[float, float],
    matrix: Matrix,
    ops: list[str],
    points: list[tuple[float, float]],
) -> tuple[float, float]:
    step = {"M": 2, "L": 2, "C": 6}.get(command.upper(), 0)
    if command in ("Z", "z") and ops:
        ops.append("h")
    for start in range(0, len(numbers) - step + 1, step) if step else ():
        values = numbers[start : start + step]
        if command.islower():
            values = [v + here[i % 2] for i, v in enumerate(values)]
        pairs = [apply(matrix, x, y) for x, y in zip(values[::2], values[1::2], strict=False)]
        points += pairs
        coords = " ".join(f"{number(x)} {number(y)}" for x, y in pairs)
        first = command.upper() == "M" and start == 0
        ops.append(f"{coords} {'m' if first else 'c' if step == 6 else 'l'}")
        here = (values[-2], values[-1])
    return here


def ellipse(element: ElementTree.Element, matrix: Matrix) -> tuple[str, list[tuple[float, float]]]:
    cx, cy = float(element.get("cx", "0")), float(element.get("cy", "0"))
    rx, ry = float(element.get("rx", "0")), float(element.get("ry", "0"))
    kx, ky = rx * _KAPPA, ry * _KAPPA
    curve = [
        (cx + rx, cy),
        (cx + rx, cy + ky), (cx + kx, cy + ry), (cx, cy + ry),
        (cx - kx, cy + ry), (cx - rx, cy + ky), (cx - rx, cy),
        (cx - rx, cy - ky), (cx - kx, cy - ry), (cx, cy - ry),
        (cx + kx, cy - ry), (cx + rx, cy - ky), (cx + rx, cy),
    ]  # fmt: skip
    points = [apply(matrix, x, y) for x, y in curve]
    text = [f"{number(points[0][0])} {number(points[0][1])} m"]
    for i in range(1, 13, 3):
        text.append(" ".join(f"{number(x)} {number(y)}" for x, y in points[i : i + 3]) + " c")
    return " ".join([*text, "h"]), points


def number(value: float, places: int = 2) -> str:
    """A number as PDF writes it: short, and the same on every machine."""
    text = f"{value:.{places}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
