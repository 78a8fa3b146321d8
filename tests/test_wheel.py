"""The package as a user outside this checkout gets it: `pip install .` builds a wheel, and
`summit-briefings init` from that wheel writes a site that `mkdocs build --strict` builds.

The wheel goes into a fresh venv, away from the checkout (the working folder is a temporary
one, so Python cannot import the checkout's package by accident). Its dependencies are the
ones already installed in the running venv, reached through a path file, so the test needs
no network and installs nothing twice.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from summit_briefings.authoring.new_site import COPIED

REPO = Path(__file__).resolve().parent.parent
SKELETON = "summit_briefings/authoring/skeleton/"


def run(argv: list[str | Path], cwd: Path) -> str:
    done = subprocess.run([str(a) for a in argv], cwd=cwd, capture_output=True, text=True,
                          timeout=600, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
                          check=False)
    assert done.returncode == 0, f"{argv}\n{done.stdout}\n{done.stderr}"
    return done.stdout + done.stderr


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Built from a copy: pip builds in the source tree, in its build/ folder, which a test on
    # another worker, or the wheel fixture there, may be writing at the same time.
    source, out = tmp_path_factory.mktemp("source") / "project", tmp_path_factory.mktemp("wheel")
    shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", ".cache", "build", "site", "site-*", "*.egg-info", "__pycache__",
        "tests", "node_modules"))
    run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--disable-pip-version-check", "--wheel-dir", out, source], cwd=out)
    (built,) = out.glob("summit_briefings-*.whl")
    return built


def files_under(root: Path, names: tuple[str, ...]) -> set[str]:
    found = set()
    for name in names:
        path = root / name
        paths = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
        found |= {p.relative_to(root).as_posix() for p in paths if "__pycache__" not in p.parts}
    return found


def test_the_wheel_ships_every_file_init_copies(wheel: Path):
    with zipfile.ZipFile(wheel) as archive:
        shipped = {name.removeprefix(SKELETON) for name in archive.namelist()
                   if name.startswith(SKELETON)}
    assert shipped == files_under(REPO, COPIED)


def test_init_from_the_installed_wheel_writes_a_site_that_builds_strictly(
        wheel: Path, tmp_path: Path):
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", venv], cwd=tmp_path)
    python = venv / "bin" / "python"
    site_packages = Path(run([python, "-c", "import sysconfig; print(sysconfig.get_path("
                              "'purelib'), end='')"], cwd=tmp_path))
    (site_packages / "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n",
                                                    encoding="utf-8")
    run([sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps",
         "--no-index", "--disable-pip-version-check", wheel], cwd=tmp_path)
    where = run([python, "-c", "import summit_briefings; print(summit_briefings.__file__)"],
                cwd=tmp_path)
    assert where.startswith(str(site_packages)), where

    run([venv / "bin" / "summit-briefings", "init", "mysite"], cwd=tmp_path)
    run([python, "-m", "mkdocs", "build", "--strict"], cwd=tmp_path / "mysite")
    home = (tmp_path / "mysite" / "site" / "index.html").read_text(encoding="utf-8")
    assert "The site covers 0 summits" in home
    hedges = "data/hedges.yaml"  # its sentences are checked for hedges from the start
    assert (tmp_path / "mysite" / hedges).read_bytes() == (REPO / hedges).read_bytes()
