"""`chronica ask "QUESTION"`: a plain-English question answered from the knowledge base,
with the quotes that prove the answer (or the nearest passages when it does not know)."""
from __future__ import annotations

import json

import click
from rich.console import Console

DEFAULT_DB = "sqlite:///chronica.db"


@click.command()
@click.argument("question")
@click.option("--db", "db_url", default=DEFAULT_DB, show_default=True, envvar="CHRONICA_DB",
              help="SQLAlchemy database URL of the knowledge base.")
@click.option("--json", "as_json", is_flag=True, help="The answer as JSON (question, status, text, values, cites, passages).")
@click.option("--rerank", is_flag=True, help="Re-rank the passages with the WordLlama embedding model (the `ask` extra).")
def ask(question: str, db_url: str, as_json: bool, rerank: bool) -> None:
    """Answer QUESTION ("When was …?", "Where was … in 1822?", "Who killed …?", "Whatever
    happened to …?", "What do the sources disagree about?") with its evidence."""
    from .ask import open_asker
    from .ask.render import render_answer
    from .errors import ChronicaError
    from .store import open_store

    if not question.strip():
        raise ChronicaError("the question is empty: write it in quotes, e.g. chronica ask \"When did … happen?\"")
    store = open_store(db_url, create=False)
    try:
        answer = open_asker(store, rerank=rerank).ask(question)
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
    else:
        render_answer(answer, Console())
