"""The corpus stage the conflict tests run on their hand-built sources: claims, event
matching, conflicts."""
from chronica.config import Settings
from chronica.extract.claims import extract_claims
from chronica.pipeline import Context
from chronica.reconcile.conflicts import find_conflicts
from chronica.reconcile.match import match_events


def run(corpus):
    for d in corpus.docs:
        extract_claims(d, None)
    match_events(corpus, Context(Settings()))
    find_conflicts(corpus, Context(Settings()))
    return corpus.conflicts
