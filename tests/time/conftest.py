import pytest

from chronica.time import TimeTagger


@pytest.fixture(scope="session")
def tagger() -> TimeTagger:
    return TimeTagger.load()
