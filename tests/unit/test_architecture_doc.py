"""docs/architecture.md matches the code: every module and name it cites exists, and every
package of app/ has its place in the layers."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DOC = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")


def _resolve(reference: str) -> bool:
    parts = reference.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            found: object = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for attribute in parts[cut:]:
            if not hasattr(found, attribute):
                return False
            found = getattr(found, attribute)
        return True
    return False


def test_every_dotted_name_the_page_cites_exists() -> None:
    cited = sorted(set(re.findall(r"`(app(?:\.[A-Za-z_]\w*)+)", DOC)))
    assert len(cited) > 30
    assert [name for name in cited if not _resolve(name)] == []


def test_every_path_the_page_cites_exists() -> None:
    cited = sorted(set(re.findall(r"\b(app/[\w/]+(?:\.py)?)", DOC)))
    missing = [
        path
        for path in cited
        if not (REPO / path).exists() and not (REPO / path).with_suffix(".py").exists()
    ]
    assert missing == []


@pytest.mark.parametrize(
    "package",
    sorted(p.name for p in (REPO / "app").iterdir() if (p / "__init__.py").exists()),
)
def test_every_package_has_its_row_in_the_layers(package: str) -> None:
    layers = DOC[DOC.index("## Layers") : DOC.index("## The way data flows")]
    assert f"`app.{package}`" in layers


def test_the_layers_table_follows_the_contract() -> None:
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    contract = pyproject[pyproject.index("layers = [") : pyproject.index("ignore_imports")]
    order = re.findall(r"app\.[a-z_]+", contract)
    layers = DOC[DOC.index("## Layers") : DOC.index("## The way data flows")]
    rows = [m for m in re.findall(r"^\| \d+ \| `(app\.[a-z]+)`", layers, re.MULTILINE)]
    assert [name for name in order if name in rows] == rows
