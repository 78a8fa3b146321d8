"""The CI workflow: zizmor, the pinned copy in the venv, run offline, finds nothing of medium
or higher severity, and every action is pinned to a commit, its version in a comment beside it.

CI runs zizmor online as well (.github/workflows/pages.yml), which also checks each commit
against its version; these tests need no network.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
ZIZMOR = Path(sys.executable).parent / "zizmor"
USES = re.compile(r"^\s*(?:- )?uses: *(.*)$", re.MULTILINE)
PINNED = re.compile(r"[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+")


def findings(workflows: Path) -> list[str]:
    """The idents of zizmor's findings of medium or higher severity, offline."""
    result = subprocess.run(
        [str(ZIZMOR), "--offline", "--min-severity", "medium", "--format", "json",
         str(workflows)],
        capture_output=True, text=True, timeout=120)
    # 0: nothing found; 13 and 14: the highest finding is medium, high. Anything else is
    # zizmor failing to run, which must not pass for "no findings".
    assert result.returncode in (0, 13, 14), result.stderr
    return [finding["ident"] for finding in json.loads(result.stdout)]


def test_zizmor_finds_nothing_of_medium_or_higher_severity():
    assert findings(WORKFLOW.parent) == []


def test_zizmor_as_run_here_catches_a_tag_pin_and_persisted_credentials(tmp_path: Path):
    text = WORKFLOW.read_text(encoding="utf-8")
    broken = re.sub(r"actions/checkout@[0-9a-f]{40}", "actions/checkout@v4", text, count=1)
    # Left out, checkout's default keeps the token in .git/config.
    broken = re.sub(r"\n *persist-credentials: false\n", "\n", broken)
    assert "actions/checkout@v4" in broken and "persist-credentials" not in broken
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    (workflows / "pages.yml").write_text(broken, encoding="utf-8")
    assert set(findings(workflows)) == {"artipacked", "unpinned-uses"}


def test_every_action_is_pinned_to_a_commit_with_its_version_in_a_comment():
    text = WORKFLOW.read_text(encoding="utf-8")
    uses = USES.findall(text)
    assert uses and len(uses) == text.count("uses:")
    assert [ref for ref in uses if not PINNED.fullmatch(ref)] == []
