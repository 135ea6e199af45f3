"""The package's shape: the folders are the flow, and imports only run down it.

model → words, pictures → io → clinical → plan, intake → render → api, batch → web, cli. A module may import from its own
layer and the layers below, never above; only the CLI reads environment variables; the public API is
what ``rehabgen.__all__`` says; and a JSON plan never loads the PDF machinery.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import rehabgen
from tests.conftest import EXAMPLES, ROOT

PACKAGE = ROOT / "src" / "rehabgen"
LAYERS = {
    "_version": 0,
    "errors": 0,
    "i18n": 0,
    "model": 0,
    "words": 1,
    "pictures": 1,
    "io": 2,
    "clinical": 3,
    "plan": 4,
    "intake": 4,
    "render": 5,
    "api": 6,
    "batch": 6,
    "cli": 7,
    "web": 7,
    "__init__": 8,
    "__main__": 8,
}


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _layer(parts: tuple[str, ...]) -> int:
    name = parts[0].removesuffix(".py")
    return LAYERS[name]


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("rehabgen."):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("rehabgen.")}
    return found


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_only_run_down_the_flow(path: Path) -> None:
    own = _layer(path.relative_to(PACKAGE).parts)
    for module in _imports(path):
        target = _layer(tuple(module.split(".")[1:]))
        assert target <= own, f"{path.relative_to(PACKAGE)} (layer {own}) imports {module} (layer {target})"


def test_every_top_level_part_has_a_layer() -> None:
    tops = {p.name.removesuffix(".py") for p in PACKAGE.iterdir() if p.suffix == ".py" or p.is_dir()}
    tops -= {"__pycache__", "py", "locale"}  # locale/ holds message catalogues, no code
    assert tops <= set(LAYERS), tops - set(LAYERS)


def test_only_the_cli_reads_the_environment() -> None:
    for path in _modules():
        if path.relative_to(PACKAGE).parts[0] == "cli":
            continue
        text = path.read_text(encoding="utf-8")
        assert "os.environ" not in text and "getenv" not in text, path


def test_modules_and_functions_stay_small() -> None:
    for path in _modules():
        text = path.read_text(encoding="utf-8")
        assert len(text.splitlines()) <= 500, path
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                assert node.end_lineno is not None
                assert node.end_lineno - node.lineno < 80, f"{path.name}:{node.lineno} {node.name}"


def test_the_public_api_is_complete_and_importable() -> None:
    for name in rehabgen.__all__:
        assert getattr(rehabgen, name) is not None, name
    assert {"load_catalogue", "load_template", "read_profile", "profile_from_dict", "build_programme"} <= set(
        rehabgen.__all__
    )
    assert {"render_handout", "run_batch", "FORMATS", "HandoutOptions"} <= set(rehabgen.__all__)


def _modules_loaded_by(*args: str) -> set[str]:
    code = (
        "import sys\nfrom rehabgen.cli import app\n"
        f"sys.argv = ['rehabgen', *{list(args)!r}]\n"
        "try:\n    app()\nexcept SystemExit:\n    pass\n"
        "print('\\n'.join(sorted(sys.modules)), file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(result.stderr.split())


def test_a_json_plan_does_not_load_reportlab() -> None:
    loaded = _modules_loaded_by("plan", str(EXAMPLES / "profile.yaml"), "--format", "json")
    assert "rehabgen.plan.planner" in loaded
    assert not any(m.startswith("reportlab") for m in loaded)


def test_help_loads_neither_pydantic_nor_reportlab() -> None:
    loaded = _modules_loaded_by("--help")
    assert not any(m.startswith(("reportlab", "pydantic", "yaml")) for m in loaded)


def test_the_web_app_keeps_to_its_own_stack() -> None:
    """Ruff's banned-api lets web/ import its stack; this keeps the others out (and the CLI: serve runs the app)."""
    banned = {"reportlab", "yaml", "typer", "rich", "prompt_toolkit", "uvicorn", "rehabgen.cli"}
    for path in sorted((PACKAGE / "web").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            names += [a.name for a in node.names] if isinstance(node, ast.Import) else []
            for name in names:
                assert not any(name == b or name.startswith(b + ".") for b in banned), (path.name, name)
