"""What the engine tests read of a document's statements: the countries holding them, by sentence."""

from model.documents import Document
from model.engine.extract import Engine


def actors_of(engine: Engine, text: str) -> set[str]:
    """The countries holding the statements of ``text`` (one news document)."""
    return {str(r["actor"]) for r in engine.document(Document(id="d", text=text))}


def sentence_actors(engine: Engine, text: str) -> dict[str, set[str]]:
    """The countries holding the statements of ``text``, by the sentence they cite."""
    out: dict[str, set[str]] = {}
    for r in engine.document(Document(id="d", text=text)):
        out.setdefault(str(r["sentence"]), set()).add(str(r["actor"]))
    return out


def polarities(engine: Engine, text: str, speaker: str | None = None, actor: str | None = None) -> list[float]:
    """The polarities of the statements of ``text`` (of ``actor``'s only, when given); there must be some."""
    rows = engine.document(Document(id="d", text=text, speaker_country=speaker))
    pols = [float(str(r["polarity"])) for r in rows if actor is None or r["actor"] == actor]
    assert pols, text
    return pols
