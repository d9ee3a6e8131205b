"""axe-core in a Playwright page: the accessibility check of the browser tests.

axe-core is vendored in ``vendor/axe.min.js`` (MPL-2.0, see ``vendor/LICENSE``), so the
tests never fetch anything. Refresh it with ``npm pack axe-core`` and copy
``package/axe.min.js`` and ``package/LICENSE`` here.
"""
import json
from pathlib import Path

AXE_JS = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
SERIOUS = ("serious", "critical")
# WCAG 2.1 A and AA plus axe's best practices (landmarks, one h1, region...).
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def inject(page):
    """Load axe into the page unless it is already there. Evaluated through the DevTools
    protocol, which the page's CSP does not govern: an inline <script> tag would be refused
    (and reported as a violation)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))


def run(page, tags=TAGS, context=None):
    """Every axe violation on the page as it is now (a list of axe result dicts)."""
    inject(page)
    result = page.evaluate(
        """async ([ctx, tags]) => {
            const r = await axe.run(ctx || document, {runOnly: {type: "tag", values: tags},
                                                  resultTypes: ["violations"]});
            return r.violations;
        }""",
        [context, list(tags)],
    )
    return result


def serious_violations(page, **kw):
    """The violations a resident would trip on: impact serious or critical."""
    return [v for v in run(page, **kw) if v.get("impact") in SERIOUS]


def describe(violations):
    """A readable summary for an assertion message: rule, impact, help and the nodes."""
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']}")
        for node in v.get("nodes", [])[:5]:
            target = json.dumps(node.get("target"))
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"    {target}: {summary[:300]}")
    return "\n".join(lines)


def assert_no_serious(page, where=""):
    found = serious_violations(page)
    assert not found, f"axe found serious accessibility problems on {where or page.url}:\n{describe(found)}"
