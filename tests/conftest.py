"""Shared fixtures: paths, the spaCy-backed pipeline, a real PostgreSQL server."""
from __future__ import annotations

import os

import pytest

from chronica.store.throwaway_pg import server_binaries, throwaway_postgres
from corpus_paths import SHARED  # noqa: F401  (tests/ is on pythonpath)


@pytest.fixture(scope="session")
def settings():
    from chronica.config import Settings
    return Settings()


@pytest.fixture(scope="session")
def analyse(settings):
    """Run the whole document pipeline on a string."""
    from chronica.pipeline import Pipeline
    import hashlib
    from chronica.doc import Doc, Source

    pipe = Pipeline(settings.document_pipeline, settings)

    def run(text: str, path: str = "<test>"):
        return pipe(Doc(Source(path, text, hashlib.sha256(text.encode()).hexdigest(), "txt")))

    return run


# ----------------------------------------------------------------------- PostgreSQL --

@pytest.fixture(scope="session")
def postgres_url():
    """A throwaway PostgreSQL cluster on a free loopback port for the session (the same
    server bench/pgserver.py starts; fsync off here)."""
    if server_binaries() is None:
        pytest.skip("PostgreSQL server binaries are not installed (apt-get install postgresql; .ci/run does)")
    with throwaway_postgres(prefix="chronica-pg-", durable=False) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole run: Playwright's sync API allows one driver per
    thread, so the web and export tests share it."""
    from web_browser import CHROMIUM, CHROMIUM_ARGS
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed at /usr/bin/chromium (CI installs it)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()
# ----------------------------------------------------------------------- hypothesis --
# Property tests run a moderate number of examples in `make test` (profile "ci");
# HYPOTHESIS_PROFILE=long runs many more, and bench/fuzz.py fuzzes for a time budget.
from hypothesis import HealthCheck, settings as hypothesis_settings  # noqa: E402

hypothesis_settings.register_profile("ci", max_examples=150, deadline=None, print_blob=True,
                                     suppress_health_check=[HealthCheck.too_slow])
hypothesis_settings.register_profile("long", max_examples=3000, deadline=None, print_blob=True,
                                     suppress_health_check=[HealthCheck.too_slow])
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
